"use server";
// Creative library actions. The project comes from the creative's ProjectAdsContent link, checked on the server:
// a creative not linked to the caller's project answers "not found", exactly like a missing one.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import {
  createManualCreative, loadLinkedCreatives, projectOwningAll, projectRequiresApproval, updateApproval, updateArchived,
  updateOverride, updateRequiresApproval, writeAuditEntries, type AuditEntry, type LinkedCreative,
} from "@/lib/db/queries/creative-writes";
import { openTask } from "@/lib/db/queries/notifications";
import { ORGANIC_SCORING_VERSION, scoreGeneratedOrManual } from "@/lib/scoring";
import type { Override } from "@/lib/selection";
import { projectAction, type ActionContext } from "./safe-action";

const ZProjectId = z.string().trim().min(1, "Choose a project.");
const ZContentIds = z
  .array(z.string().trim().min(1, "A creative id is empty."), { error: "Choose at least one creative." })
  .min(1, "Choose at least one creative.")
  .max(200, "Act on at most 200 creatives at once.");
const ZBatch = z.object({ projectId: ZProjectId, contentIds: ZContentIds });

const linkedProject = (input: { projectId: string; contentIds: string[] }) => projectOwningAll(input.projectId, input.contentIds);

interface BatchOutcome {
  changed: string[];
  unchanged: string[];
}

/** Applies `next` to each creative whose value differs, and writes one audit row per change with { old, new }. */
async function changeEach<T>(
  input: { projectId: string; contentIds: string[] },
  context: ActionContext,
  spec: { action: string; current: (c: LinkedCreative) => T; next: T; write: (ids: string[]) => Promise<void> },
): Promise<BatchOutcome> {
  const creatives = await loadLinkedCreatives(input.projectId, input.contentIds);
  const toChange = creatives.filter((c) => spec.current(c) !== spec.next);
  if (toChange.length > 0) await spec.write(toChange.map((c) => c.id));
  const entries: AuditEntry[] = toChange.map((c) => ({
    action: spec.action,
    resourceType: "creative",
    resourceId: c.id,
    changes: { old: spec.current(c), new: spec.next },
  }));
  await writeAuditEntries({ orgId: context.access.orgId, projectId: context.access.projectId, actorId: context.userId }, entries);
  const changed = new Set(toChange.map((c) => c.id));
  return { changed: [...changed], unchanged: creatives.filter((c) => !changed.has(c.id)).map((c) => c.id) };
}

export const setCreativeApprovalAction = projectAction({
  capability: "creative.approve",
  input: ZBatch.extend({ decision: z.enum(["approve", "reject"], { error: "Decision must be 'approve' or 'reject'." }) }),
  project: linkedProject,
  handler: (input, context) => {
    const approval = input.decision === "approve" ? "approved" : "rejected";
    return changeEach(input, context, {
      action: input.decision === "approve" ? "creative.approved" : "creative.rejected",
      current: (c) => c.approval,
      next: approval,
      write: (ids) => updateApproval(ids, approval),
    });
  },
});

const OVERRIDE_VALUES = ["include", "exclude", "auto", "clear"] as const;

export const setCreativeOverrideAction = projectAction({
  capability: "creative.override",
  input: ZBatch.extend({
    override: z.enum(OVERRIDE_VALUES, { error: "Override must be 'include', 'exclude' or 'auto' (clears the override)." }),
  }),
  project: linkedProject,
  handler: (input, context) => {
    const override: Override = input.override === "include" || input.override === "exclude" ? input.override : null;
    return changeEach(input, context, {
      action: "creative_override",
      current: (c) => c.override,
      next: override,
      write: (ids) => updateOverride(input.projectId, ids, override),
    });
  },
});

export const setCreativesArchivedAction = projectAction({
  capability: "creative.approve",
  input: ZBatch.extend({ archived: z.boolean({ error: "Say whether to archive or restore." }) }),
  project: linkedProject,
  handler: (input, context) =>
    changeEach(input, context, {
      action: input.archived ? "creative.archived" : "creative.restored",
      current: (c) => c.archivedAt !== null,
      next: input.archived,
      write: (ids) => updateArchived(ids, input.archived ? new Date() : null),
    }),
});

export const requestCreativeRegenerationAction = projectAction({
  capability: "creative.override",
  input: z.object({ projectId: ZProjectId, contentId: z.string().trim().min(1, "Choose a creative.") }),
  project: (input) => projectOwningAll(input.projectId, [input.contentId]),
  handler: async (input, { audit }) => {
    const [creative] = await loadLinkedCreatives(input.projectId, [input.contentId]);
    if (!creative) throw new AppError("NOT_FOUND", "Creative not found.");
    if (!creative.safetyFailed) throw new AppError("CONFLICT", "Only a creative that failed the safety check needs regenerating; this one passed.");
    const dedupeKey = `regenerate-creative:${input.projectId}:${creative.id}`;
    await openTask({
      projectId: input.projectId,
      kind: "regenerate_creative",
      title: `Regenerate "${creative.title}"`,
      body: "It failed the safety check, which no override can fix. Produce a new version and upload it to the library.",
      link: `/p/${input.projectId}/creatives?q=${encodeURIComponent(creative.title)}&status=all`,
      dedupeKey,
    });
    await audit({ action: "creative.regeneration_requested", resourceType: "creative", resourceId: creative.id, changes: { old: null, new: { task: dedupeKey } } });
    return { taskKey: dedupeKey };
  },
});

const MEDIA_TYPES = ["image", "video", "carousel"] as const;
const VIDEO_EXTENSION = /\.(mp4|mov|m4v|webm)(\?|#|$)/i;

const ZUpload = z.object({
  projectId: ZProjectId,
  title: z.string().trim().min(1, "Give the creative a title.").max(120, "Keep the title under 120 characters."),
  mediaUrl: z
    .string()
    .trim()
    .min(1, "Give the media URL.")
    .max(2000, "The media URL is too long.")
    .refine((v) => /^https?:\/\/\S+$/i.test(v) || /^\/[^/\s]\S*$/.test(v), "The media URL must start with https:// (or / for a file served by the app)."),
  mediaType: z.enum(MEDIA_TYPES, { error: "Media type must be image, video or carousel." }).optional(),
  caption: z.string().trim().max(2200, "Keep the caption under 2,200 characters.").optional(),
  hook: z.string().trim().max(200, "Keep the hook under 200 characters.").optional(),
});

export const uploadCreativeAction = projectAction({
  capability: "creative.upload",
  input: ZUpload,
  project: async (input) => input.projectId,
  handler: async (input, { access, audit }) => {
    const now = new Date();
    const approval = (await projectRequiresApproval(access.projectId)) ? "pending" : "approved";
    const created = await createManualCreative({
      orgId: access.orgId,
      projectId: access.projectId,
      title: input.title,
      mediaUrl: input.mediaUrl,
      mediaType: input.mediaType ?? (VIDEO_EXTENSION.test(input.mediaUrl) ? "video" : "image"),
      caption: input.caption || null,
      hook: input.hook || null,
      approval,
      // A new manual creative with no spend: the generated/manual formula at age 0.
      organicScore: scoreGeneratedOrManual({ ageDays: 0, spend30dMinor: 0 }),
      scoringVersion: ORGANIC_SCORING_VERSION,
      now,
    });
    await audit({ action: "creative.uploaded", resourceType: "creative", resourceId: created.id, changes: { old: null, new: { title: input.title, mediaUrl: input.mediaUrl, pool: "manual", approval } } });
    return { id: created.id, approval };
  },
});

export const setRequiresApprovalAction = projectAction({
  capability: "project.settings",
  input: z.object({ projectId: ZProjectId, requiresApproval: z.boolean({ error: "Say whether new creatives need approval." }) }),
  project: async (input) => input.projectId,
  handler: async (input, { access, audit }) => {
    const old = await updateRequiresApproval(access.projectId, input.requiresApproval);
    if (old !== input.requiresApproval) {
      await audit({ action: "project.requires_approval", resourceType: "project", resourceId: access.projectId, changes: { old, new: input.requiresApproval } });
    }
    return { requiresApproval: input.requiresApproval };
  },
});
