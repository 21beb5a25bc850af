// Writes of workflow runs and what they decided. Idempotent by construction: row ids derive from run + entity.
import { randomUUID } from "node:crypto";
import type { Decision } from "@/lib/optimizer";
import type { Prisma, RunKind, RunStatus, RunTrigger } from "../generated/client";
import { bulkInsert } from "../bulk";
import { db } from "../client";

/** A lease per job+layer: overlapping schedulers and app instances never run the same cycle twice at once. */
export async function acquireJobLock(key: string, runId: string, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ runId: string }[]>`
    INSERT INTO "JobLock" (key, "runId", "lockedUntil") VALUES (${key}, ${runId}, ${new Date(now.getTime() + leaseMs)})
    ON CONFLICT (key) DO UPDATE SET "runId" = EXCLUDED."runId", "lockedUntil" = EXCLUDED."lockedUntil"
      WHERE "JobLock"."lockedUntil" < ${now} OR "JobLock"."runId" = ${runId}
    RETURNING "runId"`;
  return rows.length === 1;
}

export async function releaseJobLock(key: string, runId: string): Promise<void> {
  await db.jobLock.deleteMany({ where: { key, runId } });
}

export async function lockHolder(key: string): Promise<string | null> {
  return (await db.jobLock.findUnique({ where: { key }, select: { runId: true } }))?.runId ?? null;
}

export async function startRun(data: { id?: string; projectId: string; layerId: string | null; kind: RunKind; trigger: RunTrigger; startedAt: Date }) {
  const id = data.id ?? randomUUID();
  return db.workflowRun.upsert({ where: { id }, update: {}, create: { ...data, id, status: "running" } });
}

export async function recordTerminalRun(data: {
  projectId: string; layerId: string | null; kind: RunKind; trigger: RunTrigger; status: Extract<RunStatus, "skipped" | "refused">; reason: string; now: Date;
}) {
  return db.workflowRun.create({
    data: { projectId: data.projectId, layerId: data.layerId, kind: data.kind, trigger: data.trigger, status: data.status, skipReason: data.reason, startedAt: data.now, finishedAt: data.now },
  });
}

export async function finishRun(id: string, data: { status: RunStatus; counts?: Record<string, unknown>; error?: string | null; scoringVersion?: string; finishedAt: Date }) {
  await db.workflowRun.update({
    where: { id },
    data: { status: data.status, counts: (data.counts ?? {}) as Prisma.InputJsonValue, error: data.error ?? null, scoringVersion: data.scoringVersion, finishedAt: data.finishedAt },
  });
}

export async function runHasDecisions(runId: string): Promise<boolean> {
  return (await db.entityClassification.count({ where: { runId }, take: 1 })) > 0;
}

export interface DecisionExtras {
  replacementContentId?: string | null;
  approvalState: "auto" | "pending";
  expiresAt: Date | null;
}

/** Every classification (with the metrics that drove it) and every proposal, in two set-based inserts. */
export async function recordDecisions(runId: string, scoringVersion: string, decisions: Decision[], extras: Map<string, DecisionExtras>, now: Date) {
  const classifications = decisions.map((d) => [
    `c_${runId}_${d.entityId}`, runId, d.entityId, d.classification, d.score, scoringVersion, JSON.stringify(d.reasons),
    JSON.stringify({ inputs: d.inputs, windows: d.metrics, action: d.action, status: d.status, sentence: d.sentence, confidence: d.confidence }), now,
  ]);
  await bulkInsert("EntityClassification", [
    { name: "id", arrayType: "text[]" }, { name: "runId", arrayType: "text[]" }, { name: "entityId", arrayType: "text[]" },
    { name: "classification", arrayType: "text[]", cast: (v) => `${v}::"Classification"` },
    { name: "score", arrayType: "float8[]" }, { name: "scoringVersion", arrayType: "text[]" },
    { name: "reasons", arrayType: "text[]", cast: (v) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))` },
    { name: "metrics", arrayType: "text[]", cast: (v) => `${v}::jsonb` }, { name: "createdAt", arrayType: "timestamptz[]" },
  ], classifications);
  const proposals = decisions.filter((d) => d.action !== "hold").map((d) => {
    const extra = extras.get(d.entityId);
    const pending = d.status === "approved" && extra?.approvalState === "pending";
    return [
      `p_${runId}_${d.entityId}`, runId, d.entityId, d.action, d.from ?? null, d.to ?? null, d.status, JSON.stringify(d.reasons), d.sentence,
      d.confidence, JSON.stringify(d.inputs), JSON.stringify(d.guardrailsPassed), extra?.replacementContentId ?? null,
      d.status === "approved" ? (pending ? "pending" : "auto") : "auto", pending ? extra?.expiresAt ?? null : null, now,
    ];
  });
  await bulkInsert("Proposal", [
    { name: "id", arrayType: "text[]" }, { name: "runId", arrayType: "text[]" }, { name: "entityId", arrayType: "text[]" },
    { name: "action", arrayType: "text[]", cast: (v) => `${v}::"ProposalAction"` }, { name: "fromValue", arrayType: "int4[]" }, { name: "toValue", arrayType: "int4[]" },
    { name: "status", arrayType: "text[]", cast: (v) => `${v}::"ProposalStatus"` },
    { name: "reasons", arrayType: "text[]", cast: (v) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))` },
    { name: "sentence", arrayType: "text[]" }, { name: "confidence", arrayType: "float8[]" }, { name: "inputs", arrayType: "text[]", cast: (v) => `${v}::jsonb` },
    { name: "guardrailsPassed", arrayType: "text[]", cast: (v) => `ARRAY(SELECT jsonb_array_elements_text(${v}::jsonb))` },
    { name: "replacementContentId", arrayType: "text[]" },
    { name: "approvalState", arrayType: "text[]", cast: (v) => `${v}::"ApprovalState"` }, { name: "expiresAt", arrayType: "timestamptz[]" },
    { name: "createdAt", arrayType: "timestamptz[]" },
  ], proposals);
  return { classifications: classifications.length, proposals: proposals.length };
}

/** Approved proposals of a run that still need executing (autopilot, or approved by a marketer). */
export async function executableProposals(runId: string) {
  return db.proposal.findMany({
    where: { runId, status: "approved", approvalState: { in: ["auto", "approved"] }, execution: { is: null } },
    select: { id: true, entityId: true, action: true, toValue: true, replacementContentId: true },
  });
}

export async function executableProposalsById(ids: string[]) {
  return db.proposal.findMany({
    where: { id: { in: ids }, status: "approved", approvalState: { in: ["auto", "approved"] } },
    select: { id: true, runId: true, entityId: true, action: true, toValue: true, replacementContentId: true },
  });
}

/** Claims an action by its idempotency key; false when it was already executed (or is being executed). */
export async function claimExecution(data: { idempotencyKey: string; proposalId: string | null; layerId: string; entityId: string; action: "pause" | "resume" | "budget" | "bid" | "launch"; value: number | null }): Promise<string | null> {
  const existing = await db.actionExecution.findUnique({ where: { idempotencyKey: data.idempotencyKey }, select: { id: true, status: true } });
  if (existing?.status === "succeeded") return null;
  if (existing) {
    await db.actionExecution.update({ where: { id: existing.id }, data: { attempts: { increment: 1 }, status: "pending" } });
    return existing.id;
  }
  try {
    return (await db.actionExecution.create({ data: { ...data, status: "pending", attempts: 1 } })).id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

export async function completeExecution(id: string, outcome: { ok: true; result?: Record<string, unknown> } | { ok: false; error: string }, now: Date) {
  await db.actionExecution.update({
    where: { id },
    data: outcome.ok ? { status: "succeeded", result: (outcome.result ?? {}) as Prisma.InputJsonValue, finishedAt: now, error: null } : { status: "failed", error: outcome.error, finishedAt: now },
  });
}
