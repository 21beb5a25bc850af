// Classification precedence (first match wins; see README.md for why):
//   TOO_YOUNG > LEARNING_PHASE > CRITICAL > FATIGUED > UNDERPERFORMING (CPA vs pool)
//   > TOP_PERFORMER > HEALTHY > UNDERPERFORMING (low score / nothing to score)
// Rule-based verdicts outrank the blended score so that a burner or a fatigued ad can never be
// labelled HEALTHY (and so protected from pausing) by good CTR alone.
import * as LIMITS from "./constants";
import { hasDelivery, scoreEntity } from "./score";
import type {
  Classification,
  DecisionInputs,
  EntityInput,
  EntityMetrics,
  PerformanceClass,
  Platform,
  PoolStats,
  ReasonCode,
  ScoreComponents,
} from "./types";

// Copied into module scope once: the per-entity code then reads plain locals (some loaders
// compile imported bindings to getter calls, which showed up in the 100k-entity profile).
const {
  CRITICAL_CPA_POOL_MULTIPLE,
  CRITICAL_SPEND_NO_INSTALLS_MINOR,
  DAY_MS,
  DECLINE_TOLERANCE,
  FATIGUE_CPA_TREND_MULTIPLE,
  FATIGUE_MIN_EXPECTED_INSTALLS_3D,
  FATIGUE_MIN_SPEND_7D_MINOR,
  HEALTHY_SCORE,
  META_FATIGUE_FREQUENCY,
  MIN_AGE_DAYS,
  TOP_PERFORMER_SCORE,
  UNDERPERFORMING_CPA_POOL_MULTIPLE,
} = LIMITS;

export interface ClassifyContext {
  now: Date;
  platform: Platform;
  /** Pool of the entity's level (active entities of the layer, 7d). */
  pool: PoolStats;
  targetCpaMinor: number | null;
}

export interface ClassificationResult {
  classification: Classification;
  /** The verdict of the metrics alone; equals `classification` unless age or learning override it.
   * Proposals are made from this so that the age/learning guardrails visibly reject them. */
  performanceClass: PerformanceClass;
  score: number | null;
  components: ScoreComponents;
  /** True when the entity could not be scored (no 7d delivery or no benchmark): nothing to act on. */
  unscored: boolean;
  reasons: ReasonCode[];
  ageMs: number;
  /** The numbers that drove the classification. */
  inputs: DecisionInputs;
}

export function isTooYoung(ageMs: number): boolean {
  return ageMs < MIN_AGE_DAYS * DAY_MS;
}

/** CPA with zero installs is bounded below by the spend (the next install is the earliest one);
 * used only where "getting worse" must be detected, never reported as a CPA. */
function cpaLowerBound(spendMinor: number, installs: number): number | null {
  if (installs > 0) return spendMinor / installs;
  return spendMinor > 0 ? spendMinor : null;
}

export function classifyEntity(entity: EntityInput, metrics: EntityMetrics, ctx: ClassifyContext): ClassificationResult {
  const { pool, targetCpaMinor } = ctx;
  const w3 = metrics.windows["3d"];
  const w7 = metrics.windows["7d"];
  const w14 = metrics.windows["14d"];
  const ageMs = ctx.now.getTime() - entity.createdAt.getTime();
  const { score, components } = scoreEntity(metrics, pool, targetCpaMinor);

  const inputs: DecisionInputs = {
    spend7dMinor: w7.spendMinor,
    impressions7d: w7.impressions,
    installs7d: w7.installs,
    cpa7dMinor: w7.cpaMinor,
    cpa3dMinor: w3.cpaMinor,
    cpa14dMinor: w14.cpaMinor,
    poolCpa7dMinor: pool.cpaMinor,
    targetCpaMinor,
    frequency7d: w7.frequency,
    ageDays: Math.max(0, Math.floor(ageMs / DAY_MS)),
    lifetimeSpendMinor: metrics.lifetimeSpendMinor,
    dailyBudgetMinor: entity.dailyBudgetMinor,
    bidMinor: entity.bidMinor,
    learning: entity.learning,
    status: entity.status,
  };

  const perfReasons: ReasonCode[] = [];
  let performanceClass: PerformanceClass;
  let unscored = false;

  const critical: ReasonCode[] = [];
  if (w7.installs === 0 && w7.spendMinor >= CRITICAL_SPEND_NO_INSTALLS_MINOR) critical.push("SPEND_NO_INSTALLS");
  if (w7.cpaMinor != null && pool.cpaMinor != null && w7.cpaMinor > CRITICAL_CPA_POOL_MULTIPLE * pool.cpaMinor) {
    critical.push("CPA_OVER_2_5X_POOL");
  }

  const fatigue: ReasonCode[] = [];
  if (
    w7.spendMinor >= FATIGUE_MIN_SPEND_7D_MINOR &&
    w14.cpaMinor != null &&
    w3.spendMinor >= FATIGUE_MIN_EXPECTED_INSTALLS_3D * w14.cpaMinor
  ) {
    const cpa3 = cpaLowerBound(w3.spendMinor, w3.installs);
    if (cpa3 != null && cpa3 >= FATIGUE_CPA_TREND_MULTIPLE * w14.cpaMinor) fatigue.push("CPA_TREND_DEGRADED");
  }
  if (
    ctx.platform === "meta" &&
    w7.spendMinor >= FATIGUE_MIN_SPEND_7D_MINOR &&
    w7.frequency != null &&
    w7.frequency > META_FATIGUE_FREQUENCY
  ) {
    const cpa3 = cpaLowerBound(w3.spendMinor, w3.installs);
    const cpaDeclining = cpa3 != null && w14.cpaMinor != null && cpa3 > (1 + DECLINE_TOLERANCE) * w14.cpaMinor;
    const ctrDeclining = w3.ctr != null && w14.ctr != null && w3.ctr < (1 - DECLINE_TOLERANCE) * w14.ctr;
    if (cpaDeclining || ctrDeclining) fatigue.push("HIGH_FREQUENCY_DECLINE");
  }

  if (critical.length > 0) {
    performanceClass = "CRITICAL";
    perfReasons.push(...critical);
  } else if (fatigue.length > 0) {
    performanceClass = "FATIGUED";
    perfReasons.push(...fatigue);
  } else if (
    w7.cpaMinor != null &&
    pool.cpaMinor != null &&
    w7.cpaMinor >= UNDERPERFORMING_CPA_POOL_MULTIPLE * pool.cpaMinor
  ) {
    performanceClass = "UNDERPERFORMING";
    perfReasons.push("CPA_ABOVE_POOL");
  } else if (score == null) {
    // Nothing to score is not a reason to protect an entity (an idle ad is not HEALTHY), but it
    // is no evidence to act on either: the proposer holds these (except the refresh fallback).
    performanceClass = "UNDERPERFORMING";
    unscored = true;
    perfReasons.push(hasDelivery(w7) ? "NO_BENCHMARK" : "NO_DATA");
  } else if (score >= TOP_PERFORMER_SCORE) {
    performanceClass = "TOP_PERFORMER";
    perfReasons.push("SCORE_TOP");
  } else if (score >= HEALTHY_SCORE) {
    performanceClass = "HEALTHY";
    perfReasons.push("SCORE_HEALTHY");
  } else {
    performanceClass = "UNDERPERFORMING";
    perfReasons.push("LOW_SCORE");
  }

  let classification: Classification = performanceClass;
  const reasons: ReasonCode[] = [];
  if (isTooYoung(ageMs)) {
    classification = "TOO_YOUNG";
    reasons.push("YOUNG_ENTITY");
  } else if (entity.learning) {
    classification = "LEARNING_PHASE";
    reasons.push("PLATFORM_LEARNING");
  }
  reasons.push(...perfReasons);

  return { classification, performanceClass, score, components, unscored, reasons, ageMs, inputs };
}
