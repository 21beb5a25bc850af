// Settings → Layers reads. Credentials never leave the database here: a layer says only whether it is connected.
import { db } from "../client";

const DAY = 86_400_000;
export const LAYER_METRICS_WINDOW_DAYS = 30;

export async function listLayerConnections(projectId: string, now: Date) {
  const layers = await db.layer.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, platform: true, status: true, mode: true, adAccountId: true, accountTimezone: true, currency: true,
      credentialsRef: true, createdAt: true, lastSyncAt: true, lastSyncError: true, _count: { select: { entities: true } },
    },
  });
  const since = new Date(now.getTime() - LAYER_METRICS_WINDOW_DAYS * DAY);
  // Campaign rows hold each day's totals (ads roll up into them), so summing them does not double count.
  const totals = layers.length === 0 ? [] : await db.dailyMetric.groupBy({
    by: ["layerId"],
    where: { layerId: { in: layers.map((l) => l.id) }, date: { gte: since }, entity: { level: "campaign" } },
    _sum: { spendMinor: true, installs: true },
  });
  const byLayer = new Map(totals.map((t) => [t.layerId, t._sum]));
  return layers.map(({ credentialsRef, _count, ...layer }) => ({
    ...layer,
    connection: credentialsRef ? ("connected" as const) : ("simulated" as const),
    entities: _count.entities,
    spendMinor30d: byLayer.get(layer.id)?.spendMinor ?? 0,
    installs30d: byLayer.get(layer.id)?.installs ?? 0,
  }));
}

export type LayerConnectionItem = Awaited<ReturnType<typeof listLayerConnections>>[number];

/** Guards against connecting the same ad account twice in one project. */
export async function findLayerByAccount(projectId: string, platform: "meta" | "tiktok" | "apple_search_ads", adAccountId: string) {
  return db.layer.findFirst({ where: { projectId, platform, adAccountId }, select: { id: true, name: true } });
}

/** Approved, safe creatives of the project that a sandbox layer's ads can run. */
export async function listUsableCreativeIds(projectId: string, take = 20): Promise<string[]> {
  const rows = await db.projectAdsContent.findMany({
    where: { projectId, OR: [{ override: null }, { override: "include" }], content: { approval: "approved", safetyFailed: false } },
    select: { contentId: true },
    orderBy: { contentId: "asc" },
    take,
  });
  return rows.map((r) => r.contentId);
}
