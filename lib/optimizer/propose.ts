// Proposals state what the metrics argue for, deliberately ignoring the guardrails: the guardrail
// stage then approves or rejects them, so a held-back action stays visible ("Entity too young
// (2d < 3d minimum)") instead of silently never being proposed.
import * as LIMITS from "./constants";
import type { ClassificationResult } from "./classify";
import type { EntityInput, EntityMetrics, Mode, PerformanceClass, Platform, ReasonCode } from "./types";

// Copied into module scope once: the per-entity code then reads plain locals (some loaders
// compile imported bindings to getter calls, which showed up in the 100k-entity profile).
const {
  BID_STEP_MAX,
  BID_STEP_MIN,
  CONFIDENCE_FULL_CONVERSIONS,
  CONFIDENCE_FULL_DAYS,
  CONFIDENCE_FULL_IMPRESSIONS,
  CONFIDENCE_FULL_SPEND_MINOR,
  CRITICAL_SPEND_NO_INSTALLS_MINOR,
  DAY_MS,
  REFRESH_NO_METRICS_AGE_DAYS,
  SCALE_DOWN_MAX,
  SCALE_DOWN_MIN,
  SCALE_UP_MAX,
  SCALE_UP_MIN,
} = LIMITS;

export type Proposal =
  | { kind: "hold"; reasons: ReasonCode[] }
  | {
      kind: "pause";
      reasons: ReasonCode[];
      /** Refresh fallback (idle > 30 days): exempt from the $5 minimum, confidence 1. */
      fallback: boolean;
    }
  | { kind: "budget" | "bid"; reasons: ReasonCode[]; from: number; to: number };

export interface ProposeContext {
  mode: Mode;
  platform: Platform;
  targetCpaMinor: number | null;
}

export const PAUSABLE: ReadonlySet<PerformanceClass> = new Set<PerformanceClass>(["UNDERPERFORMING", "FATIGUED", "CRITICAL"]);

/** Shared, frozen hold proposals: most entities hold, and a cycle may cover 100k entities. */
const hold = (...reasons: ReasonCode[]): Proposal => Object.freeze({ kind: "hold", reasons: Object.freeze(reasons) as ReasonCode[] });
const HOLD = {
  none: hold(),
  tolerance: hold("HOLD_WITHIN_TOLERANCE"),
  noLever: hold("HOLD_NO_LEVER"),
  paused: hold("ENTITY_PAUSED"),
  learning: hold("LEARNING_NO_EDITS"),
  watchdog: hold("WATCHDOG_NOT_CATASTROPHIC"),
  refreshScope: hold("REFRESH_ADS_ONLY"),
} as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function hasBudgetLever(entity: EntityInput): boolean {
  return (entity.level === "campaign" || entity.level === "adset") && entity.dailyBudgetMinor != null && entity.dailyBudgetMinor > 0;
}

/** Bids are adjustable on Apple keywords and TikTok adgroups/keywords; Meta bids are left alone. */
export function hasBidLever(entity: EntityInput, platform: Platform): boolean {
  if (entity.bidMinor == null || entity.bidMinor <= 0) return false;
  if (platform === "apple_search_ads") return entity.level === "keyword";
  if (platform === "tiktok") return entity.level === "adset" || entity.level === "keyword";
  return false;
}

export function isLeaf(entity: EntityInput): boolean {
  return entity.level === "ad" || entity.level === "keyword";
}

/**
 * Confidence 0–1: the mean of four saturating evidence factors over the 7d window:
 *   days        = min(1, active days / 3)
 *   impressions = min(1, impressions / 1000)
 *   spend       = min(1, spend / $20)
 *   conversions = min(1, max(installs, spend / reference CPA) / 5)
 * reference CPA = target CPA, else the pool's 7d CPA (without either, installs alone). The
 * conversion factor counts installs the spend *should* have bought, so that $60 with zero
 * installs is strong evidence rather than none.
 */
export function computeConfidence(metrics: EntityMetrics, referenceCpaMinor: number | null): number {
  const w = metrics.windows["7d"];
  const expected = referenceCpaMinor != null && referenceCpaMinor > 0 ? w.spendMinor / referenceCpaMinor : 0;
  const factors =
    Math.min(1, w.activeDays / CONFIDENCE_FULL_DAYS) +
    Math.min(1, w.impressions / CONFIDENCE_FULL_IMPRESSIONS) +
    Math.min(1, w.spendMinor / CONFIDENCE_FULL_SPEND_MINOR) +
    Math.min(1, Math.max(w.installs, expected) / CONFIDENCE_FULL_CONVERSIONS);
  return Math.round((factors / 4) * 100) / 100;
}

function benchmarkCpa(c: ClassificationResult): number | null {
  const b = c.inputs.targetCpaMinor ?? c.inputs.poolCpa7dMinor;
  return b != null && b > 0 ? b : null;
}

/** Ideal fractional move; the guardrails clamp budgets to 50% / $100 afterwards. */
function upFraction(c: ClassificationResult, min: number, max: number): number | null {
  const benchmark = benchmarkCpa(c);
  const cpa = c.inputs.cpa7dMinor;
  if (benchmark == null || cpa == null || cpa >= benchmark) return null;
  return clamp(cpa > 0 ? benchmark / cpa - 1 : max, min, max);
}

function downFraction(c: ClassificationResult, min: number, max: number): number {
  const benchmark = benchmarkCpa(c);
  const i = c.inputs;
  const cpa = i.installs7d > 0 ? i.spend7dMinor / i.installs7d : i.spend7dMinor;
  if (benchmark == null || !(cpa > 0)) return min;
  return clamp(1 - benchmark / cpa, min, max);
}

function change(kind: "budget" | "bid", from: number, fraction: number, code: ReasonCode): Proposal {
  const to = Math.max(kind === "bid" ? 1 : 0, from + Math.round(from * fraction));
  if (to === from) return HOLD.noLever;
  return { kind, from, to, reasons: [code] };
}

function proposeCycle(entity: EntityInput, c: ClassificationResult, platform: Platform): Proposal {
  if (c.unscored) return HOLD.none;
  const perf = c.performanceClass;
  const budget = hasBudgetLever(entity);
  const bid = hasBidLever(entity, platform);
  // Edits restart the platform's learning; only a pause proposal (which the protected-class
  // guardrail then rejects, visibly) is raised for learning entities.
  const learning = c.classification === "LEARNING_PHASE";

  if (perf === "CRITICAL" || perf === "FATIGUED") return { kind: "pause", reasons: ["PAUSE_UNDERPERFORMER"], fallback: false };
  if (perf === "UNDERPERFORMING") {
    if ((budget || bid) && learning) return HOLD.learning;
    if (budget) return change("budget", entity.dailyBudgetMinor!, -downFraction(c, SCALE_DOWN_MIN, SCALE_DOWN_MAX), "SCALE_DOWN");
    if (bid) return change("bid", entity.bidMinor!, -downFraction(c, BID_STEP_MIN, BID_STEP_MAX), "BID_DOWN");
    return { kind: "pause", reasons: ["PAUSE_UNDERPERFORMER"], fallback: false };
  }
  if (perf === "TOP_PERFORMER") {
    if (!budget && !bid) return HOLD.noLever;
    if (learning) return HOLD.learning;
    if (budget) {
      const up = upFraction(c, SCALE_UP_MIN, SCALE_UP_MAX);
      if (up != null) return change("budget", entity.dailyBudgetMinor!, up, "SCALE_UP");
    } else {
      const up = upFraction(c, BID_STEP_MIN, BID_STEP_MAX);
      if (up != null) return change("bid", entity.bidMinor!, up, "BID_UP");
    }
  }
  return HOLD.tolerance;
}

export function proposeAction(
  entity: EntityInput,
  metrics: EntityMetrics,
  c: ClassificationResult,
  ctx: ProposeContext,
): Proposal {
  if (ctx.mode === "refresh" && !isLeaf(entity)) return HOLD.refreshScope;
  // Paused entities are classified (for the UI) but never proposed for anything again.
  if (entity.status === "paused") return HOLD.paused;

  if (ctx.mode === "watchdog") {
    const w = metrics.windows["7d"];
    if (w.installs === 0 && w.spendMinor >= CRITICAL_SPEND_NO_INSTALLS_MINOR) {
      return { kind: "pause", reasons: ["WATCHDOG_CATASTROPHIC"], fallback: false };
    }
    return HOLD.watchdog;
  }

  if (ctx.mode === "refresh") {
    if (!metrics.hasAnyMetrics && c.ageMs > REFRESH_NO_METRICS_AGE_DAYS * DAY_MS) {
      return { kind: "pause", reasons: ["NO_METRICS_30D"], fallback: true };
    }
    if (!c.unscored && PAUSABLE.has(c.performanceClass)) return { kind: "pause", reasons: ["PAUSE_UNDERPERFORMER"], fallback: false };
    return c.unscored ? HOLD.none : HOLD.tolerance;
  }

  return proposeCycle(entity, c, ctx.platform);
}
