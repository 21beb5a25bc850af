import type { Classification } from "../generated/client";
import { db } from "../client";

const SEVERITY: Classification[] = ["CRITICAL", "FATIGUED", "UNDERPERFORMING", "TOO_YOUNG", "LEARNING_PHASE", "HEALTHY", "TOP_PERFORMER"];

export async function getRunDetail(projectId: string, runId: string, options: { classification?: Classification; take?: number } = {}) {
  const run = await db.workflowRun.findFirst({
    where: { id: runId, projectId },
    select: { id: true, kind: true, trigger: true, status: true, startedAt: true, finishedAt: true, counts: true, error: true, skipReason: true, scoringVersion: true, layer: { select: { id: true, name: true, platform: true, mode: true } } },
  });
  if (!run) return null;
  const [proposals, classificationCounts, classifications, launches] = await Promise.all([
    db.proposal.findMany({
      where: { runId },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      take: 500,
      select: {
        id: true, entityId: true, action: true, fromValue: true, toValue: true, status: true, reasons: true, sentence: true, confidence: true, inputs: true,
        guardrailsPassed: true, replacementContentId: true, approvalState: true, expiresAt: true, decidedAt: true, decisionComment: true,
        execution: { select: { status: true, error: true, finishedAt: true, attempts: true } },
      },
    }),
    db.entityClassification.groupBy({ by: ["classification"], where: { runId }, _count: { _all: true } }),
    db.entityClassification.findMany({
      where: { runId, classification: options.classification },
      take: options.take ?? 200,
      orderBy: [{ classification: "asc" }, { score: "asc" }],
      select: { entityId: true, classification: true, score: true, reasons: true, metrics: true },
    }),
    db.actionExecution.findMany({ where: { idempotencyKey: { startsWith: `${runId}:` }, action: "launch" }, select: { entityId: true, status: true, result: true, error: true } }),
  ]);
  const entityIds = [...new Set([...proposals.map((p) => p.entityId), ...classifications.map((c) => c.entityId), ...launches.map((l) => l.entityId)])];
  const contentIds = proposals.flatMap((p) => (p.replacementContentId ? [p.replacementContentId] : []));
  const [entities, contents] = await Promise.all([
    db.adEntity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true, level: true } }),
    db.adsContent.findMany({ where: { id: { in: contentIds } }, select: { id: true, title: true, organicScore: true } }),
  ]);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const contentById = new Map(contents.map((c) => [c.id, { ...c, organicScore: c.organicScore === null ? null : Number(c.organicScore) }]));
  classifications.sort((a, b) => SEVERITY.indexOf(a.classification) - SEVERITY.indexOf(b.classification));
  return {
    run,
    classificationCounts: Object.fromEntries(classificationCounts.map((c) => [c.classification, c._count._all])) as Partial<Record<Classification, number>>,
    proposals: proposals.map((p) => ({ ...p, confidence: p.confidence === null ? null : Number(p.confidence), entity: entityById.get(p.entityId) ?? null, replacement: p.replacementContentId ? contentById.get(p.replacementContentId) ?? null : null })),
    classifications: classifications.map((c) => ({ ...c, score: c.score === null ? null : Number(c.score), entity: entityById.get(c.entityId) ?? null })),
    launches: launches.map((l) => ({ ...l, adset: entityById.get(l.entityId) ?? null })),
  };
}

export async function getRunStatus(projectId: string, runId: string) {
  return db.workflowRun.findFirst({ where: { id: runId, projectId }, select: { id: true, status: true, kind: true, counts: true, error: true, skipReason: true, startedAt: true, finishedAt: true } });
}

export async function listPendingProposals(projectId: string, now: Date, layerId?: string) {
  const rows = await db.proposal.findMany({
    where: { approvalState: "pending", expiresAt: { gt: now }, run: { projectId, layerId } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, entityId: true, action: true, fromValue: true, toValue: true, sentence: true, reasons: true, expiresAt: true, createdAt: true, run: { select: { id: true, layer: { select: { name: true } } } } },
  });
  const entities = await db.adEntity.findMany({ where: { id: { in: rows.map((r) => r.entityId) } }, select: { id: true, name: true, level: true } });
  const byId = new Map(entities.map((e) => [e.id, e]));
  return rows.map((r) => ({ ...r, entity: byId.get(r.entityId) ?? null }));
}

export async function listRecentActivity(projectId: string, take = 12) {
  const rows = await db.proposal.findMany({
    where: { status: "approved", run: { projectId } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, entityId: true, action: true, sentence: true, createdAt: true, approvalState: true, run: { select: { id: true, kind: true, layer: { select: { name: true } } } }, execution: { select: { status: true } } },
  });
  const entities = await db.adEntity.findMany({ where: { id: { in: rows.map((r) => r.entityId) } }, select: { id: true, name: true } });
  const byId = new Map(entities.map((e) => [e.id, e.name]));
  return rows.map((r) => ({ ...r, entityName: byId.get(r.entityId) ?? r.entityId }));
}
