// Every threshold of the optimizer in one place, named after the product rule it encodes
// (optimizer.md, ad-eligibility.md, extended notes §1/§2). Money in minor units (cents).

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Classification thresholds. */
export const MIN_AGE_DAYS = 3;
export const TOP_PERFORMER_SCORE = 80;
export const HEALTHY_SCORE = 50;
/** ">$50 spent with zero installs in 7d" (optimizer.md) vs "$50+" (watchdog): we use >= so the
 * watchdog and CRITICAL agree and a burner at exactly $50.00 is caught. */
export const CRITICAL_SPEND_NO_INSTALLS_MINOR = 5_000;
export const CRITICAL_CPA_POOL_MULTIPLE = 2.5;
/** "CPA materially above pool average". */
export const UNDERPERFORMING_CPA_POOL_MULTIPLE = 1.5;
/** Fatigue: 3d CPA at least 1.3x the 14d CPA... */
export const FATIGUE_CPA_TREND_MULTIPLE = 1.3;
/** ...with "sufficient spend": at least $20 over 7d (both fatigue rules), and for the CPA-trend rule
 * enough 3d spend to have expected 3 installs at the 14d CPA, so that one unlucky day of a
 * low-volume ad is not read as fatigue. */
export const FATIGUE_MIN_SPEND_7D_MINOR = 2_000;
export const FATIGUE_MIN_EXPECTED_INSTALLS_3D = 3;
/** Meta fatigue rule: frequency > 3.0 over 7d with declining performance. */
export const META_FATIGUE_FREQUENCY = 3.0;
/** "Declining": 3d CPA more than 10% worse than 14d, or 3d CTR more than 10% below 14d. */
export const DECLINE_TOLERANCE = 0.1;

/** Guardrails. */
export const STALE_DATA_HOURS = 12;
export const REFRESH_MIN_SPEND_MINOR = 500;
export const MIN_IMPRESSIONS_FOR_BUDGET_OR_BID = 100;
export const MAX_BUDGET_CHANGE_FRACTION = 0.5;
export const MAX_BUDGET_CHANGE_MINOR = 10_000;
export const MAX_ACTIONS_PER_CYCLE = 40;
export const MAX_PAUSES_PER_CYCLE = 20;
export const STRUCTURAL_COOLDOWN_HOURS = 48;
export const BUDGET_COOLDOWN_HOURS = 48;
export const BID_COOLDOWN_HOURS = 24;
export const MIN_CONFIDENCE = 0.5;

/** Refresh fallback: ads older than 30 days that never delivered are disabled. */
export const REFRESH_NO_METRICS_AGE_DAYS = 30;

/** Proposal sizing (the guardrails bound whatever is proposed). */
export const SCALE_UP_MIN = 0.2;
export const SCALE_UP_MAX = 1.0;
export const SCALE_DOWN_MIN = 0.2;
export const SCALE_DOWN_MAX = 0.9;
export const BID_STEP_MIN = 0.1;
export const BID_STEP_MAX = 0.25;

/** Confidence saturation points. */
export const CONFIDENCE_FULL_DAYS = 3;
export const CONFIDENCE_FULL_IMPRESSIONS = 1_000;
export const CONFIDENCE_FULL_SPEND_MINOR = 2_000;
export const CONFIDENCE_FULL_CONVERSIONS = 5;
