import { db } from "../client";

export async function proposalProjectId(proposalId: string): Promise<string | null> {
  return (await db.proposal.findUnique({ where: { id: proposalId }, select: { run: { select: { projectId: true } } } }))?.run.projectId ?? null;
}

/** Records a marketer's decision on a pending action; only a still-pending, unexpired proposal can be decided. */
export async function decidePendingProposal(proposalId: string, decision: "approved" | "rejected", userId: string, comment: string | null, now: Date) {
  const updated = await db.proposal.updateMany({
    where: { id: proposalId, approvalState: "pending", expiresAt: { gt: now } },
    data: { approvalState: decision, decidedById: userId, decidedAt: now, decisionComment: comment },
  });
  if (updated.count === 0) return null;
  return db.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { id: true, runId: true, entityId: true, action: true, toValue: true, replacementContentId: true, run: { select: { layerId: true, layer: { select: { platform: true, credentialsRef: true } } } } },
  });
}

/** Pending actions expire after 7 days: the data they were decided on is stale by then. */
export async function expirePendingProposals(now: Date): Promise<number> {
  return (await db.proposal.updateMany({ where: { approvalState: "pending", expiresAt: { lte: now } }, data: { approvalState: "expired" } })).count;
}
