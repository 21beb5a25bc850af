import { db } from "../client";

/** Mirrors an executed platform change on our copy of the entity, so the next cycle sees it without a sync. */
export async function applyEntityChange(entityId: string, change: { action: "pause" | "resume" | "budget" | "bid"; value: number | null }) {
  const data =
    change.action === "pause" ? { status: "paused" as const }
    : change.action === "resume" ? { status: "active" as const }
    : change.action === "budget" ? { dailyBudgetMinor: change.value }
    : { bidMinor: change.value };
  await db.adEntity.update({ where: { id: entityId }, data });
}

export async function getEntityRefs(ids: string[]) {
  const rows = await db.adEntity.findMany({ where: { id: { in: ids } }, select: { id: true, platformId: true, level: true, name: true, parentId: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Records a launched ad at once: the next refresh must count it before the next metrics sync brings it in. */
export async function mirrorLaunchedAd(data: { layerId: string; adsetId: string; platformId: string; contentId: string; name: string; now: Date }) {
  await db.adEntity.upsert({
    where: { layerId_level_platformId: { layerId: data.layerId, level: "ad", platformId: data.platformId } },
    update: {},
    create: { layerId: data.layerId, level: "ad", platformId: data.platformId, parentId: data.adsetId, name: data.name, contentId: data.contentId, learning: true, platformCreatedAt: data.now },
  });
}
