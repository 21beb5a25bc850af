import { z } from "zod";
import { formatIssuePath, formatZodError } from "@/lib/validation/issue-path";
import { PLATFORMS, POOLS, type SelectionInput } from "./types";

export { formatIssuePath, formatZodError };

const ZId = z.string().min(1, "must be a non-empty string");
const ZCount = z.number().int().nonnegative();

export const ZSelectionCreative = z.object({
  id: ZId,
  pool: z.enum(POOLS),
  organicScore: z.number().min(0).max(10).nullable(),
  override: z.enum(["include", "exclude"]).nullable(),
  safetyFailed: z.boolean(),
  approval: z.enum(["approved", "pending", "rejected"]),
  archived: z.boolean().optional(),
});

export const ZSelectionAdset = z.object({
  id: ZId,
  platform: z.enum(PLATFORMS),
  activeCreativeIds: z.array(ZId),
  activeAdCount: ZCount,
});

export const ZSelectionConfig = z.object({
  generatedSlots: ZCount.optional(),
  ugcSlots: ZCount.optional(),
  manualSlots: ZCount.optional(),
  maxCreativesPerAdset: ZCount.optional(),
  organicScoreWeight: z.number().nonnegative().optional(),
});

function rejectDuplicateIds(items: { id: string }[], what: string, ctx: z.RefinementCtx, root: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: "custom", path: [root, index, "id"], message: `duplicate ${what} id "${item.id}"` });
    }
    seen.add(item.id);
  });
}

export const ZSelectionInput = z
  .object({
    creatives: z.array(ZSelectionCreative),
    adsets: z.array(ZSelectionAdset),
    config: ZSelectionConfig.optional(),
  })
  .superRefine((input, ctx) => {
    rejectDuplicateIds(input.creatives, "creative", ctx, "creatives");
    rejectDuplicateIds(input.adsets, "adset", ctx, "adsets");
  });

export type TSelectionInput = z.infer<typeof ZSelectionInput>;



export type ParseSelectionResult = { ok: true; input: SelectionInput } | { ok: false; errors: string[] };

export function parseSelectionInput(raw: unknown): ParseSelectionResult {
  const parsed = ZSelectionInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: formatZodError(parsed.error) };
  return { ok: true, input: parsed.data };
}
