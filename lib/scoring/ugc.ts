import { clamp, median, midRankPercentiles, roundScore } from "./math";
import { ORGANIC_SCORING_VERSION, type ScoringVersion } from "./version";

export const UGC_FORMULA = {
  minViews: 50,
  minPoolSize: 3,
  weights: { quality: 0.45, reach: 0.25, outperformance: 0.3 },
  baseMultiplier: 8.5,
  freshnessMax: 1.5,
  freshnessWindowDays: 90,
  /** log2(views / creator median) is mapped from [−range, +range] onto [0, 1]. */
  outperformanceLog2Range: 2,
} as const;

export interface UgcPost {
  id: string;
  creatorId: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  ageDays: number;
  safetyFailed: boolean;
  /** The creator's median views when known from outside the pool; else the median of their posts given. */
  creatorMedianViews?: number;
}

export type UgcScoreDetail =
  | {
      kind: "ugc";
      weightedEngagementRate: number;
      quality: number;
      reach: number;
      outperformance: number;
      freshness: number;
    }
  | { kind: "safety_failed" }
  | { kind: "unscored"; reason: "UNDER_MIN_VIEWS" | "POOL_TOO_SMALL" }
  | { kind: "under_min_views_zero" };

export interface UgcScore {
  id: string;
  score: number | null;
  detail: UgcScoreDetail;
}

export function weightedEngagementRate(post: Pick<UgcPost, "views" | "likes" | "comments" | "shares" | "saves">): number {
  if (post.views <= 0) return 0;
  return (post.likes + 3 * post.comments + 5 * post.shares + 6 * post.saves) / post.views;
}

/** +1.5 when new, decaying linearly to 0 at 90 days. */
export function freshnessBonus(ageDays: number): number {
  const f = UGC_FORMULA;
  return f.freshnessMax * clamp(0, 1, 1 - Math.max(0, ageDays) / f.freshnessWindowDays);
}

/** clamp(0, 1, (log2(views / creatorMedian) + 2) / 4); a median below 1 view is treated as 1. */
export function outperformanceComponent(views: number, creatorMedianViews: number): number {
  const range = UGC_FORMULA.outperformanceLog2Range;
  const ratio = Math.max(views, 1) / Math.max(creatorMedianViews, 1);
  return clamp(0, 1, (Math.log2(ratio) + range) / (2 * range));
}

/** score = clamp(0, 10, 8.5 × (0.45·quality + 0.25·reach + 0.30·outperformance) + freshness). */
export function combineUgcScore(parts: { quality: number; reach: number; outperformance: number; freshness: number }): number {
  const w = UGC_FORMULA.weights;
  const weighted = w.quality * parts.quality + w.reach * parts.reach + w.outperformance * parts.outperformance;
  return roundScore(clamp(0, 10, UGC_FORMULA.baseMultiplier * weighted + parts.freshness));
}

function assertFiniteMetrics(post: UgcPost): void {
  const values = [post.views, post.likes, post.comments, post.shares, post.saves, post.ageDays];
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new RangeError(`UGC post ${post.id}: metrics and age must be finite and non-negative`);
  }
}

/**
 * Scores one project's UGC pool (percentiles are relative to that pool, so pass the whole pool).
 * - safetyFailed → 0, always (cannot be overridden).
 * - Scoreable = ≥ 50 views and not safety-failed. Under 50 views → null (v1: 0).
 * - Fewer than 3 scoreable posts → every scoreable post is null (POOL_TOO_SMALL).
 * Output keeps input order.
 */
export function scoreUgcPool(posts: readonly UgcPost[], version: ScoringVersion = ORGANIC_SCORING_VERSION): UgcScore[] {
  posts.forEach(assertFiniteMetrics);
  const f = UGC_FORMULA;
  const viewsByCreator = new Map<string, number[]>();
  for (const post of posts) {
    const list = viewsByCreator.get(post.creatorId) ?? [];
    list.push(post.views);
    viewsByCreator.set(post.creatorId, list);
  }
  const scoreable = posts.filter((p) => !p.safetyFailed && p.views >= f.minViews);
  const poolTooSmall = scoreable.length < f.minPoolSize;
  const quality = midRankPercentiles(scoreable.map(weightedEngagementRate));
  const reach = midRankPercentiles(scoreable.map((p) => p.views));
  const index = new Map(scoreable.map((p, i) => [p, i]));

  return posts.map((post): UgcScore => {
    if (post.safetyFailed) return { id: post.id, score: 0, detail: { kind: "safety_failed" } };
    if (post.views < f.minViews) {
      return version === 1
        ? { id: post.id, score: 0, detail: { kind: "under_min_views_zero" } }
        : { id: post.id, score: null, detail: { kind: "unscored", reason: "UNDER_MIN_VIEWS" } };
    }
    if (poolTooSmall) return { id: post.id, score: null, detail: { kind: "unscored", reason: "POOL_TOO_SMALL" } };
    const i = index.get(post) as number;
    const creatorMedian = post.creatorMedianViews ?? median(viewsByCreator.get(post.creatorId) ?? []) ?? post.views;
    const parts = {
      quality: quality[i],
      reach: reach[i],
      outperformance: outperformanceComponent(post.views, creatorMedian),
      freshness: freshnessBonus(post.ageDays),
    };
    return {
      id: post.id,
      score: combineUgcScore(parts),
      detail: { kind: "ugc", weightedEngagementRate: weightedEngagementRate(post), ...parts },
    };
  });
}
