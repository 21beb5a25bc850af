// The events feed reads and its polling route: filters, search, hourly counts, org scoping.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { NO_FEED_FILTERS, type FeedFilters } from "@/lib/events/feed-filters";
import { toIngestRow } from "@/lib/events/ingest-row";
import { normalizeEvent } from "@/lib/events/normalize";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { hourlyEventCounts, insertIngestRows, listFeedEvents, listRecentEventNames } = await import("./events");
const { GET: feedRoute } = await import("@/app/api/projects/[projectId]/events/route");

const db = createDb(process.env.DATABASE_URL!, 2);
const now = new Date();
const HOUR = 3_600_000;
const ids = { project: "", viewer: "", outsider: "" };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function row(n: number, agoMs: number, fields: Record<string, unknown> = {}) {
  const result = normalizeEvent(
    { event: "app_open", event_id: uuid(n), timestamp: new Date(now.getTime() - agoMs).toISOString(), app_id: "app", environment: "production", platform: "ios", ...fields },
    { now, maxPastMs: 30 * 86_400_000 },
  );
  if (!result.ok) throw new Error(`${result.field} ${result.reason}`);
  const stored = toIngestRow(result.event);
  if (!stored.ok) throw new Error(stored.reason);
  return stored.row;
}

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const org = await db.org.create({ data: { name: "Feed org", slug: `feed-${suffix}` } });
  const other = await db.org.create({ data: { name: "Feed other", slug: `feed-other-${suffix}` } });
  ids.viewer = (await db.user.create({ data: { email: `v-${suffix}@feed.test`, memberships: { create: { orgId: org.id, role: "viewer" } } } })).id;
  ids.outsider = (await db.user.create({ data: { email: `o-${suffix}@feed.test`, memberships: { create: { orgId: other.id, role: "owner" } } } })).id;
  ids.project = (await db.project.create({ data: { orgId: org.id, name: "Feed app", slug: "feed" } })).id;
  await insertIngestRows(ids.project, [
    row(1, 30 * 60_000, { event: "purchase_success", platform: "android", app_user_id: "user_42", utm_source: "tiktok", revenue: 4.99, currency: "EUR" }),
    row(2, 23.5 * HOUR, { app_user_id: "user_7" }),
    row(3, 25 * HOUR, { ad_platform: "asa" }),
    row(4, 7 * 24 * HOUR + 30 * 60_000),
    row(5, 7 * 24 * HOUR + 10 * 60_000),
    row(6, 2 * HOUR),
    ...Array.from({ length: 120 }, (_, i) => row(100 + i, 3 * 24 * HOUR + i * 1000, { event: "level_complete" })),
  ], now);
  await insertIngestRows(ids.project, [row(7, 5 * HOUR, { event_id: "order_123", event: "sign_up" })], now);
});
afterAll(() => db.$disconnect());

const feed = (filters: Partial<FeedFilters>) => listFeedEvents(ids.project, { ...NO_FEED_FILTERS, ...filters }, now);
const names = async (filters: Partial<FeedFilters>) => (await feed(filters)).events.map((e) => e.eventId);

describe("events feed queries", () => {
  it("returns the newest 100 first, with ISO times", async () => {
    const { events, projectHasEvents } = await feed({});
    expect(projectHasEvents).toBe(true);
    expect(events).toHaveLength(100);
    expect(events[0]).toMatchObject({ eventId: uuid(1), name: "purchase_success", platform: "android", adPlatform: "tiktok", revenueMinor: 499, currency: "EUR", appUserId: "user_42" });
    const times = events.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by name, platform, ad platform and time range", async () => {
    expect(await names({ name: "purchase_success" })).toEqual([uuid(1)]);
    expect(await names({ platform: "android" })).toEqual([uuid(1)]);
    expect(await names({ source: "apple_search_ads" })).toEqual([uuid(3)]);
    expect(await names({ range: "24h", source: "unattributed" })).toEqual([uuid(6), expect.any(String), uuid(2)]); // the middle one is order_123
    expect(await names({ range: "1h" })).toEqual([uuid(1)]);
  });

  it("searches by event id (stored or as sent) and by app_user_id", async () => {
    expect(await names({ q: uuid(2).toUpperCase() })).toEqual([uuid(2)]);
    expect(await names({ q: "user_42" })).toEqual([uuid(1)]);
    const signUp = await feed({ q: "order_123" });
    expect(signUp.events.map((e) => e.name)).toEqual(["sign_up"]);
    expect(await names({ q: "nobody" })).toEqual([]);
  });

  it("counts events per rolling hour against the same hours last week", async () => {
    const { thisWeek, lastWeek } = await hourlyEventCounts(ids.project, now);
    expect(thisWeek).toHaveLength(24);
    expect(thisWeek[23]).toBe(1);
    expect(thisWeek[0]).toBe(1);
    expect(thisWeek.reduce((a, b) => a + b, 0)).toBe(4);
    expect(lastWeek[23]).toBe(2);
    expect(lastWeek.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("lists recent event names, most frequent first", async () => {
    expect((await listRecentEventNames(ids.project, now))[0]).toBe("level_complete");
  });
});

describe("GET /api/projects/[projectId]/events", () => {
  const call = (query: string) =>
    feedRoute(new Request(`http://x/api/projects/${ids.project}/events${query}`), { params: Promise.resolve({ projectId: ids.project }) });

  it("serves the filtered feed to a viewer and 404 to another org", async () => {
    session.userId = ids.viewer;
    const response = await call("?name=purchase_success&range=24h");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual([uuid(1)]);
    expect(typeof body.fetchedAt).toBe("string");

    session.userId = ids.outsider;
    const denied = await call("");
    expect(denied.status).toBe(404);
    expect(JSON.stringify(await denied.json())).not.toContain("user_42");
  });
});
