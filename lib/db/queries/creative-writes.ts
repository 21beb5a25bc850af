// Writes behind the creative actions: approval, per-project overrides, archiving, manual uploads, project gate.
// Creatives are org-level; a project reaches one only through its ProjectAdsContent link.
import type { Approval, Override } from "@/lib/selection";
import type { Prisma } from "../generated/client";
import { db } from "../client";

export interface LinkedCreative {
  id: string;
  title: string;
  approval: Approval;
  archivedAt: Date | null;
  safetyFailed: boolean;
  override: Override;
}

/** The creatives among `contentIds` that are linked to the project (the rest are "not found" to this project). */
export async function loadLinkedCreatives(projectId: string, contentIds: readonly string[]): Promise<LinkedCreative[]> {
  const links = await db.projectAdsContent.findMany({
    where: { projectId, contentId: { in: [...new Set(contentIds)] } },
    select: { override: true, content: { select: { id: true, title: true, approval: true, archivedAt: true, safetyFailed: true } } },
  });
  return links.map((l) => ({ ...l.content, override: l.override }));
}

/** The project when every id is linked to it; null otherwise, so one foreign id refuses the whole batch. */
export async function projectOwningAll(projectId: string, contentIds: readonly string[]): Promise<string | null> {
  const unique = [...new Set(contentIds)];
  if (unique.length === 0) return null;
  const linked = await db.projectAdsContent.count({ where: { projectId, contentId: { in: unique } } });
  return linked === unique.length ? projectId : null;
}

export async function updateApproval(contentIds: readonly string[], approval: Approval): Promise<void> {
  await db.adsContent.updateMany({ where: { id: { in: [...contentIds] } }, data: { approval } });
}

export async function updateArchived(contentIds: readonly string[], archivedAt: Date | null): Promise<void> {
  await db.adsContent.updateMany({ where: { id: { in: [...contentIds] } }, data: { archivedAt } });
}

export async function updateOverride(projectId: string, contentIds: readonly string[], override: Override): Promise<void> {
  await db.projectAdsContent.updateMany({ where: { projectId, contentId: { in: [...contentIds] } }, data: { override } });
}

/** Returns the previous value so the audit log can record { old, new }. */
export async function updateRequiresApproval(projectId: string, requiresApproval: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { requiresApproval: true } });
    await tx.project.update({ where: { id: projectId }, data: { requiresApproval } });
    return before.requiresApproval;
  });
}

export async function projectRequiresApproval(projectId: string): Promise<boolean> {
  return (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { requiresApproval: true } })).requiresApproval;
}

/** A manual creative, linked to the project and scored at once so it need not wait for the next rescore. */
export async function createManualCreative(data: {
  orgId: string;
  projectId: string;
  title: string;
  mediaUrl: string;
  mediaType: string;
  caption: string | null;
  hook: string | null;
  approval: Approval;
  organicScore: number;
  scoringVersion: number;
  now: Date;
}) {
  const { projectId, now, ...content } = data;
  return db.adsContent.create({
    data: {
      ...content,
      pool: "manual",
      scoredAt: now,
      createdAt: now,
      projects: { create: { projectId } },
      scoreHistory: { create: { score: data.organicScore, version: data.scoringVersion, scoredAt: now } },
    },
    select: { id: true, title: true, approval: true, organicScore: true },
  });
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  changes: Record<string, unknown>;
}

/** One insert for a bulk action's audit rows (one row per creative changed). */
export async function writeAuditEntries(actor: { orgId: string; projectId: string; actorId: string }, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map((e) => ({ ...actor, actorType: "user", ...e, changes: e.changes as Prisma.InputJsonValue })),
  });
}
