import { db } from "../client";

export async function listLayers(projectId: string) {
  return db.layer.findMany({
    where: { projectId },
    orderBy: [{ platform: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, platform: true, status: true, mode: true, adAccountId: true, accountTimezone: true,
      lastSyncAt: true, lastSyncError: true, pausedAt: true, pausedReason: true,
      _count: { select: { entities: true } },
    },
  });
}

export async function setLayerPaused(layerId: string, paused: boolean, actorId: string, reason: string | null) {
  return db.layer.update({
    where: { id: layerId },
    data: paused ? { status: "paused", pausedAt: new Date(), pausedById: actorId, pausedReason: reason } : { status: "active", pausedAt: null, pausedById: null, pausedReason: null },
    select: { id: true, status: true },
  });
}

export async function layerProjectId(layerId: string): Promise<string | null> {
  return (await db.layer.findUnique({ where: { id: layerId }, select: { projectId: true } }))?.projectId ?? null;
}

export async function setLayerMode(layerId: string, mode: "autopilot" | "approve_first") {
  const before = await db.layer.findUniqueOrThrow({ where: { id: layerId }, select: { mode: true } });
  const after = await db.layer.update({ where: { id: layerId }, data: { mode }, select: { mode: true } });
  return { before: before.mode, after: after.mode };
}

export async function getLayerDetail(projectId: string, layerId: string) {
  return db.layer.findFirst({
    where: { id: layerId, projectId },
    select: {
      id: true, name: true, platform: true, status: true, mode: true, adAccountId: true, accountTimezone: true, currency: true, credentialsRef: true,
      lastSyncAt: true, lastSyncError: true, pausedAt: true, pausedReason: true, createdAt: true,
      _count: { select: { entities: true } },
    },
  });
}

export async function countEntitiesByLevel(layerId: string) {
  const rows = await db.adEntity.groupBy({ by: ["level", "status"], where: { layerId }, _count: { _all: true } });
  return rows.map((r) => ({ level: r.level, status: r.status, count: r._count._all }));
}
