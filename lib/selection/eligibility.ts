import {
  ELIGIBILITY_THRESHOLD,
  type EligibilityResult,
  type IneligibilityReason,
  type Override,
  type SelectionCreative,
} from "./types";

export type EligibilityInput = Pick<
  SelectionCreative,
  "organicScore" | "override" | "safetyFailed" | "approval" | "archived"
>;

/** A null (unscored) or non-finite score never meets the threshold on its own. */
export function meetsScoreThreshold(score: number | null): boolean {
  return score !== null && Number.isFinite(score) && score >= ELIGIBILITY_THRESHOLD;
}

/**
 * eligible = approved AND (score >= 4.0 OR override 'include') AND override !== 'exclude'
 *            AND NOT safetyFailed AND NOT archived.
 * 'include' only lifts the score requirement: it never beats safetyFailed, approval or archiving.
 * Every applicable reason is listed, in INELIGIBILITY_REASONS order.
 */
export function evaluateEligibility(creative: EligibilityInput): EligibilityResult {
  const reasons: IneligibilityReason[] = [];
  if (creative.approval !== "approved") reasons.push("NOT_APPROVED");
  if (creative.override !== "include" && !meetsScoreThreshold(creative.organicScore)) {
    reasons.push("BELOW_THRESHOLD");
  }
  if (creative.override === "exclude") reasons.push("EXCLUDED");
  if (creative.safetyFailed) reasons.push("SAFETY_FAILED");
  if (creative.archived === true) reasons.push("ARCHIVED");
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Overrides live on project_ads_content, so the same ads_content row can be 'include' in one
 * project and 'exclude' in another. Builds one project's view: ids missing from `overrides` are auto (null).
 */
export function withProjectOverrides<T extends { id: string; override?: Override }>(
  creatives: readonly T[],
  overrides: Readonly<Record<string, Override>>,
): (T & { override: Override })[] {
  return creatives.map((creative) => ({
    ...creative,
    override: Object.hasOwn(overrides, creative.id) ? (overrides[creative.id] ?? null) : null,
  }));
}
