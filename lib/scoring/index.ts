export { ageInDays, clamp, median, midRankPercentiles, roundScore } from "./math";
export {
  ORGANIC_SCORE_THRESHOLD,
  ORGANIC_SCORING_VERSION,
  SCORING_CHANGELOG,
  SUPPORTED_SCORING_VERSIONS,
  versionBumpNotification,
  type ScoringChangelogEntry,
  type ScoringVersion,
} from "./version";
export {
  GENERATED_FORMULA,
  generatedScoreBreakdown,
  scoreGeneratedOrManual,
  type GeneratedScoreBreakdown,
  type GeneratedScoreInput,
} from "./generated";
export {
  combineUgcScore,
  freshnessBonus,
  outperformanceComponent,
  scoreUgcPool,
  UGC_FORMULA,
  weightedEngagementRate,
  type UgcPost,
  type UgcScore,
  type UgcScoreDetail,
} from "./ugc";
export {
  detectCrossing,
  rescoreCreatives,
  type RescoreCreative,
  type RescoredCreative,
  type RescoreGeneratedCreative,
  type RescoreResult,
  type RescoreUgcCreative,
  type ScoreDetail,
  type ThresholdCrossing,
} from "./rescore";
