// One optimizer, watchdog or content-refresh pass for one layer: load → decide (pure) → record → execute.
// Safe to retry with the same runId: decisions are recorded once and every action has an idempotency key.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { loadCycleInput } from "@/lib/db/queries/optimizer-input";
import { loadSelectionConfig, loadSelectionCreatives } from "@/lib/db/queries/selection-input";
import { notify } from "@/lib/db/queries/notifications";
import { expirePendingProposals } from "@/lib/db/queries/proposals";
import {
  acquireJobLock, finishRun, lockHolder, recordDecisions, recordTerminalRun, releaseJobLock, runHasDecisions, startRun, type DecisionExtras,
} from "@/lib/db/queries/run-records";
import { decideCycle, type CycleSummary, type Decision, type Mode } from "@/lib/optimizer";
import { selectCreatives, type SelectionAdset } from "@/lib/selection";
import { defaultClientResolver, type ClientResolver } from "./layer-client";
import { executeRunProposals, launchCreatives, type ExecutionCounts } from "./execute";
import { KIND_OF_MODE, LOCK_LEASE_MS, lockKey } from "./run-kinds";

export interface LayerCycleOptions {
  layerId: string;
  mode: Mode;
  trigger: "schedule" | "manual" | "event";
  now: Date;
  runId?: string;
  clients?: ClientResolver;
  /** Test seam: simulate a crash after recording decisions, before executing. */
  crashAfterRecord?: boolean;
}

export type LayerCycleOutcome =
  | { status: "completed"; runId: string; summary: CycleSummary; executed: ExecutionCounts }
  | { status: "skipped" | "refused"; runId: string; reason: string };

const APPROVAL_TTL_MS = 7 * 86_400_000;

export async function skipReasonFor(layer: { status: string; pausedReason: string | null }, org: { emergencyStopAt: Date | null }): Promise<string | null> {
  if (org.emergencyStopAt) return "Org-wide emergency stop is on: no scheduled command runs.";
  if (layer.status === "paused") return `Layer is paused${layer.pausedReason ? ` (${layer.pausedReason})` : ""}: the optimizer proposes and executes nothing until it is resumed.`;
  return null;
}

/** Pins a replacement for each approved ad pause: the best eligible creative not already in its adset. */
function pinReplacements(decisions: Decision[], entities: Awaited<ReturnType<typeof loadCycleInput>>["entities"], platform: SelectionAdset["platform"], creatives: Awaited<ReturnType<typeof loadSelectionCreatives>>, config: Awaited<ReturnType<typeof loadSelectionConfig>>) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const pausedAds = decisions.filter((d) => d.action === "pause" && d.status === "approved" && d.level === "ad");
  const adsets = new Map<string, SelectionAdset>();
  for (const d of pausedAds) {
    const parentId = byId.get(d.entityId)?.parentId;
    if (!parentId || adsets.has(parentId)) continue;
    const running = entities.filter((e) => e.parentId === parentId && e.level === "ad" && e.status === "active");
    const stillRunning = running.filter((e) => !pausedAds.some((p) => p.entityId === e.id));
    adsets.set(parentId, { id: parentId, platform, activeCreativeIds: stillRunning.flatMap((e) => (e.contentId ? [e.contentId] : [])), activeAdCount: stillRunning.length });
  }
  const picks = new Map(selectCreatives({ creatives, adsets: [...adsets.values()], config }).adsets.map((a) => [a.id, [...a.selected]]));
  const replacement = new Map<string, string>();
  for (const d of pausedAds) {
    const queue = picks.get(byId.get(d.entityId)?.parentId ?? "");
    const next = queue?.shift();
    if (next) replacement.set(d.entityId, next);
  }
  return replacement;
}

/** LAYERS_PROFILE=1 prints how long each phase of a cycle took (the benchmark uses it). */
function profiler() {
  let last = Date.now();
  return (name: string) => {
    if (!process.env.LAYERS_PROFILE) return;
    const now = Date.now();
    console.log(`[cycle] ${name} ${now - last} ms`);
    last = now;
  };
}

export async function runLayerCycle(db: Db, options: LayerCycleOptions): Promise<LayerCycleOutcome> {
  const { layerId, mode, trigger, now } = options;
  const kind = KIND_OF_MODE[mode];
  const layerRow = await db.layer.findUniqueOrThrow({
    where: { id: layerId },
    select: { id: true, projectId: true, platform: true, status: true, mode: true, pausedReason: true, credentialsRef: true, project: { select: { org: { select: { emergencyStopAt: true } } } } },
  });
  const skip = await skipReasonFor(layerRow, layerRow.project.org);
  if (skip) {
    const run = await recordTerminalRun({ projectId: layerRow.projectId, layerId, kind, trigger, status: "skipped", reason: skip, now });
    return { status: "skipped", runId: run.id, reason: skip };
  }
  if (layerRow.platform === "social") throw new Error("The optimizer runs on ad layers only.");
  const platform = layerRow.platform;

  const runId = options.runId ?? randomUUID();
  const key = lockKey(kind, layerId);
  if (!(await acquireJobLock(key, runId, now, LOCK_LEASE_MS))) {
    const holder = await lockHolder(key);
    const reason = `Another ${kind.replace(/_/g, "-")} run for this layer is in progress (run ${holder ?? "unknown"}); this one was refused.`;
    const run = await recordTerminalRun({ projectId: layerRow.projectId, layerId, kind, trigger, status: "refused", reason, now });
    return { status: "refused", runId: run.id, reason };
  }
  await startRun({ id: runId, projectId: layerRow.projectId, layerId, kind, trigger, startedAt: now });
  try {
    await expirePendingProposals(now);
    let summary = { approved: 0, rejected: 0, pauses: 0, actions: 0 };
    let counts: Record<string, unknown> = {};
    let scoringVersion: string | undefined;
    if (!(await runHasDecisions(runId))) {
      const phase = profiler();
      const { layer, entities, inputs } = await loadCycleInput(layerId, now);
      phase("load");
      const result = decideCycle(
        { now, layer: { platform, paused: layer.status === "paused", lastSyncAt: layer.lastSyncAt }, settings: { targetCpaMinor: layer.project.targetCpaMinor }, entities: inputs },
        { mode },
      );
      phase("decide");
      summary = result.summary;
      scoringVersion = result.scoringVersion;
      const needsCreatives = result.decisions.some((d) => d.action === "pause" && d.status === "approved" && d.level === "ad");
      const replacements = needsCreatives
        ? pinReplacements(result.decisions, entities, platform, await loadSelectionCreatives(layer.projectId), await loadSelectionConfig(layer.projectId))
        : new Map<string, string>();
      const approveFirst = layerRow.mode === "approve_first" && mode === "cycle";
      const extras = new Map<string, DecisionExtras>();
      for (const d of result.decisions) {
        if (d.action === "hold") continue;
        extras.set(d.entityId, { replacementContentId: replacements.get(d.entityId) ?? null, approvalState: approveFirst ? "pending" : "auto", expiresAt: approveFirst ? new Date(now.getTime() + APPROVAL_TTL_MS) : null });
      }
      phase("replacements");
      const recorded = await recordDecisions(runId, result.scoringVersion, result.decisions, extras, now);
      phase("record");
      counts = { entities: inputs.length, ...recorded, ...summary, pendingApproval: approveFirst ? summary.approved : 0 };
      if (options.crashAfterRecord) throw new Error("simulated crash after recording decisions");
    }
    const client = await (options.clients ?? defaultClientResolver(db))({ id: layerId, platform, credentialsRef: layerRow.credentialsRef });
    const executed = await executeRunProposals(db, { runId, layerId, client, now });
    let launched = { launched: 0, failed: 0 };
    if (mode === "refresh") launched = await launchCreatives(db, { runId, layerId, projectId: layerRow.projectId, platform, client, now });
    const previous = (await db.workflowRun.findUniqueOrThrow({ where: { id: runId }, select: { counts: true } })).counts as Record<string, unknown>;
    const finalCounts = { ...previous, ...counts, executed: executed.succeeded, failedActions: executed.failed, skippedAlreadyDone: executed.alreadyDone, launched: launched.launched, failedLaunches: launched.failed };
    await finishRun(runId, { status: "completed", counts: finalCounts, scoringVersion, finishedAt: new Date() });
    if (executed.pauses > 0 || executed.budgetUps > 0) {
      await notify({
        projectId: layerRow.projectId,
        kind: "optimizer.actions",
        title: `${kind.replace(/_/g, "-")}: ${executed.pauses} paused, ${executed.budgetUps} scaled up`,
        body: `The ${mode === "watchdog" ? "watchdog" : mode === "refresh" ? "content refresh" : "optimizer"} executed ${executed.succeeded} action(s) on this layer. Open the run to read each reason.`,
        link: `/p/${layerRow.projectId}/runs/${runId}`,
        dedupeKey: `run:${runId}`,
      });
    }
    return { status: "completed", runId, summary, executed };
  } catch (error) {
    await finishRun(runId, { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() });
    throw error;
  } finally {
    await releaseJobLock(key, runId);
  }
}
