// Executes approved proposals through the platform client. Each action is claimed by an idempotency key
// (run + entity + action) first, so a retried or crashed run never applies it twice; one failure is
// recorded and does not stop the others.
import type { Db } from "@/lib/db/client";
import { applyEntityChange, getEntityRefs, mirrorLaunchedAd } from "@/lib/db/queries/entities";
import { claimExecution, completeExecution, executableProposals } from "@/lib/db/queries/run-records";
import { loadSelectionConfig, loadSelectionCreatives } from "@/lib/db/queries/selection-input";
import type { AdPlatformClient, Platform } from "@/lib/platforms/types";
import { selectCreatives } from "@/lib/selection";

export interface ExecutionCounts {
  succeeded: number;
  failed: number;
  alreadyDone: number;
  pauses: number;
  budgetUps: number;
}

type ExecutableProposal = { id: string; entityId: string; action: string; toValue: number | null; replacementContentId: string | null };

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function executeProposals(db: Db, options: { runId: string; layerId: string; client: AdPlatformClient; now: Date; proposals: ExecutableProposal[] }): Promise<ExecutionCounts> {
  const { runId, layerId, client, now, proposals } = options;
  const counts: ExecutionCounts = { succeeded: 0, failed: 0, alreadyDone: 0, pauses: 0, budgetUps: 0 };
  const refs = await getEntityRefs(proposals.map((p) => p.entityId));
  for (const proposal of proposals) {
    const action = proposal.action as "pause" | "resume" | "budget" | "bid";
    const entity = refs.get(proposal.entityId);
    if (!entity) continue;
    const executionId = await claimExecution({ idempotencyKey: `${runId}:${proposal.entityId}:${action}`, proposalId: proposal.id, layerId, entityId: proposal.entityId, action, value: proposal.toValue });
    if (!executionId) {
      counts.alreadyDone += 1;
      continue;
    }
    try {
      if (action === "pause") await client.pause(entity.platformId, entity.level);
      else if (action === "resume") await client.resume(entity.platformId, entity.level);
      else if (action === "budget") await client.setDailyBudget(entity.platformId, entity.level, proposal.toValue!);
      else await client.setBid(entity.platformId, entity.level, proposal.toValue!);
      await applyEntityChange(proposal.entityId, { action, value: proposal.toValue });
      await completeExecution(executionId, { ok: true }, now);
      counts.succeeded += 1;
      if (action === "pause") counts.pauses += 1;
      if (action === "budget") counts.budgetUps += 1;
    } catch (error) {
      await completeExecution(executionId, { ok: false, error: errorText(error) }, now);
      counts.failed += 1;
      continue;
    }
    if (action === "pause" && proposal.replacementContentId && entity.parentId) {
      const parent = (await getEntityRefs([entity.parentId])).get(entity.parentId);
      if (parent) await launchOne(db, { runId, layerId, client, now, adset: parent, contentId: proposal.replacementContentId, keySuffix: `replace:${proposal.entityId}` });
    }
  }
  return counts;
}

export async function executeRunProposals(db: Db, options: { runId: string; layerId: string; client: AdPlatformClient; now: Date }) {
  return executeProposals(db, { ...options, proposals: await executableProposals(options.runId) });
}

async function launchOne(
  _db: Db,
  o: { runId: string; layerId: string; client: AdPlatformClient; now: Date; adset: { id: string; platformId: string; name: string }; contentId: string; keySuffix: string },
): Promise<boolean> {
  const key = `${o.runId}:${o.adset.id}:launch:${o.contentId}`;
  const executionId = await claimExecution({ idempotencyKey: key, proposalId: null, layerId: o.layerId, entityId: o.adset.id, action: "launch", value: null });
  if (!executionId) return true;
  try {
    const name = `${o.adset.name} · creative ${o.contentId.slice(-6)}`;
    const ad = await o.client.createAd({ adsetPlatformId: o.adset.platformId, creativeRef: o.contentId, name, idempotencyKey: key });
    await mirrorLaunchedAd({ layerId: o.layerId, adsetId: o.adset.id, platformId: ad.platformId, contentId: o.contentId, name, now: o.now });
    await completeExecution(executionId, { ok: true, result: { contentId: o.contentId, adPlatformId: ad.platformId, reason: o.keySuffix } }, o.now);
    return true;
  } catch (error) {
    await completeExecution(executionId, { ok: false, error: errorText(error) }, o.now);
    return false;
  }
}

/** Content refresh: fill each ad set's freed slots with the best eligible creatives of the three pools. */
export async function launchCreatives(db: Db, o: { runId: string; layerId: string; projectId: string; platform: Platform; client: AdPlatformClient; now: Date }) {
  if (o.platform === "apple_search_ads") return { launched: 0, failed: 0 };
  const adsets = await db.adEntity.findMany({
    where: { layerId: o.layerId, level: "adset", status: "active" },
    select: { id: true, platformId: true, name: true, children: { where: { level: "ad", status: "active" }, select: { contentId: true } } },
  });
  const [creatives, config] = await Promise.all([loadSelectionCreatives(o.projectId), loadSelectionConfig(o.projectId)]);
  const plan = selectCreatives({
    creatives,
    config,
    adsets: adsets.map((a) => ({ id: a.id, platform: o.platform, activeCreativeIds: a.children.flatMap((c) => (c.contentId ? [c.contentId] : [])), activeAdCount: a.children.length })),
  });
  const byId = new Map(adsets.map((a) => [a.id, a]));
  let launched = 0;
  let failed = 0;
  for (const adset of plan.adsets) {
    for (const contentId of adset.selected) {
      const ok = await launchOne(db, { ...o, adset: byId.get(adset.id)!, contentId, keySuffix: "refresh" });
      if (ok) launched += 1;
      else failed += 1;
    }
  }
  return { launched, failed };
}
