// Types of the optimizer decision core. Money is always integer minor units (cents) here so that
// guardrail arithmetic ($5, $50, $100) is exact; only the CLI speaks major units.

export type Platform = "meta" | "tiktok" | "apple_search_ads";
export type Level = "campaign" | "adset" | "ad" | "keyword";
export type EntityStatus = "active" | "paused";
export type HistoryActionType = "pause" | "resume" | "budget" | "bid";

/** cycle = full optimizer (every 6h); watchdog = catastrophic pauses only (every 2h);
 * refresh = the content-refresh disable step (ads/keywords only, no budget or bid moves). */
export type Mode = "cycle" | "watchdog" | "refresh";

export interface DailyMetric {
  /** UTC calendar date, YYYY-MM-DD. */
  date: string;
  spendMinor: number;
  impressions: number;
  clicks: number;
  installs: number;
  revenueMinor?: number | null;
  /** Platform-reported daily frequency (Meta); absent elsewhere. */
  frequency?: number | null;
}

export interface EntityAction {
  type: HistoryActionType;
  at: Date;
}

export interface EntityInput {
  id: string;
  level: Level;
  parentId: string | null;
  createdAt: Date;
  status: EntityStatus;
  /** Platform says the entity is still in its learning phase. */
  learning: boolean;
  dailyBudgetMinor: number | null;
  bidMinor: number | null;
  actions: readonly EntityAction[];
  metrics: readonly DailyMetric[];
  /** Windows already aggregated (by the database); when present, `metrics` is ignored. */
  precomputed?: EntityMetrics;
  /** Accepted but deliberately ignored: organic score, creative pool and overrides govern creative
   * *selection*, never the pause of an already-running ad (optimizer.md, overrides). */
  organicScore?: number | null;
  creativePool?: "generated" | "ugc" | "manual" | null;
  override?: "include" | "exclude" | null;
}

export interface LayerInput {
  platform: Platform;
  paused: boolean;
  lastSyncAt: Date | null;
}

export interface CycleInput {
  now: Date;
  layer: LayerInput;
  settings: { targetCpaMinor: number | null };
  entities: readonly EntityInput[];
}

export interface DecideOptions {
  mode: Mode;
}

export type Classification =
  | "TOO_YOUNG"
  | "LEARNING_PHASE"
  | "TOP_PERFORMER"
  | "HEALTHY"
  | "UNDERPERFORMING"
  | "FATIGUED"
  | "CRITICAL";

/** What the metrics alone say, before age and learning protections are applied. */
export type PerformanceClass = Exclude<Classification, "TOO_YOUNG" | "LEARNING_PHASE">;

export type WindowKey = "1d" | "3d" | "7d" | "14d" | "30d";

export interface WindowMetrics {
  days: number;
  spendMinor: number;
  impressions: number;
  clicks: number;
  installs: number;
  revenueMinor: number;
  /** spend / installs; null when there are no installs. Fractional cents are kept. */
  cpaMinor: number | null;
  /** clicks / impressions; null without impressions. */
  ctr: number | null;
  /** spend per 1000 impressions; null without impressions. */
  cpmMinor: number | null;
  /** installs / clicks; null without clicks. */
  cvr: number | null;
  /** Impression-weighted mean of the reported daily frequencies; null when none reported. */
  frequency: number | null;
  /** Distinct days in the window with any spend or impressions. */
  activeDays: number;
}

export type WindowSet = Record<WindowKey, WindowMetrics>;

export interface EntityMetrics {
  windows: WindowSet;
  /** Over every row up to and including today (not only 30d): the refresh step's "$5 total spend". */
  lifetimeSpendMinor: number;
  /** False when no row ever recorded any delivery (refresh fallback: "no metrics at all"). */
  hasAnyMetrics: boolean;
}

export interface PoolStats {
  entities: number;
  spendMinor: number;
  impressions: number;
  clicks: number;
  installs: number;
  cpaMinor: number | null;
  ctr: number | null;
  cvr: number | null;
}

export type PoolsByLevel = Record<Level, PoolStats>;

export interface ScoreComponents {
  cpaVsPool: number | null;
  cpaVsTarget: number | null;
  ctrVsPool: number | null;
  cvrVsPool: number | null;
  trend: number | null;
}

export interface ScoreResult {
  /** 0–100 integer, or null when nothing could be scored. */
  score: number | null;
  components: ScoreComponents;
}

export type DecisionAction = "hold" | "pause" | "budget" | "bid";
export type DecisionStatus = "none" | "approved" | "rejected";

export interface DecisionInputs {
  spend7dMinor: number;
  impressions7d: number;
  installs7d: number;
  cpa7dMinor: number | null;
  cpa3dMinor: number | null;
  cpa14dMinor: number | null;
  poolCpa7dMinor: number | null;
  targetCpaMinor: number | null;
  frequency7d: number | null;
  ageDays: number;
  lifetimeSpendMinor: number;
  dailyBudgetMinor: number | null;
  bidMinor: number | null;
  learning: boolean;
  status: EntityStatus;
}

export interface Decision {
  entityId: string;
  level: Level;
  classification: Classification;
  score: number | null;
  action: DecisionAction;
  status: DecisionStatus;
  /** Current budget/bid (minor units) for budget and bid actions. */
  from?: number;
  /** Proposed budget/bid (minor units, after clamping) for budget and bid actions. */
  to?: number;
  confidence: number;
  reasons: ReasonCode[];
  sentence: string;
  guardrailsPassed: string[];
  inputs: DecisionInputs;
  metrics: WindowSet;
}

export interface CycleSummary {
  approved: number;
  rejected: number;
  pauses: number;
  actions: number;
}

export interface CycleResult {
  scoringVersion: string;
  mode: Mode;
  decisions: Decision[];
  summary: CycleSummary;
}

export type ReasonCode =
  // classification drivers
  | "YOUNG_ENTITY"
  | "PLATFORM_LEARNING"
  | "SPEND_NO_INSTALLS"
  | "CPA_OVER_2_5X_POOL"
  | "CPA_TREND_DEGRADED"
  | "HIGH_FREQUENCY_DECLINE"
  | "CPA_ABOVE_POOL"
  | "LOW_SCORE"
  | "SCORE_TOP"
  | "SCORE_HEALTHY"
  | "NO_DATA"
  | "NO_BENCHMARK"
  // proposals / holds
  | "HOLD_WITHIN_TOLERANCE"
  | "HOLD_NO_LEVER"
  | "ENTITY_PAUSED"
  | "LEARNING_NO_EDITS"
  | "SCALE_UP"
  | "SCALE_DOWN"
  | "BID_UP"
  | "BID_DOWN"
  | "PAUSE_UNDERPERFORMER"
  | "WATCHDOG_CATASTROPHIC"
  | "WATCHDOG_NOT_CATASTROPHIC"
  | "REFRESH_ADS_ONLY"
  | "NO_METRICS_30D"
  // guardrails
  | "STALE_DATA"
  | "LAYER_PAUSED"
  | "MIN_AGE"
  | "PROTECTED_CLASS"
  | "MIN_SPEND"
  | "MIN_IMPRESSIONS"
  | "COOLDOWN"
  | "LOW_CONFIDENCE"
  | "LAST_ACTIVE_CHILD"
  | "BUDGET_CLAMPED"
  | "CAP_PAUSES"
  | "CAP_ACTIONS";
