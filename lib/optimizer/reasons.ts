// Reason codes are a stable contract (stored with workflow runs, matched by the UI); the
// sentences are for humans and may be reworded freely.
import { MIN_AGE_DAYS } from "./constants";
import type { ClassificationResult } from "./classify";
import type { ReasonCode } from "./types";

export const REASON_CODES: Readonly<Record<ReasonCode, string>> = {
  YOUNG_ENTITY: "Under 3 days old: TOO_YOUNG.",
  PLATFORM_LEARNING: "Platform reports the entity is still learning: LEARNING_PHASE.",
  SPEND_NO_INSTALLS: "$50 or more spent with zero installs in 7d: CRITICAL.",
  CPA_OVER_2_5X_POOL: "7d CPA above 2.5x the pool average: CRITICAL.",
  CPA_TREND_DEGRADED: "3d CPA at least 1.3x the 14d CPA with sufficient spend: FATIGUED.",
  HIGH_FREQUENCY_DECLINE: "Meta frequency above 3.0 over 7d with declining performance: FATIGUED.",
  CPA_ABOVE_POOL: "7d CPA at least 1.5x the pool average: UNDERPERFORMING.",
  LOW_SCORE: "Performance score below 50: UNDERPERFORMING.",
  SCORE_TOP: "Performance score 80 or more: TOP_PERFORMER.",
  SCORE_HEALTHY: "Performance score 50 or more: HEALTHY.",
  NO_DATA: "No delivery in the last 7 days: nothing to score.",
  NO_BENCHMARK: "No pool or target benchmark to score against.",
  HOLD_WITHIN_TOLERANCE: "Hold: within performance tolerance.",
  HOLD_NO_LEVER: "Hold: no budget or bid at this level to adjust.",
  ENTITY_PAUSED: "Hold: entity is already paused.",
  LEARNING_NO_EDITS: "Hold: no budget or bid edits while the platform is learning.",
  SCALE_UP: "Budget increase proposed (CPA under target).",
  SCALE_DOWN: "Budget decrease proposed (weak unit economics).",
  BID_UP: "Bid increase proposed (CPA under target).",
  BID_DOWN: "Bid decrease proposed (weak unit economics).",
  PAUSE_UNDERPERFORMER: "Pause proposed (UNDERPERFORMING, FATIGUED or CRITICAL).",
  WATCHDOG_CATASTROPHIC: "Watchdog: $50 or more spent with zero installs in 7d.",
  WATCHDOG_NOT_CATASTROPHIC: "Watchdog: nothing catastrophic, no action.",
  REFRESH_ADS_ONLY: "Content refresh only disables ads (and Apple keywords).",
  NO_METRICS_30D: "Refresh fallback: ad older than 30 days that never recorded any metrics.",
  STALE_DATA: "Layer metrics older than 12 hours (or never synced): whole cycle holds.",
  LAYER_PAUSED: "Layer is paused: whole cycle holds.",
  MIN_AGE: "Guardrail: entity under the 3-day minimum age.",
  PROTECTED_CLASS: "Guardrail: TOP_PERFORMER, HEALTHY, TOO_YOUNG and LEARNING_PHASE are never paused.",
  MIN_SPEND: "Guardrail: under $5 total spend, not disabled by the refresh step.",
  MIN_IMPRESSIONS: "Guardrail: under 100 impressions in 7d, no budget or bid change.",
  COOLDOWN: "Guardrail: cooldown since the last action on the entity (48h structural/budget, 24h bid).",
  LOW_CONFIDENCE: "Guardrail: confidence below 0.5, insufficient data.",
  LAST_ACTIVE_CHILD: "Guardrail: would leave its adset/adgroup without an active ad or keyword.",
  BUDGET_CLAMPED: "Budget change clamped to 50% of the current budget and $100 (still approved).",
  CAP_PAUSES: "Guardrail: 20 pauses per cycle already approved.",
  CAP_ACTIONS: "Guardrail: 40 actions per cycle already approved.",
};

export function formatMoney(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  return `${sign}$${(Math.abs(minor) / 100).toFixed(2)}`;
}

export function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Math.floor(hours / 24)}d`;
  return `${Math.floor(hours)}h`;
}

const PAUSABLE_SENTENCE = new Set(["UNDERPERFORMING", "FATIGUED", "CRITICAL"]);

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function multiple(value: number): string {
  return `${value.toFixed(1)}×`;
}

export function tooYoungSentence(ageMs: number): string {
  const days = Math.max(0, Math.floor(ageMs / 86_400_000));
  return `Entity too young (${days}d < ${MIN_AGE_DAYS}d minimum).`;
}

/** Why the metrics look the way they do, as one sentence (e.g. the doc's "CPA exceeds target by
 * 167% over a 7d window with high frequency."). */
export function performanceSentence(c: ClassificationResult): string {
  const i = c.inputs;
  const highFrequency = i.frequency7d != null && i.frequency7d > 3 ? " with high frequency" : "";
  const has = (code: ReasonCode) => c.reasons.includes(code);
  if (has("SPEND_NO_INSTALLS")) return `Spent ${formatMoney(i.spend7dMinor)} with zero installs over a 7d window${highFrequency}.`;
  if (has("CPA_OVER_2_5X_POOL") && i.cpa7dMinor != null && i.poolCpa7dMinor != null) {
    return `CPA ${formatMoney(i.cpa7dMinor)} is ${multiple(i.cpa7dMinor / i.poolCpa7dMinor)} the pool average (${formatMoney(i.poolCpa7dMinor)}) over a 7d window.`;
  }
  const aboveTarget = i.cpa7dMinor != null && i.targetCpaMinor != null && i.targetCpaMinor > 0 && i.cpa7dMinor > i.targetCpaMinor;
  if (aboveTarget && PAUSABLE_SENTENCE.has(c.performanceClass)) {
    return `CPA exceeds target by ${pct(i.cpa7dMinor! / i.targetCpaMinor! - 1)} over a 7d window${highFrequency}.`;
  }
  if (has("CPA_TREND_DEGRADED") && i.cpa14dMinor != null) {
    const cpa3 = i.cpa3dMinor;
    return cpa3 != null
      ? `CPA degraded from ${formatMoney(i.cpa14dMinor)} (14d) to ${formatMoney(cpa3)} (3d)${highFrequency}.`
      : `No installs in 3d despite a 14d CPA of ${formatMoney(i.cpa14dMinor)}${highFrequency}.`;
  }
  if (has("HIGH_FREQUENCY_DECLINE") && i.frequency7d != null) {
    return `Frequency ${i.frequency7d.toFixed(1)} over 7d with declining performance.`;
  }
  if (has("CPA_ABOVE_POOL") && i.cpa7dMinor != null && i.poolCpa7dMinor != null) {
    return `CPA ${formatMoney(i.cpa7dMinor)} is ${multiple(i.cpa7dMinor / i.poolCpa7dMinor)} the pool average (${formatMoney(i.poolCpa7dMinor)}) over a 7d window.`;
  }
  if (has("NO_DATA")) return "No delivery in the last 7 days to score.";
  if (has("NO_BENCHMARK")) return "No pool or target benchmark to score against.";
  if (c.score != null) {
    if (c.score < 50) return `Performance score ${c.score} is below 50 over a 7d window.`;
    return `Performance score ${c.score} over a 7d window.`;
  }
  return "No data to score.";
}

/** "CPA $6.00 is 40% under target" / "... above the pool average", for budget and bid moves. */
export function economicsClause(c: ClassificationResult): string {
  const i = c.inputs;
  const benchmark = i.targetCpaMinor ?? i.poolCpa7dMinor;
  const label = i.targetCpaMinor != null ? "target" : "the pool average";
  if (i.cpa7dMinor == null) return i.spend7dMinor > 0 ? `${formatMoney(i.spend7dMinor)} spent with zero installs in 7d` : "no installs in 7d";
  if (benchmark == null || benchmark <= 0) return `score ${c.score ?? "n/a"}`;
  const ratio = i.cpa7dMinor / benchmark;
  if (ratio < 1) return `CPA ${formatMoney(i.cpa7dMinor)} is ${pct(1 - ratio)} under ${label}`;
  return `CPA ${formatMoney(i.cpa7dMinor)} is ${pct(ratio - 1)} above ${label}`;
}

export function changeSentence(kind: "budget" | "bid", from: number, to: number, c: ClassificationResult): string {
  const up = to > from;
  const verb = kind === "budget" ? (up ? "Scale budget up" : "Cut budget") : up ? "Raise bid" : "Lower bid";
  const change = from > 0 ? pct(Math.abs(to - from) / from) : formatMoney(Math.abs(to - from));
  return `${verb} ${change} (${formatMoney(from)} → ${formatMoney(to)}): ${economicsClause(c)}.`;
}
