// Demo SDK events consistent with the simulated platform installs: Layers sees 85–95% of what each platform
// reports (the platform also counts modeled and view-through installs), except TikTok, which over-reports by
// > 30% on its last 3 reported days so the reconciliation page and its drift task have something to show.
// Deterministic: ids are UUIDv5 of the install, randomness is seeded per platform and day, and re-running
// inserts nothing new.
import type { Db } from "@/lib/db/client";
import { loadReconciliationInput } from "@/lib/db/queries/reconciliation";
import { uuidV5 } from "@/lib/events/uuid";
import { dayBounds } from "@/lib/reconciliation";
import { createSeededRandom } from "./random";

export const DEMO_APP_ID = "com.acmegames.puzzlequest";
export const DEMO_DRIFT_PLATFORM = "tiktok";
const DRIFT_DAYS = 3;
/** Layers sees 70% of TikTok's claim on drift days: TikTok reports +43%. */
const DRIFT_RATIO = 0.7;
const UTM_SOURCE: Record<string, string> = { meta: "facebook", tiktok: "tiktok", apple_search_ads: "apple_search_ads" };

type DemoEvent = {
  projectId: string; eventId: string; name: string; occurredAt: Date; receivedAt: Date; appId: string; appUserId: string;
  installId: string; sessionId: string; environment: string; platform: string; revenueMinor: number | null; currency: string | null;
  adPlatform: string | null; payload: { demo: true; utm?: { source: string } };
};

export async function seedDemoEvents(db: Db, projectId: string, options: { now: Date; days?: number }): Promise<{ events: number; inserted: number }> {
  const { now } = options;
  const input = await loadReconciliationInput(projectId, now, { days: options.days ?? 14, db });
  const driftDays = new Set(Object.keys(input.platformReportedByPlatformDay[DEMO_DRIFT_PLATFORM] ?? {}).sort().slice(-DRIFT_DAYS));
  const events: DemoEvent[] = [];

  for (const [platform, byDay] of Object.entries(input.platformReportedByPlatformDay)) {
    for (const [day, reported] of Object.entries(byDay)) {
      const rand = createSeededRandom(`demo-events:${platform}:${day}`);
      const ratio = platform === DEMO_DRIFT_PLATFORM && driftDays.has(day) ? DRIFT_RATIO : 0.85 + 0.1 * rand();
      const { start, end } = dayBounds(day, input.timeZone);
      const until = Math.min(end.getTime(), now.getTime());
      if (until <= start.getTime()) continue;
      // Today is partial: only the share of the day that has happened.
      const share = (until - start.getTime()) / (end.getTime() - start.getTime());
      const count = Math.round(reported * ratio * share);
      for (let i = 0; i < count; i++) events.push(...installJourney(projectId, platform, day, i, start.getTime() + rand() * (until - start.getTime()), until, rand));
    }
  }

  let inserted = 0;
  for (let i = 0; i < events.length; i += 5_000) inserted += await insertDemoEvents(db, events.slice(i, i + 5_000));
  return { events: events.length, inserted };
}

// One unnest insert per chunk: Prisma's createMany takes seconds for a few thousand rows.
async function insertDemoEvents(db: Db, events: DemoEvent[]): Promise<number> {
  const col = <T>(pick: (e: DemoEvent) => T) => events.map(pick);
  return db.$executeRaw`
    INSERT INTO "SdkEvent" (id, "projectId", "eventId", name, "occurredAt", "receivedAt", "appId", "appUserId", "installId", "sessionId",
      environment, platform, "revenueMinor", currency, "adPlatform", payload)
    SELECT 'ev_' || replace(u.event_id::text, '-', ''), u.project_id, u.event_id, u.name, u.occurred_at, u.received_at, u.app_id, u.app_user_id,
      u.install_id, u.session_id, u.environment, u.platform, u.revenue_minor, u.currency, u.ad_platform, u.payload::jsonb
    FROM unnest(${col((e) => e.projectId)}::text[], ${col((e) => e.eventId)}::uuid[], ${col((e) => e.name)}::text[],
      ${col((e) => e.occurredAt.toISOString())}::timestamp[], ${col((e) => e.receivedAt.toISOString())}::timestamp[],
      ${col((e) => e.appId)}::text[], ${col((e) => e.appUserId)}::text[], ${col((e) => e.installId)}::text[], ${col((e) => e.sessionId)}::text[],
      ${col((e) => e.environment)}::text[], ${col((e) => e.platform)}::text[], ${col((e) => e.revenueMinor)}::int4[],
      ${col((e) => e.currency)}::text[], ${col((e) => e.adPlatform)}::text[], ${col((e) => JSON.stringify(e.payload))}::text[])
      AS u(project_id, event_id, name, occurred_at, received_at, app_id, app_user_id, install_id, session_id, environment, platform,
           revenue_minor, currency, ad_platform, payload)
    ON CONFLICT ("projectId", "eventId") DO NOTHING`;
}

function installJourney(projectId: string, adPlatform: string, day: string, index: number, installedAt: number, until: number, rand: () => number): DemoEvent[] {
  const installId = `inst_${adPlatform.slice(0, 2)}_${day.replaceAll("-", "")}_${index}`;
  const appUserId = `user_${uuidV5(installId).slice(0, 8)}`;
  const platform = adPlatform === "apple_search_ads" || rand() < 0.6 ? "ios" : "android";
  const base = { projectId, appId: DEMO_APP_ID, appUserId, installId, sessionId: `sess_${installId}`, environment: "production", platform };
  const event = (name: string, at: number, extra: Partial<DemoEvent> = {}): DemoEvent => ({
    ...base, eventId: uuidV5(`demo\u0000${projectId}\u0000${installId}\u0000${name}`), name, occurredAt: new Date(at),
    receivedAt: new Date(Math.min(at + 2_000, until)), revenueMinor: null, currency: null, adPlatform: null, payload: { demo: true }, ...extra,
  });
  const journey = [
    event("app_install", installedAt, { adPlatform, payload: { demo: true, utm: { source: UTM_SOURCE[adPlatform] ?? adPlatform } } }),
    event("app_open", installedAt + 20_000),
  ];
  const tutorialAt = installedAt + (2 + rand() * 10) * 60_000;
  if (rand() < 0.35 && tutorialAt < until) journey.push(event("tutorial_complete", tutorialAt));
  const purchaseAt = installedAt + (15 + rand() * 240) * 60_000;
  if (rand() < 0.05 && purchaseAt < until)
    journey.push(event("purchase_success", purchaseAt, { revenueMinor: rand() < 0.7 ? 499 : 999, currency: "USD" }));
  return journey.filter((e) => e.occurredAt.getTime() <= until);
}
