// Everything one optimizer cycle needs for a layer, in four set-based queries (never one per entity).
// Windows are aggregated in PostgreSQL: moving 3M daily rows into Node would cost more than deciding.
import type { EntityInput, EntityMetrics, WindowKey, WindowMetrics } from "@/lib/optimizer";
import { db } from "../client";

const WINDOWS: [WindowKey, number][] = [["1d", 1], ["3d", 3], ["7d", 7], ["14d", 14], ["30d", 30]];
type Field = "spend" | "impr" | "clicks" | "installs" | "revenue" | "fw" | "fi" | "active";

function windowSql(days: number): string {
  const f = `FILTER (WHERE m.date > $2::date - ${days})`;
  return [
    `COALESCE(sum(m."spendMinor") ${f}, 0)::float8 AS spend_${days}`,
    `COALESCE(sum(m.impressions) ${f}, 0)::float8 AS impr_${days}`,
    `COALESCE(sum(m.clicks) ${f}, 0)::float8 AS clicks_${days}`,
    `COALESCE(sum(m.installs) ${f}, 0)::float8 AS installs_${days}`,
    `COALESCE(sum(m."revenueMinor") ${f}, 0)::float8 AS revenue_${days}`,
    `COALESCE(sum(m.frequency * m.impressions) FILTER (WHERE m.date > $2::date - ${days} AND m.frequency IS NOT NULL AND m.impressions > 0), 0)::float8 AS fw_${days}`,
    `COALESCE(sum(m.impressions) FILTER (WHERE m.date > $2::date - ${days} AND m.frequency IS NOT NULL AND m.impressions > 0), 0)::float8 AS fi_${days}`,
    `count(*) FILTER (WHERE m.date > $2::date - ${days} AND (m."spendMinor" > 0 OR m.impressions > 0))::float8 AS active_${days}`,
  ].join(",\n");
}

export const WINDOWED_METRICS_SQL = `
  SELECT m."entityId" AS id,
    ${WINDOWS.map(([, days]) => windowSql(days)).join(",\n")},
    COALESCE(sum(m."spendMinor"), 0)::float8 AS lifetime_spend,
    bool_or(m."spendMinor" > 0 OR m.impressions > 0 OR m.clicks > 0 OR m.installs > 0) AS any_delivery
  FROM "DailyMetric" m
  WHERE m."layerId" = $1 AND m.date <= $2::date
  GROUP BY m."entityId"`;

type Row = Record<string, number | string | boolean>;

function toWindow(row: Row, days: number): WindowMetrics {
  const get = (field: Field) => Number(row[`${field}_${days}`] ?? 0);
  const spend = get("spend");
  const impressions = get("impr");
  const clicks = get("clicks");
  const installs = get("installs");
  const fi = get("fi");
  return {
    days,
    spendMinor: spend,
    impressions,
    clicks,
    installs,
    revenueMinor: get("revenue"),
    cpaMinor: installs > 0 ? spend / installs : null,
    ctr: impressions > 0 ? clicks / impressions : null,
    cpmMinor: impressions > 0 ? (spend * 1000) / impressions : null,
    cvr: clicks > 0 ? installs / clicks : null,
    frequency: fi > 0 ? get("fw") / fi : null,
    activeDays: get("active"),
  };
}

const EMPTY_ROW: Row = {};

export function rowToEntityMetrics(row: Row | undefined): EntityMetrics {
  const r = row ?? EMPTY_ROW;
  const windows = Object.fromEntries(WINDOWS.map(([key, days]) => [key, toWindow(r, days)])) as EntityMetrics["windows"];
  return { windows, lifetimeSpendMinor: Number(r.lifetime_spend ?? 0), hasAnyMetrics: r.any_delivery === true };
}

export async function loadCycleInput(layerId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const [layer, entities, metricRows, history] = await Promise.all([
    db.layer.findUniqueOrThrow({
      where: { id: layerId },
      select: { id: true, platform: true, status: true, mode: true, lastSyncAt: true, projectId: true, pausedReason: true,
        project: { select: { targetCpaMinor: true, timezone: true, org: { select: { id: true, emergencyStopAt: true } } } } },
    }),
    db.adEntity.findMany({
      where: { layerId, status: { not: "deleted" } },
      select: { id: true, level: true, parentId: true, platformCreatedAt: true, status: true, learning: true, dailyBudgetMinor: true, bidMinor: true, platformId: true, contentId: true, name: true },
      orderBy: { id: "asc" },
    }),
    db.$queryRawUnsafe<Row[]>(WINDOWED_METRICS_SQL, layerId, today),
    // Cooldowns look back 48h at most: only recent executed actions matter.
    db.actionExecution.findMany({
      where: { layerId, status: "succeeded", finishedAt: { gte: new Date(now.getTime() - 49 * 3_600_000) } },
      select: { entityId: true, action: true, finishedAt: true },
    }),
  ]);
  const metricsById = new Map(metricRows.map((row) => [String(row.id), row]));
  const actionsById = new Map<string, EntityInput["actions"][number][]>();
  for (const h of history) {
    if (!h.finishedAt || h.action === "hold" || h.action === "launch") continue;
    const list = actionsById.get(h.entityId) ?? [];
    list.push({ type: h.action, at: h.finishedAt });
    actionsById.set(h.entityId, list);
  }
  const inputs: EntityInput[] = entities.map((e) => ({
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
    precomputed: rowToEntityMetrics(metricsById.get(e.id)),
  }));
  return { layer, entities, inputs };
}
