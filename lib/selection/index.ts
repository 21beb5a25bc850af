export * from "./types";
export { evaluateEligibility, meetsScoreThreshold, withProjectOverrides, type EligibilityInput } from "./eligibility";
export {
  compareRanked,
  planSelection,
  rankScoreOf,
  resolveSelectionConfig,
  selectCreatives,
  slotsForPool,
  type AdsetPlan,
  type RankedCreative,
  type SelectionPlan,
} from "./select";
export {
  explainNotRunning,
  NOT_RUNNING_CODES,
  NOT_RUNNING_MESSAGES,
  type AdsetOutcome,
  type NotRunningCode,
  type NotRunningExplanation,
} from "./explain";
export {
  formatIssuePath,
  formatZodError,
  parseSelectionInput,
  ZSelectionAdset,
  ZSelectionConfig,
  ZSelectionCreative,
  ZSelectionInput,
  type ParseSelectionResult,
  type TSelectionInput,
} from "./schema";
