// Writes of workflow runs and what they decided. Idempotent by construction: row ids derive from run + entity.
import { randomUUID } from "node:crypto";
import type { Decision } from "@/lib/optimizer";
import type { Prisma, RunKind, RunStatus, RunTrigger } from "../generated/client";
import { copyRowsInTransaction } from "../bulk";
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

/** True once both tables of a run's decisions were written completely (the marker is set after both commits). */
export async function runHasDecisions(runId: string): Promise<boolean> {
  const run = await db.workflowRun.findUnique({ where: { id: runId }, select: { counts: true } });
  return (run?.counts as { decisionsRecorded?: boolean } | null)?.decisionsRecorded === true;
}

export interface DecisionExtras {
  replacementContentId?: string | null;
  approvalState: "auto" | "pending";
  expiresAt: Date | null;
}

/** A PostgreSQL array literal: nested arrays cannot go through unnest(), so each row's list travels as one text. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** Every classification (with the inputs that drove it) and every proposal, written by COPY. */
export async function recordDecisions(runId: string, scoringVersion: string, decisions: Decision[], extras: Map<string, DecisionExtras>, now: Date) {
  const at = now.toISOString();
  const classifications = decisions.map((d) => [
    `c_${runId}_${d.entityId}`, runId, d.entityId, d.classification, d.score, scoringVersion, pgTextArray(d.reasons),
    JSON.stringify({ inputs: d.inputs, action: d.action, status: d.status, sentence: d.sentence, confidence: d.confidence }), at,
  ]);
  const proposals = decisions.filter((d) => d.action !== "hold").map((d) => {
    const extra = extras.get(d.entityId);
    const pending = d.status === "approved" && extra?.approvalState === "pending";
    return [
      `p_${runId}_${d.entityId}`, runId, d.entityId, d.action, d.from ?? null, d.to ?? null, d.status, pgTextArray(d.reasons), d.sentence,
      d.confidence, JSON.stringify(d.inputs), pgTextArray(d.guardrailsPassed), extra?.replacementContentId ?? null,
      pending ? "pending" : "auto", pending ? extra?.expiresAt ?? null : null, at,
    ];
  });
  // A crash between the two writes leaves rows without the marker: clear them and write again.
  await db.$transaction([db.proposal.deleteMany({ where: { runId } }), db.entityClassification.deleteMany({ where: { runId } })]);
  // Two connections write the two tables at once (two cores); the run is marked only when both have committed.
  await Promise.all([
    copyRowsInTransaction([{ table: "EntityClassification", columns: ["id", "runId", "entityId", "classification", "score", "scoringVersion", "reasons", "metrics", "createdAt"], rows: classifications }]),
    copyRowsInTransaction([{
      table: "Proposal",
      columns: ["id", "runId", "entityId", "action", "fromValue", "toValue", "status", "reasons", "sentence", "confidence", "inputs", "guardrailsPassed", "replacementContentId", "approvalState", "expiresAt", "createdAt"],
      rows: proposals,
    }]),
  ]);
  await db.$executeRaw`UPDATE "WorkflowRun" SET counts = counts || '{"decisionsRecorded": true}'::jsonb WHERE id = ${runId}`;
  return { classifications: classifications.length, proposals: proposals.length };
}

/** Approved proposals of a run that still need executing (autopilot, or approved by a marketer). */
export async function executableProposals(runId: string) {
  return db.proposal.findMany({
    where: { runId, status: "approved", approvalState: { in: ["auto", "approved"] }, execution: { is: null } },
    select: { id: true, entityId: true, action: true, toValue: true, replacementContentId: true },
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
