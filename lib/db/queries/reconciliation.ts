// Reconciliation inputs: Layers' own install conversions (SdkEvent) against the installs each ad platform
// reports (DailyMetric), per platform and day. The comparison itself is lib/reconciliation.
import { addDays, dayBounds, dayKey, type CountsByPlatformDay } from "@/lib/reconciliation";
import { db as defaultDb, type Db } from "../client";

/**
 * What Layers counts as a conversion here: the install the platforms report, i.e. the SDK's
 * first-launch event. Production only (test traffic must not move the numbers), deduplicated
 * by event id (the unique index) and by install id (a re-sent first launch is one install).
 */
export const CONVERSION_EVENT_NAMES = ["app_install", "first_open", "install"] as const;
export const RECONCILED_PLATFORMS = ["meta", "tiktok", "apple_search_ads"] as const;
export const RECONCILIATION_DAYS = 14;

export interface ReconciliationLayer {
  id: string;
  name: string;
  platform: string;
  accountTimezone: string;
}

export interface ReconciliationInput {
  timeZone: string;
  /** Project-timezone days, oldest first; the last one is today (partial). */
  days: string[];
  layersConversionsByPlatformDay: CountsByPlatformDay;
  platformReportedByPlatformDay: CountsByPlatformDay;
  layers: ReconciliationLayer[];
}

function nest(rows: { platform: string; day: string; n: number }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.platform] ??= {})[r.day] = Number(r.n);
  return out;
}

export async function loadReconciliationInput(projectId: string, now: Date, options: { days?: number; db?: Db } = {}): Promise<ReconciliationInput> {
  const client = options.db ?? defaultDb;
  const count = options.days ?? RECONCILIATION_DAYS;
  const project = await client.project.findUniqueOrThrow({ where: { id: projectId }, select: { timezone: true } });
  const timeZone = project.timezone;
  const today = dayKey(now, timeZone);
  const first = addDays(today, -(count - 1));
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  // ISO strings cast to timestamp: the columns hold UTC wall time, whatever the session timezone.
  const start = dayBounds(first, timeZone).start.toISOString();
  const end = dayBounds(today, timeZone).end.toISOString();
  const names = [...CONVERSION_EVENT_NAMES];
  const platforms = [...RECONCILED_PLATFORMS];

  const [ours, theirs, layers] = await Promise.all([
    // occurredAt is a UTC timestamp: attach UTC, then read the wall date in the project timezone (DST-safe).
    client.$queryRaw<{ platform: string; day: string; n: number }[]>`
      SELECT "adPlatform" AS platform, to_char(("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
             count(DISTINCT coalesce("installId", "eventId"::text))::int AS n
      FROM "SdkEvent"
      WHERE "projectId" = ${projectId} AND name = ANY(${names}) AND environment = 'production'
        AND "adPlatform" = ANY(${platforms}) AND "occurredAt" >= ${start}::timestamp AND "occurredAt" < ${end}::timestamp
      GROUP BY 1, 2`,
    // Ads and keywords only: ad sets and campaigns hold roll-ups of the same installs.
    client.$queryRaw<{ platform: string; day: string; n: number }[]>`
      SELECT l.platform::text AS platform, to_char(m.date, 'YYYY-MM-DD') AS day, sum(m.installs)::int AS n
      FROM "DailyMetric" m JOIN "Layer" l ON l.id = m."layerId" JOIN "AdEntity" e ON e.id = m."entityId"
      WHERE l."projectId" = ${projectId} AND l.platform::text = ANY(${platforms}) AND e.level IN ('ad', 'keyword')
        AND m.date >= ${first}::date AND m.date <= ${today}::date
      GROUP BY 1, 2`,
    client.layer.findMany({
      where: { projectId, platform: { in: platforms } },
      orderBy: [{ platform: "asc" }, { name: "asc" }],
      select: { id: true, name: true, platform: true, accountTimezone: true },
    }),
  ]);
  return { timeZone, days, layersConversionsByPlatformDay: nest(ours), platformReportedByPlatformDay: nest(theirs), layers };
}

/**
 * Opens the drift task once per streak (the dedupe key is unique across projects, hence the
 * project prefix) and notifies only when the task is new, so a job run every hour does not
 * notify every hour. Returns whether the task was new.
 */
export async function raiseDriftAlert(
  projectId: string,
  alert: { task: { kind: string; dedupeKey: string; title: string; body: string }; notification: { title: string; body: string } },
  options: { db?: Db; link: string },
): Promise<boolean> {
  const client = options.db ?? defaultDb;
  const dedupeKey = `${projectId}:${alert.task.dedupeKey}`;
  const { count } = await client.task.createMany({
    data: [{ projectId, kind: alert.task.kind, title: alert.task.title, body: alert.task.body, link: options.link, dedupeKey }],
    skipDuplicates: true,
  });
  if (count === 0) return false;
  await client.notification.createMany({
    data: [{ projectId, kind: alert.task.kind, title: alert.notification.title, body: alert.notification.body, link: options.link, dedupeKey }],
    skipDuplicates: true,
  });
  return true;
}
