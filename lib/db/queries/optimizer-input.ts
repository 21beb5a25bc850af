// Everything one optimizer cycle needs for a layer, in a handful of set-based queries (never one per entity).
// Day-band sums come from EntityWindow (kept fresh after every metrics write) and are prefix-summed here: moving
// 3M daily rows into Node would cost more than deciding. The hot reads go through the plain pg pool (Prisma's row
// mapping costs ~3× on 100k rows).
import type { EntityInput, EntityMetrics, WindowKey, WindowMetrics } from "@/lib/optimizer";
import { getPgPool } from "../bulk";
import { readEntityWindows } from "./entity-windows";
import { db } from "../client";

const WINDOWS: [WindowKey, number][] = [["1d", 1], ["3d", 3], ["7d", 7], ["14d", 14], ["30d", 30]];
/** Band b holds the days that window b adds to window b-1; band 5 is everything older (lifetime only). */
const BAND_COUNT = 6;

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

async function loadBandedMetrics(layerId: string, today: string) {
  const rows = await readEntityWindows(layerId, today);
  const byEntity = new Map<string, { bands: Bands; any: boolean }>();
  for (const row of rows) {
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
