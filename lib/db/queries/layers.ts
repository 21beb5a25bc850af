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

export async function getLayer(projectId: string, layerId: string) {
  return db.layer.findFirst({ where: { id: layerId, projectId } });
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
