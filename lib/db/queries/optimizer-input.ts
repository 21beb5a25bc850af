// Everything one optimizer cycle needs for a layer, in a handful of set-based queries (never one per entity).
// Windows are aggregated in PostgreSQL into disjoint day bands (today, 1–2, 3–6, 7–13, 14–29 days ago, older),
// one row per entity and band, and prefix-summed here: moving 3M daily rows into Node would cost more than
// deciding. The hot reads go through the plain pg pool (Prisma's row mapping costs ~3× on 100k rows).
import type { EntityInput, EntityMetrics, WindowKey, WindowMetrics } from "@/lib/optimizer";
import { getPgPool } from "../bulk";
import { db } from "../client";

const WINDOWS: [WindowKey, number][] = [["1d", 1], ["3d", 3], ["7d", 7], ["14d", 14], ["30d", 30]];
/** Band b holds the days that window b adds to window b-1; band 5 is everything older (lifetime only). */
const BAND_COUNT = 6;

// One row per entity, its bands packed as "band,spend,impressions,clicks,installs,revenue,freqWeighted,freqImpressions,activeDays;…":
// node-pg parses 500k narrow rows ~3× slower than 100k rows of one text each.
export const BANDED_METRICS_SQL = `
  SELECT b.id, string_agg(concat_ws(',', b.band, b.s, b.i, b.c, b.n, b.r, b.fw, b.fi, b.a), ';'), bool_or(b.any_delivery)
  FROM (
    SELECT m."entityId" AS id,
      CASE WHEN m.date > $2::date - 1 THEN 0 WHEN m.date > $2::date - 3 THEN 1 WHEN m.date > $2::date - 7 THEN 2
           WHEN m.date > $2::date - 14 THEN 3 WHEN m.date > $2::date - 30 THEN 4 ELSE 5 END AS band,
      sum(m."spendMinor") AS s, sum(m.impressions) AS i, sum(m.clicks) AS c, sum(m.installs) AS n, sum(m."revenueMinor") AS r,
      COALESCE(sum(m.frequency::float8 * m.impressions) FILTER (WHERE m.frequency IS NOT NULL AND m.impressions > 0), 0) AS fw,
      COALESCE(sum(m.impressions) FILTER (WHERE m.frequency IS NOT NULL AND m.impressions > 0), 0) AS fi,
      count(*) FILTER (WHERE m."spendMinor" > 0 OR m.impressions > 0) AS a,
      bool_or(m."spendMinor" > 0 OR m.impressions > 0 OR m.clicks > 0 OR m.installs > 0) AS any_delivery
    FROM "DailyMetric" m
    WHERE m."layerId" = $1 AND m.date <= $2::date
    GROUP BY 1, 2
  ) b
  GROUP BY b.id`;

// [spend, impressions, clicks, installs, revenue, freqWeighted, freqImpressions, activeDays] per band.
type Bands = Float64Array;
const FIELDS = 8;

function toWindow(bands: Bands, days: number, upToBand: number): WindowMetrics {
  const sum = (f: number) => {
    let s = 0;
    for (let b = 0; b <= upToBand; b++) s += bands[b * FIELDS + f]!;
    return s;
  };
  const spend = sum(0);
  const impressions = sum(1);
  const clicks = sum(2);
  const installs = sum(3);
  const fi = sum(6);
  return {
    days, spendMinor: spend, impressions, clicks, installs, revenueMinor: sum(4),
    cpaMinor: installs > 0 ? spend / installs : null,
    ctr: impressions > 0 ? clicks / impressions : null,
    cpmMinor: impressions > 0 ? (spend * 1000) / impressions : null,
    cvr: clicks > 0 ? installs / clicks : null,
    frequency: fi > 0 ? sum(5) / fi : null,
    activeDays: sum(7),
  };
}

export function bandsToEntityMetrics(bands: Bands | undefined, anyDelivery: boolean): EntityMetrics {
  const b = bands ?? new Float64Array(BAND_COUNT * FIELDS);
  const windows = Object.fromEntries(WINDOWS.map(([key, days], i) => [key, toWindow(b, days, i)])) as EntityMetrics["windows"];
  let lifetime = 0;
  for (let band = 0; band < BAND_COUNT; band++) lifetime += b[band * FIELDS]!;
  return { windows, lifetimeSpendMinor: lifetime, hasAnyMetrics: anyDelivery };
}

async function queryBandedMetrics(layerId: string, today: string) {
  const client = await getPgPool().connect();
  try {
    // Up to six groups per entity: with the default work_mem a 100k-entity layer spills the hash to disk (~4× slower).
    await client.query("BEGIN");
    await client.query("SET LOCAL work_mem = '256MB'");
    const result = await client.query<unknown[]>({ text: BANDED_METRICS_SQL, values: [layerId, today], rowMode: "array" });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function loadBandedMetrics(layerId: string, today: string) {
  const result = await queryBandedMetrics(layerId, today);
  const byEntity = new Map<string, { bands: Bands; any: boolean }>();
  for (const row of result.rows) {
    const bands = new Float64Array(BAND_COUNT * FIELDS);
    for (const part of String(row[1]).split(";")) {
      const values = part.split(",");
      const offset = Number(values[0]) * FIELDS;
      for (let f = 0; f < FIELDS; f++) bands[offset + f] = Number(values[f + 1]);
    }
    byEntity.set(row[0] as string, { bands, any: row[2] === true });
  }
  return byEntity;
}

interface EntityRow {
  id: string;
  level: "campaign" | "adset" | "ad" | "keyword";
  parentId: string | null;
  platformCreatedAt: Date;
  status: "active" | "paused" | "deleted";
  learning: boolean;
  dailyBudgetMinor: number | null;
  bidMinor: number | null;
  contentId: string | null;
}

export async function loadCycleInput(layerId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const [layer, entityResult, metricsById, history] = await Promise.all([
    db.layer.findUniqueOrThrow({
      where: { id: layerId },
      select: { id: true, platform: true, status: true, mode: true, lastSyncAt: true, projectId: true, pausedReason: true,
        project: { select: { targetCpaMinor: true, timezone: true, org: { select: { id: true, emergencyStopAt: true } } } } },
    }),
    getPgPool().query<EntityRow>(
      `SELECT id, level, "parentId", "platformCreatedAt", status, learning, "dailyBudgetMinor", "bidMinor", "contentId"
       FROM "AdEntity" WHERE "layerId" = $1 AND status <> 'deleted'`, [layerId]),
    loadBandedMetrics(layerId, today),
    // Cooldowns look back 48h at most: only recent executed actions matter.
    db.actionExecution.findMany({
      where: { layerId, status: "succeeded", finishedAt: { gte: new Date(now.getTime() - 49 * 3_600_000) } },
      select: { entityId: true, action: true, finishedAt: true },
    }),
  ]);
  const entities = entityResult.rows;
  const actionsById = new Map<string, EntityInput["actions"][number][]>();
  for (const h of history) {
    if (!h.finishedAt || h.action === "hold" || h.action === "launch") continue;
    const list = actionsById.get(h.entityId) ?? [];
    list.push({ type: h.action, at: h.finishedAt });
    actionsById.set(h.entityId, list);
  }
  const inputs: EntityInput[] = entities.map((e) => {
    const metrics = metricsById.get(e.id);
    return {
      id: e.id,
      level: e.level,
      parentId: e.parentId,
      createdAt: e.platformCreatedAt,
      status: e.status === "active" ? "active" : "paused",
      learning: e.learning,
      dailyBudgetMinor: e.dailyBudgetMinor,
      bidMinor: e.bidMinor,
      actions: actionsById.get(e.id) ?? [],
      metrics: [],
      precomputed: bandsToEntityMetrics(metrics?.bands, metrics?.any ?? false),
    };
  });
  return { layer, entities, inputs };
}
