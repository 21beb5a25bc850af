"use server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { decidePendingProposal, proposalProjectId } from "@/lib/db/queries/proposals";
import { executeProposals } from "@/lib/jobs/execute";
import { defaultClientResolver } from "@/lib/jobs/layer-client";
import { AppError } from "@/lib/errors/app-error";
import { projectAction } from "./safe-action";

export const decideProposalAction = projectAction({
  capability: "proposal.decide",
  input: z.object({
    proposalId: z.string().min(1),
    decision: z.enum(["approved", "rejected"], { message: "Decision must be approved or rejected." }),
    comment: z.string().trim().max(1000, "Keep the comment under 1000 characters.").optional(),
  }),
  project: (input) => proposalProjectId(input.proposalId),
  handler: async (input, { userId, audit }) => {
    const now = new Date();
    const proposal = await decidePendingProposal(input.proposalId, input.decision, userId, input.comment ?? null, now);
    if (!proposal) throw new AppError("CONFLICT", "This action is no longer pending: it was decided already or expired after 7 days.");
    await audit({ action: `proposal.${input.decision}`, resourceType: "proposal", resourceId: proposal.id, changes: { approvalState: { old: "pending", new: input.decision }, comment: input.comment ?? null } });
    if (input.decision === "rejected" || !proposal.run.layerId) return { executed: false };
    const layer = { id: proposal.run.layerId, platform: proposal.run.layer!.platform as "meta" | "tiktok" | "apple_search_ads", credentialsRef: proposal.run.layer!.credentialsRef };
    const client = await defaultClientResolver(db)(layer);
    const counts = await executeProposals(db, { runId: proposal.runId, layerId: layer.id, client, now, proposals: [proposal] });
    if (counts.failed > 0) throw new AppError("UNAVAILABLE", "Approved, but the platform refused the change; the run history shows the error.");
    return { executed: counts.succeeded > 0 || counts.alreadyDone > 0 };
  },
});
