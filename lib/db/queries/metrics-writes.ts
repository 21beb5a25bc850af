// Metric and entity writes of a sync. A day is replaced whole in one transaction: an interrupted sync never
// leaves a partial day that looks complete.
import type { DailyMetricRow, PlatformEntity } from "@/lib/platforms/types";
import { db } from "../client";

export async function upsertPlatformEntities(layerId: string, entities: PlatformEntity[]): Promise<Map<string, string>> {
  const key = (level: string, platformId: string) => `${level}:${platformId}`;
  const ids = new Map<string, string>();
  const parentLevel = { campaign: null, adset: "campaign", ad: "adset", keyword: "adset" } as const;
  // Parents first, so children can link to them.
  for (const level of ["campaign", "adset", "ad", "keyword"] as const) {
    for (const e of entities.filter((x) => x.level === level)) {
      const parent = parentLevel[level] && e.parentPlatformId ? ids.get(key(parentLevel[level]!, e.parentPlatformId)) ?? null : null;
      const data = { name: e.name, status: e.status, learning: e.learning, dailyBudgetMinor: e.dailyBudgetMinor, bidMinor: e.bidMinor, parentId: parent };
      const row = await db.adEntity.upsert({
        where: { layerId_level_platformId: { layerId, level, platformId: e.platformId } },
        update: data,
        create: { ...data, layerId, level, platformId: e.platformId, platformCreatedAt: e.createdAt },
        select: { id: true },
      });
      ids.set(key(level, e.platformId), row.id);
    }
  }
  return ids;
}

export async function replaceMetricDays(layerId: string, rows: DailyMetricRow[], entityIds: Map<string, string>): Promise<{ days: number; rows: number }> {
  const byDay = new Map<string, DailyMetricRow[]>();
  for (const r of rows) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
  let written = 0;
  for (const [date, dayRows] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const day = new Date(`${date}T00:00:00Z`);
    const data = dayRows.flatMap((r) => {
      const entityId = entityIds.get(`${r.level}:${r.platformId}`);
      return entityId
        ? [{ entityId, layerId, date: day, spendMinor: r.spendMinor, impressions: r.impressions, clicks: r.clicks, installs: r.installs, conversions: r.conversions, revenueMinor: r.revenueMinor ?? 0, frequency: r.frequency }]
        : [];
    });
    await db.$transaction([db.dailyMetric.deleteMany({ where: { layerId, date: day } }), db.dailyMetric.createMany({ data })]);
    written += data.length;
  }
  return { days: byDay.size, rows: written };
}

export async function markLayerSynced(layerId: string, now: Date, error: string | null) {
  await db.layer.update({ where: { id: layerId }, data: error ? { lastSyncError: error } : { lastSyncAt: now, lastSyncError: null } });
}
