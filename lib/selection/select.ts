import { evaluateEligibility } from "./eligibility";
import {
  DEFAULT_SELECTION_CONFIG,
  PLATFORM_AD_LIMITS,
  POOLS,
  type EligibilityResult,
  type Platform,
  type Pool,
  type SelectionConfig,
  type SelectionCreative,
  type SelectionInput,
  type SelectionResult,
  type SkipReason,
} from "./types";

/*
 * Selection rules (per adset, all pure and deterministic):
 * 1. Rank: rankScore = organicScoreWeight × organicScore. Higher first; a null score (only possible
 *    for an 'include' override) ranks after every scored creative; ties by pool order
 *    (generated, ugc, manual), then id ascending (code-unit order, not locale).
 *    The weight is uniform across pools, so any positive weight keeps the score order; 0 turns
 *    score ranking off (ties everywhere → id order). It exists so other signals can be blended later.
 * 2. Platform hard limit: max(activeAdCount, distinct active creatives) >= PLATFORM_AD_LIMITS[platform]
 *    → skipped "AT_CAPACITY", selected []. This is the only skip reason.
 * 3. Per-pool slots: creatives already active in the adset (and known to `creatives`) fill their
 *    pool's slots whatever their current eligibility (a running creative keeps running); active ids
 *    not in `creatives` have no known pool and only count toward maxCreativesPerAdset.
 *    Each pool contributes its top (slots − filled) eligible creatives that are not already active.
 * 4. Total cap: new picks ≤ min(maxCreativesPerAdset − distinct active creatives,
 *    platform limit − activeAdCount). An adset whose running creatives already reach
 *    maxCreativesPerAdset gets selected [] with skipped null (it is full by our own config, not at
 *    the platform's capacity).
 * 5. Picks from all pools are merged by the rank order of rule 1 and the cap keeps the best prefix,
 *    so `selected` is best first and a tighter cap always yields a prefix of a looser one.
 */

export interface RankedCreative {
  creative: SelectionCreative;
  rankScore: number | null;
}

export interface AdsetPlan {
  id: string;
  platform: Platform;
  skipped: SkipReason | null;
  platformLimit: number;
  /** How many new creatives the caps allow (0 when skipped). */
  remainingCapacity: number;
  filledSlots: Record<Pool, number>;
  openSlots: Record<Pool, number>;
  /** Eligible, not-yet-active creatives of each pool, best first. */
  candidates: Record<Pool, RankedCreative[]>;
  /** Top openSlots candidates of each pool merged best first, before the total cap. */
  picks: RankedCreative[];
  selected: string[];
  activeCreativeIds: ReadonlySet<string>;
}

export interface SelectionPlan {
  config: SelectionConfig;
  eligibility: ReadonlyMap<string, EligibilityResult>;
  creatives: ReadonlyMap<string, SelectionCreative>;
  adsets: AdsetPlan[];
}

const POOL_ORDER: Record<Pool, number> = { generated: 0, ugc: 1, manual: 2 };

export function resolveSelectionConfig(config: Partial<SelectionConfig> = {}): SelectionConfig {
  const resolved: SelectionConfig = { ...DEFAULT_SELECTION_CONFIG };
  for (const key of Object.keys(DEFAULT_SELECTION_CONFIG) as (keyof SelectionConfig)[]) {
    const value = config[key];
    if (value !== undefined) resolved[key] = value;
  }
  for (const key of ["generatedSlots", "ugcSlots", "manualSlots", "maxCreativesPerAdset"] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) {
      throw new RangeError(`${key} must be a non-negative integer`);
    }
  }
  if (!Number.isFinite(resolved.organicScoreWeight) || resolved.organicScoreWeight < 0) {
    throw new RangeError("organicScoreWeight must be a finite number >= 0");
  }
  return resolved;
}

export function slotsForPool(config: SelectionConfig, pool: Pool): number {
  if (pool === "generated") return config.generatedSlots;
  if (pool === "ugc") return config.ugcSlots;
  return config.manualSlots;
}

export function rankScoreOf(creative: SelectionCreative, weight: number): number | null {
  const score = creative.organicScore;
  return score === null || !Number.isFinite(score) ? null : weight * score;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Best first: rankScore desc (null last), then pool order, then id asc. A total order. */
export function compareRanked(a: RankedCreative, b: RankedCreative): number {
  if (a.rankScore !== b.rankScore) {
    if (a.rankScore === null) return 1;
    if (b.rankScore === null) return -1;
    return b.rankScore - a.rankScore;
  }
  const byPool = POOL_ORDER[a.creative.pool] - POOL_ORDER[b.creative.pool];
  return byPool !== 0 ? byPool : compareIds(a.creative.id, b.creative.id);
}

function perPool<T>(make: (pool: Pool) => T): Record<Pool, T> {
  return { generated: make("generated"), ugc: make("ugc"), manual: make("manual") };
}

/** Full per-adset reasoning; `selectCreatives` and `explainNotRunning` are views of it. */
export function planSelection(input: SelectionInput): SelectionPlan {
  const config = resolveSelectionConfig(input.config);
  const creatives = new Map<string, SelectionCreative>();
  for (const creative of input.creatives) {
    if (!creatives.has(creative.id)) creatives.set(creative.id, creative);
  }
  const eligibility = new Map<string, EligibilityResult>();
  const rankedByPool = perPool<RankedCreative[]>(() => []);
  for (const creative of creatives.values()) {
    const result = evaluateEligibility(creative);
    eligibility.set(creative.id, result);
    if (result.eligible) {
      rankedByPool[creative.pool].push({ creative, rankScore: rankScoreOf(creative, config.organicScoreWeight) });
    }
  }
  for (const pool of POOLS) rankedByPool[pool].sort(compareRanked);

  const adsets = input.adsets.map((adset): AdsetPlan => {
    const active = new Set(adset.activeCreativeIds);
    const platformLimit = PLATFORM_AD_LIMITS[adset.platform];
    const adCount = Math.max(adset.activeAdCount, active.size);
    const filledSlots = perPool(() => 0);
    for (const id of active) {
      const known = creatives.get(id);
      if (known) filledSlots[known.pool] += 1;
    }
    const openSlots = perPool((pool) => Math.max(0, slotsForPool(config, pool) - filledSlots[pool]));
    const candidates = perPool((pool) => rankedByPool[pool].filter((r) => !active.has(r.creative.id)));
    const skipped: SkipReason | null = adCount >= platformLimit ? "AT_CAPACITY" : null;
    const remainingCapacity =
      skipped === null ? Math.max(0, Math.min(config.maxCreativesPerAdset - active.size, platformLimit - adCount)) : 0;
    const picks = POOLS.flatMap((pool) => candidates[pool].slice(0, openSlots[pool])).sort(compareRanked);
    const selected = picks.slice(0, remainingCapacity).map((r) => r.creative.id);
    return {
      id: adset.id,
      platform: adset.platform,
      skipped,
      platformLimit,
      remainingCapacity,
      filledSlots,
      openSlots,
      candidates,
      picks,
      selected,
      activeCreativeIds: active,
    };
  });
  return { config, eligibility, creatives, adsets };
}

/**
 * Picks the creatives to launch into each adset. Adsets keep input order; `ineligible` lists every
 * ineligible creative in input order with all its reasons.
 */
export function selectCreatives(input: SelectionInput): SelectionResult {
  const plan = planSelection(input);
  const ineligible: SelectionResult["ineligible"] = [];
  for (const [id, result] of plan.eligibility) {
    if (!result.eligible) ineligible.push({ id, reasons: [...result.reasons] });
  }
  return {
    adsets: plan.adsets.map((a) => ({ id: a.id, selected: [...a.selected], skipped: a.skipped })),
    ineligible,
  };
}
