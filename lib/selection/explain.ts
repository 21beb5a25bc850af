import { planSelection, type AdsetPlan, type SelectionPlan } from "./select";
import type { EligibilityResult, SelectionCreative, SelectionInput } from "./types";

/** "Why isn't my best creative running?" — fixed order, most fundamental first. */
export const NOT_RUNNING_CODES = [
  "NOT_FOUND",
  "ARCHIVED",
  "PENDING_APPROVAL",
  "NOT_APPROVED",
  "EXCLUDED",
  "SAFETY_FAILED",
  "BELOW_THRESHOLD",
  "NO_ADSETS",
  "ADSET_AT_CAPACITY",
  "ADSET_FULL",
  "POOL_SLOTS_FILLED",
  "SLOTS_FILLED_BY_HIGHER_SCORERS",
] as const;
export type NotRunningCode = (typeof NOT_RUNNING_CODES)[number];

export const NOT_RUNNING_MESSAGES: Readonly<Record<NotRunningCode, string>> = {
  NOT_FOUND: "This creative is not in the project.",
  ARCHIVED: "The creative is archived, which removes it from selection.",
  PENDING_APPROVAL: "The creative is waiting for approval.",
  NOT_APPROVED: "The creative was rejected.",
  EXCLUDED: "It is set to override = 'exclude' in this project.",
  SAFETY_FAILED: "It failed the safety check; overrides cannot fix that — regenerate it.",
  BELOW_THRESHOLD: "Its organic score is below 4.0 (check the score history) and it has no 'include' override.",
  NO_ADSETS: "There is no adset to launch it into.",
  ADSET_AT_CAPACITY: "The adset is at the platform's ad limit (Meta: 50 ads), so refresh skips it.",
  ADSET_FULL: "The adset already runs maxCreativesPerAdset creatives.",
  POOL_SLOTS_FILLED: "Its pool's slots in the adset are already taken by running creatives.",
  SLOTS_FILLED_BY_HIGHER_SCORERS: "The adset's open slots went to higher-scoring creatives.",
};

export type AdsetOutcome = "RUNNING" | "WILL_LAUNCH" | "NOT_SELECTED";

export interface NotRunningExplanation {
  creativeId: string;
  /** RUNNING if active in any adset, else WILL_LAUNCH if selected for any, else NOT_RUNNING. */
  status: "RUNNING" | "WILL_LAUNCH" | "NOT_RUNNING";
  /** Union of the reasons below (plus NOT_FOUND / NO_ADSETS), in NOT_RUNNING_CODES order. */
  codes: NotRunningCode[];
  adsets: { adsetId: string; outcome: AdsetOutcome; codes: NotRunningCode[] }[];
}

function sortCodes(codes: Iterable<NotRunningCode>): NotRunningCode[] {
  const set = new Set(codes);
  return NOT_RUNNING_CODES.filter((code) => set.has(code));
}

function eligibilityCodes(creative: SelectionCreative, result: EligibilityResult): NotRunningCode[] {
  return result.reasons.map((reason) => {
    if (reason === "NOT_APPROVED") return creative.approval === "pending" ? "PENDING_APPROVAL" : "NOT_APPROVED";
    return reason;
  });
}

function adsetCodes(plan: AdsetPlan, creative: SelectionCreative, eligibility: NotRunningCode[]): NotRunningCode[] {
  const capacity: NotRunningCode[] = plan.skipped === "AT_CAPACITY" ? ["ADSET_AT_CAPACITY"] : [];
  if (eligibility.length > 0) return sortCodes([...eligibility, ...capacity]);
  if (capacity.length > 0) return capacity;
  if (plan.remainingCapacity === 0) return ["ADSET_FULL"];
  if (plan.openSlots[creative.pool] === 0) return ["POOL_SLOTS_FILLED"];
  // Eligible, room in the adset and its pool: it lost either within its pool or at the total cap.
  return ["SLOTS_FILLED_BY_HIGHER_SCORERS"];
}

function explainFromPlan(creativeId: string, plan: SelectionPlan): NotRunningExplanation {
  const creative = plan.creatives.get(creativeId);
  if (!creative) return { creativeId, status: "NOT_RUNNING", codes: ["NOT_FOUND"], adsets: [] };
  const eligibility = eligibilityCodes(creative, plan.eligibility.get(creativeId) ?? { eligible: true, reasons: [] });
  const adsets = plan.adsets.map((adset) => {
    if (adset.activeCreativeIds.has(creativeId)) return { adsetId: adset.id, outcome: "RUNNING" as const, codes: [] };
    if (adset.selected.includes(creativeId)) return { adsetId: adset.id, outcome: "WILL_LAUNCH" as const, codes: [] };
    return { adsetId: adset.id, outcome: "NOT_SELECTED" as const, codes: adsetCodes(adset, creative, eligibility) };
  });
  const status = adsets.some((a) => a.outcome === "RUNNING")
    ? "RUNNING"
    : adsets.some((a) => a.outcome === "WILL_LAUNCH")
      ? "WILL_LAUNCH"
      : "NOT_RUNNING";
  const codes = sortCodes([
    ...eligibility,
    ...(adsets.length === 0 ? (["NO_ADSETS"] as const) : []),
    ...adsets.flatMap((a) => a.codes),
  ]);
  return { creativeId, status, codes, adsets };
}

/**
 * Explains, per adset, why a creative is not (about to be) running, using the same plan as
 * `selectCreatives` so the answer always agrees with what selection does.
 */
export function explainNotRunning(creativeId: string, input: SelectionInput): NotRunningExplanation {
  return explainFromPlan(creativeId, planSelection(input));
}
