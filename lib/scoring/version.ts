/** Bump when any formula or rule below changes; every ads_content row is then rescored. */
export const ORGANIC_SCORING_VERSION = 2;
export const SUPPORTED_SCORING_VERSIONS = [1, 2] as const;
export type ScoringVersion = (typeof SUPPORTED_SCORING_VERSIONS)[number];

/** A score >= 4.0 makes a creative eligible on score alone (ad-eligibility spec). */
export const ORGANIC_SCORE_THRESHOLD = 4.0;

export interface ScoringChangelogEntry {
  version: number;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  summary: string;
  changes: string[];
}

/** Newest first; shown in the app as the scoring changelog. */
export const SCORING_CHANGELOG: readonly ScoringChangelogEntry[] = [
  {
    version: 2,
    date: "2026-11-23",
    summary: "UGC posts under 50 views are unscored instead of 0; the UGC formula is written down exactly.",
    changes: [
      "UGC posts with fewer than 50 views now have no score (null) instead of sitting at 0. Either way they are below the 4.0 threshold; 'unscored' now shows as such.",
      "UGC score = clamp(0, 10, 8.5 × (0.45 × quality + 0.25 × reach + 0.30 × outperformance) + freshness).",
      "quality and reach are mid-rank percentiles (0..1) of weighted engagement rate and views among the project's scoreable UGC posts (≥ 50 views, not safety-failed).",
      "weighted engagement rate = (likes + 3·comments + 5·shares + 6·saves) / views.",
      "outperformance = clamp(0, 1, (log2(views / creator median views) + 2) / 4): a quarter of the creator's median or less → 0, the median → 0.5, 4× or more → 1.",
      "freshness = 1.5 × (1 − age/90 days), 0 after 90 days.",
      "Scores are rounded to two decimals.",
    ],
  },
  {
    version: 1,
    date: "2026-11-23",
    summary: "Initial organic scoring.",
    changes: [
      "Generated and manual pools: clamp(2, 10, 7 − 5 × ageDays/30 + min(3, spend30d / $33.3)).",
      "UGC pool: quality 45%, reach 25%, outperformance vs the creator's median 30%, base multiplier 8.5, plus a freshness bonus of up to +1.5 over 90 days.",
      "UGC posts under 50 views score 0; UGC is only scored when the project has at least 3 scoreable posts.",
      "safetyFailed forces a score of 0 in every pool.",
    ],
  },
];

export function versionBumpNotification(version: number): string {
  return `Scoring version bumped to v${version}. See changelog.`;
}
