// Performance score perf-v1 (see README.md). Changing any weight, curve or input window changes
// what a "TOP_PERFORMER" is, so it must come with a new SCORING_VERSION: stored decisions name
// the version that produced them.
import type { EntityInput, EntityMetrics, Level, PoolStats, PoolsByLevel, ScoreComponents, ScoreResult, WindowMetrics } from "./types";

export const SCORING_VERSION = "perf-v1";

/** Weights of the five components; missing components are dropped and the rest renormalised. */
export const SCORE_WEIGHTS: Readonly<Record<keyof ScoreComponents, number>> = {
  cpaVsPool: 0.3,
  cpaVsTarget: 0.25,
  ctrVsPool: 0.15,
  cvrVsPool: 0.15,
  trend: 0.15,
};

const W_CPA_POOL = SCORE_WEIGHTS.cpaVsPool;
const W_CPA_TARGET = SCORE_WEIGHTS.cpaVsTarget;
const W_CTR = SCORE_WEIGHTS.ctrVsPool;
const W_CVR = SCORE_WEIGHTS.cvrVsPool;
const W_TREND = SCORE_WEIGHTS.trend;

const LEVELS: readonly Level[] = ["campaign", "adset", "ad", "keyword"];

function emptyPool(): PoolStats {
  return { entities: 0, spendMinor: 0, impressions: 0, clicks: 0, installs: 0, cpaMinor: null, ctr: null, cvr: null };
}

/** Pool = the layer's ACTIVE entities of the same level, 7d window, ratio of totals (so a big
 * spender weighs more than a tiny one, as it does for the account). */
export function computePools(entities: readonly EntityInput[], metrics: readonly EntityMetrics[]): PoolsByLevel {
  const pools = { campaign: emptyPool(), adset: emptyPool(), ad: emptyPool(), keyword: emptyPool() } as PoolsByLevel;
  for (let i = 0; i < entities.length; i += 1) {
    const entity = entities[i];
    if (entity.status !== "active") continue;
    const pool = pools[entity.level];
    const w = metrics[i].windows["7d"];
    pool.entities += 1;
    pool.spendMinor += w.spendMinor;
    pool.impressions += w.impressions;
    pool.clicks += w.clicks;
    pool.installs += w.installs;
  }
  for (const level of LEVELS) {
    const pool = pools[level];
    pool.cpaMinor = pool.installs > 0 ? pool.spendMinor / pool.installs : null;
    pool.ctr = pool.impressions > 0 ? pool.clicks / pool.impressions : null;
    pool.cvr = pool.clicks > 0 ? pool.installs / pool.clicks : null;
  }
  return pools;
}

/** Log-symmetric curve over a "goodness" ratio g (>1 = better than the benchmark): at the
 * benchmark 0.6 (so an average entity is HEALTHY), 2x better saturates at 1, 2x worse is 0.2. */
export function subscore(goodness: number): number {
  if (!(goodness > 0)) return 0;
  if (!Number.isFinite(goodness)) return 1;
  return Math.min(1, Math.max(0, 0.6 + 0.4 * Math.log2(goodness)));
}

/** benchmark / CPA. With zero installs the CPA is at least the spend (as if an install were
 * imminent), and that bound is never allowed to look better than the benchmark. */
export function costGoodness(spendMinor: number, installs: number, benchmarkMinor: number | null): number | null {
  if (benchmarkMinor == null || !(benchmarkMinor > 0)) return null;
  if (installs > 0) return spendMinor > 0 ? benchmarkMinor / (spendMinor / installs) : Number.POSITIVE_INFINITY;
  if (spendMinor > 0) return Math.min(1, benchmarkMinor / spendMinor);
  return null;
}

/** rate / pool rate, with the same one-event optimistic bound when the numerator is zero. */
export function rateGoodness(numerator: number, denominator: number, poolRate: number | null): number | null {
  if (poolRate == null || !(poolRate > 0) || !(denominator > 0)) return null;
  if (numerator > 0) return numerator / denominator / poolRate;
  return Math.min(1, 1 / denominator / poolRate);
}

export function hasDelivery(w: WindowMetrics): boolean {
  return w.spendMinor > 0 || w.impressions > 0;
}

export function scoreEntity(metrics: EntityMetrics, pool: PoolStats, targetCpaMinor: number | null): ScoreResult {
  const w7 = metrics.windows["7d"];
  const w3 = metrics.windows["3d"];
  const w14 = metrics.windows["14d"];
  const components: ScoreComponents = { cpaVsPool: null, cpaVsTarget: null, ctrVsPool: null, cvrVsPool: null, trend: null };
  if (!hasDelivery(w7)) return { score: null, components };
  // Unrolled (no per-entity closures or key iteration: this runs 100k times per cycle).
  const cpaVsPool = costGoodness(w7.spendMinor, w7.installs, pool.cpaMinor);
  const cpaVsTarget = costGoodness(w7.spendMinor, w7.installs, targetCpaMinor);
  const ctrVsPool = rateGoodness(w7.clicks, w7.impressions, pool.ctr);
  const cvrVsPool = rateGoodness(w7.installs, w7.clicks, pool.cvr);
  const trend = costGoodness(w3.spendMinor, w3.installs, w14.cpaMinor);
  let weighted = 0;
  let weights = 0;
  if (cpaVsPool != null) {
    const sub = subscore(cpaVsPool);
    components.cpaVsPool = round3(sub);
    weighted += W_CPA_POOL * sub;
    weights += W_CPA_POOL;
  }
  if (cpaVsTarget != null) {
    const sub = subscore(cpaVsTarget);
    components.cpaVsTarget = round3(sub);
    weighted += W_CPA_TARGET * sub;
    weights += W_CPA_TARGET;
  }
  if (ctrVsPool != null) {
    const sub = subscore(ctrVsPool);
    components.ctrVsPool = round3(sub);
    weighted += W_CTR * sub;
    weights += W_CTR;
  }
  if (cvrVsPool != null) {
    const sub = subscore(cvrVsPool);
    components.cvrVsPool = round3(sub);
    weighted += W_CVR * sub;
    weights += W_CVR;
  }
  if (trend != null) {
    const sub = subscore(trend);
    components.trend = round3(sub);
    weighted += W_TREND * sub;
    weights += W_TREND;
  }
  if (weights === 0) return { score: null, components };
  return { score: Math.round((100 * weighted) / weights), components };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
