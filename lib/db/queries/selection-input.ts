import type { SelectionCreative } from "@/lib/selection";
import { db } from "../client";

/** The project's view of its creatives for selection: per-project overrides applied. */
export async function loadSelectionCreatives(projectId: string): Promise<SelectionCreative[]> {
  const links = await db.projectAdsContent.findMany({
    where: { projectId },
    select: { override: true, content: { select: { id: true, pool: true, organicScore: true, safetyFailed: true, approval: true, archivedAt: true } } },
  });
  return links.map((l) => ({
    id: l.content.id,
    pool: l.content.pool,
    organicScore: l.content.organicScore === null ? null : Number(l.content.organicScore),
    override: l.override,
    safetyFailed: l.content.safetyFailed,
    approval: l.content.approval,
    archived: l.content.archivedAt !== null,
  }));
}

export async function loadSelectionConfig(projectId: string) {
  const p = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { generatedSlots: true, ugcSlots: true, manualSlots: true, maxCreativesPerAdset: true, organicScoreWeight: true },
  });
  return { ...p, organicScoreWeight: Number(p.organicScoreWeight) };
}
