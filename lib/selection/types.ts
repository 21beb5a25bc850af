// Domain types and constants for creative eligibility and per-adset selection.
import { ORGANIC_SCORE_THRESHOLD } from "@/lib/scoring/version";

export const POOLS = ["generated", "ugc", "manual"] as const;
export type Pool = (typeof POOLS)[number];

export const PLATFORMS = ["meta", "tiktok", "apple_search_ads"] as const;
export type Platform = (typeof PLATFORMS)[number];

export type Override = "include" | "exclude" | null;
export type Approval = "approved" | "pending" | "rejected";

/** organic_score >= 4.0 is eligible; exactly 4.0 is eligible. Owned by scoring. */
export const ELIGIBILITY_THRESHOLD = ORGANIC_SCORE_THRESHOLD;

/**
 * Hard per-adset (Meta) / per-ad-group (TikTok, Apple) ad limits. Counted against `activeAdCount`.
 * - meta: 50 ads per adset (ad-eligibility spec).
 * - tiktok: 20. TikTok's current ad-account-limits help page says 50 ads per ad group (with
 *   exceptions); older copies of the same page say 20. We take the lower figure so a launch never
 *   fails on an account still on the old limit.
 * - apple_search_ads: 35. An Apple ad is a (custom) product page assigned to an ad group, each page
 *   usable once per ad group, and App Store Connect allows 35 custom product pages per app (raised
 *   later for some apps). 35 is the conservative bound; the "creative" here is the listing, and
 *   Apple's refresh mostly rotates keywords (refresh-cycle notes).
 */
export const PLATFORM_AD_LIMITS: Readonly<Record<Platform, number>> = {
  meta: 50,
  tiktok: 20,
  apple_search_ads: 35,
};

export interface SelectionConfig {
  generatedSlots: number;
  ugcSlots: number;
  manualSlots: number;
  /** Cap on (creatives already active in the adset + newly selected). */
  maxCreativesPerAdset: number;
  /** rankScore = organicScoreWeight × organicScore. Must be >= 0; 0 turns score ranking off (id order). */
  organicScoreWeight: number;
}

export const DEFAULT_SELECTION_CONFIG: Readonly<SelectionConfig> = {
  generatedSlots: 3,
  ugcSlots: 3,
  manualSlots: 3,
  maxCreativesPerAdset: 10,
  organicScoreWeight: 1,
};

/** A creative as seen by one project: `override` comes from that project's project_ads_content row. */
export interface SelectionCreative {
  id: string;
  pool: Pool;
  organicScore: number | null;
  override: Override;
  safetyFailed: boolean;
  approval: Approval;
  archived?: boolean;
}

export interface SelectionAdset {
  id: string;
  platform: Platform;
  /** Creatives currently running in the adset (any of them, known to `creatives` or not). */
  activeCreativeIds: readonly string[];
  /** Ads currently in the adset, counted against the platform hard limit. */
  activeAdCount: number;
}

export interface SelectionInput {
  creatives: readonly SelectionCreative[];
  adsets: readonly SelectionAdset[];
  config?: Partial<SelectionConfig>;
}

/** Fixed output order of reasons. ARCHIVED is last so the CLI contract's four reasons keep their order. */
export const INELIGIBILITY_REASONS = [
  "NOT_APPROVED",
  "BELOW_THRESHOLD",
  "EXCLUDED",
  "SAFETY_FAILED",
  "ARCHIVED",
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface EligibilityResult {
  eligible: boolean;
  reasons: IneligibilityReason[];
}

export type SkipReason = "AT_CAPACITY";

export interface AdsetSelection {
  id: string;
  /** Creative ids to launch, best first. */
  selected: string[];
  skipped: SkipReason | null;
}

export interface IneligibleCreative {
  id: string;
  reasons: IneligibilityReason[];
}

export interface SelectionResult {
  adsets: AdsetSelection[];
  ineligible: IneligibleCreative[];
}
