// SdkEvent: the set-based ingest insert (hot path, plain pg) and the events feed reads.
import { isUuid } from "@/lib/events/uuid";
import { FEED_PAGE_SIZE, rangeStart, type FeedFilters } from "@/lib/events/feed-filters";
import type { IngestRow } from "@/lib/events/ingest-row";
import { getPgPool } from "../bulk";
import { db } from "../client";
import type { Prisma } from "../generated/client";

const INSERT_SQL = `
INSERT INTO "SdkEvent" (id, "projectId", "eventId", name, "occurredAt", "receivedAt", "appId", "appUserId", "installId", "sessionId",
  environment, platform, "revenueMinor", currency, "campaignId", "adsetId", "adId", "adPlatform", payload)
SELECT 'ev_' || replace(gen_random_uuid()::text, '-', ''), u.project_id, u.event_id, u.name, u.occurred_at, u.received_at, u.app_id,
  u.app_user_id, u.install_id, u.session_id, u.environment, u.platform, u.revenue_minor, u.currency, u.campaign_id, u.adset_id, u.ad_id,
  u.ad_platform, u.payload::jsonb
FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamp[], $5::timestamp[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::text[], $11::text[], $12::int4[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
  AS u(project_id, event_id, name, occurred_at, received_at, app_id, app_user_id, install_id, session_id, environment, platform,
       revenue_minor, currency, campaign_id, adset_id, ad_id, ad_platform, payload)
ON CONFLICT ("projectId", "eventId") DO NOTHING
RETURNING "projectId", "eventId"`;

interface PendingInsert {
  projectId: string;
  rows: readonly IngestRow[];
  receivedAt: Date;
  resolve(inserted: Set<string>): void;
  reject(error: unknown): void;
}

/**
 * Group commit: while inserts are in flight, batches from concurrent requests queue up and go out
 * together as ONE statement (and one commit), so many small SDK batches cost about what one large
 * batch does. A request that finds the database idle is sent at once (no added latency).
 */
const MAX_IN_FLIGHT = 2;
const MAX_ROWS_PER_STATEMENT = 5_000;
const globalQueue = globalThis as unknown as { layersIngestQueue?: { pending: PendingInsert[]; inFlight: number } };
const queue = (globalQueue.layersIngestQueue ??= { pending: [], inFlight: 0 });

/**
 * Rows whose (projectId, eventId) already exists are skipped by the unique index, and an id
 * repeated across the requests of one statement goes to the first of them, so concurrent retries
 * of the same batch store each event exactly once. Resolves with the event ids this call
 * inserted (the rest were duplicates), after the commit. Dates travel as ISO strings: the columns
 * are UTC `timestamp`, and pg would send a Date in local time.
 */
export function insertIngestRows(projectId: string, rows: readonly IngestRow[], receivedAt: Date): Promise<Set<string>> {
  if (rows.length === 0) return Promise.resolve(new Set());
  return new Promise((resolve, reject) => {
    queue.pending.push({ projectId, rows, receivedAt, resolve, reject });
    pump();
  });
}

function pump(): void {
  while (queue.inFlight < MAX_IN_FLIGHT && queue.pending.length > 0) {
    const group: PendingInsert[] = [];
    let size = 0;
    while (queue.pending.length > 0 && (group.length === 0 || size + queue.pending[0].rows.length <= MAX_ROWS_PER_STATEMENT)) {
      const next = queue.pending.shift()!;
      group.push(next);
      size += next.rows.length;
    }
    queue.inFlight++;
    void insertGroup(group).finally(() => {
      queue.inFlight--;
      pump();
    });
  }
}

async function insertGroup(group: PendingInsert[]): Promise<void> {
  const owner = new Map<string, PendingInsert>();
  const rows: { request: PendingInsert; row: IngestRow }[] = [];
  for (const request of group)
    for (const row of request.rows) {
      const key = `${request.projectId}/${row.eventId}`;
      if (owner.has(key)) continue;
      owner.set(key, request);
      rows.push({ request, row });
    }
  try {
    const column = <T>(pick: (row: IngestRow, request: PendingInsert) => T) => rows.map((r) => pick(r.row, r.request));
    const result = await getPgPool().query<{ projectId: string; eventId: string }>(INSERT_SQL, [
      column((_, q) => q.projectId), column((r) => r.eventId), column((r) => r.name), column((r) => r.occurredAt.toISOString()),
      column((_, q) => q.receivedAt.toISOString()), column((r) => r.appId), column((r) => r.appUserId), column((r) => r.installId),
      column((r) => r.sessionId), column((r) => r.environment), column((r) => r.platform), column((r) => r.revenueMinor),
      column((r) => r.currency), column((r) => r.campaignId), column((r) => r.adsetId), column((r) => r.adId),
      column((r) => r.adPlatform), column((r) => r.payload),
    ]);
    const inserted = new Map(group.map((request) => [request, new Set<string>()]));
    for (const r of result.rows) inserted.get(owner.get(`${r.projectId}/${r.eventId}`)!)!.add(r.eventId);
    for (const request of group) request.resolve(inserted.get(request)!);
  } catch (error) {
    // Never let one request's failure fail its neighbours: retry each on its own.
    if (group.length === 1) return group[0].reject(error);
    await Promise.all(group.map((request) => insertGroup([request])));
  }
}

export interface FeedEvent {
  id: string;
  eventId: string;
  name: string;
  occurredAt: string;
  receivedAt: string;
  appId: string;
  appUserId: string | null;
  environment: string;
  platform: string;
  adPlatform: string | null;
  revenueMinor: number | null;
  currency: string | null;
}

function feedWhere(projectId: string, filters: FeedFilters, now: Date): Prisma.SdkEventWhereInput {
  const from = rangeStart(filters.range, now);
  const where: Prisma.SdkEventWhereInput = { projectId };
  if (from) where.occurredAt = { gte: from };
  if (filters.name) where.name = filters.name;
  if (filters.platform) where.platform = filters.platform;
  if (filters.source) where.adPlatform = filters.source === "unattributed" ? null : filters.source;
  if (filters.q) {
    const q = filters.q;
    where.OR = isUuid(q)
      ? [{ eventId: q.toLowerCase() }, { appUserId: q }, { payload: { path: ["clientEventId"], equals: q } }]
      : [{ appUserId: q }, { payload: { path: ["clientEventId"], equals: q } }];
  }
  return where;
}

/** The newest events first (first page only: the feed is "are conversions arriving?", not an export). */
export async function listFeedEvents(projectId: string, filters: FeedFilters, now: Date): Promise<{ events: FeedEvent[]; projectHasEvents: boolean }> {
  const [rows, any] = await Promise.all([
    db.sdkEvent.findMany({
      where: feedWhere(projectId, filters, now),
      orderBy: [{ occurredAt: "desc" }, { receivedAt: "desc" }],
      take: FEED_PAGE_SIZE,
      select: {
        id: true, eventId: true, name: true, occurredAt: true, receivedAt: true, appId: true, appUserId: true,
        environment: true, platform: true, adPlatform: true, revenueMinor: true, currency: true,
      },
    }),
    db.sdkEvent.findFirst({ where: { projectId }, select: { id: true } }),
  ]);
  return {
    events: rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), receivedAt: r.receivedAt.toISOString() })),
    projectHasEvents: any !== null,
  };
}

/** Event names seen in the last 30 days, most frequent first, for the filter menu. */
export async function listRecentEventNames(projectId: string, now: Date): Promise<string[]> {
  const groups = await db.sdkEvent.groupBy({
    by: ["name"],
    where: { projectId, occurredAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
    _count: { _all: true },
    orderBy: { _count: { name: "desc" } },
    take: 100,
  });
  return groups.map((g) => g.name);
}

/**
 * Events per rolling hour over the last 24 hours and over the same 24 hours a week earlier, oldest
 * first: index i covers [now − (24 − i) h, now − (23 − i) h). Rolling hours keep every bucket
 * complete, so the latest hour is not a false "drop".
 */
export async function hourlyEventCounts(projectId: string, now: Date): Promise<{ thisWeek: number[]; lastWeek: number[] }> {
  // ISO strings cast to timestamp: the column holds UTC wall time, whatever the session timezone.
  const until = now.toISOString();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const rows = await db.$queryRaw<{ week: number; ago: number; n: number }[]>`
    SELECT w.week, floor(extract(epoch FROM (w.until - e."occurredAt")) / 3600)::int AS ago, count(*)::int AS n
    FROM (VALUES (0, ${until}::timestamp), (1, ${weekAgo}::timestamp)) AS w(week, until)
    JOIN "SdkEvent" e ON e."projectId" = ${projectId} AND e."occurredAt" < w.until AND e."occurredAt" >= w.until - interval '24 hours'
    GROUP BY 1, 2`;
  const thisWeek = Array<number>(24).fill(0);
  const lastWeek = Array<number>(24).fill(0);
  for (const r of rows) if (r.ago >= 0 && r.ago < 24) (r.week === 0 ? thisWeek : lastWeek)[23 - r.ago] += r.n;
  return { thisWeek, lastWeek };
}
