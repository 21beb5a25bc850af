import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  combineUgcScore,
  freshnessBonus,
  outperformanceComponent,
  scoreUgcPool,
  weightedEngagementRate,
  type UgcPost,
} from "./ugc";

function post(id: string, fields: Partial<UgcPost> = {}): UgcPost {
  return {
    id,
    creatorId: "creator",
    views: 1000,
    likes: 100,
    comments: 0,
    shares: 0,
    saves: 0,
    ageDays: 0,
    safetyFailed: false,
    ...fields,
  };
}

describe("UGC components", () => {
  it("weights engagement as likes + 3·comments + 5·shares + 6·saves over views", () => {
    expect(weightedEngagementRate({ views: 1000, likes: 50, comments: 10, shares: 4, saves: 2 })).toBeCloseTo(0.112, 10);
    expect(weightedEngagementRate({ views: 0, likes: 5, comments: 0, shares: 0, saves: 0 })).toBe(0);
  });

  it("decays the freshness bonus linearly from 1.5 to 0 over 90 days", () => {
    expect(freshnessBonus(0)).toBe(1.5);
    expect(freshnessBonus(30)).toBeCloseTo(1, 10);
    expect(freshnessBonus(45)).toBe(0.75);
    expect(freshnessBonus(90)).toBe(0);
    expect(freshnessBonus(400)).toBe(0);
    expect(freshnessBonus(-5)).toBe(1.5);
  });

  it("maps log2(views / creator median) from [−2, 2] onto [0, 1]", () => {
    expect(outperformanceComponent(500, 500)).toBe(0.5);
    expect(outperformanceComponent(1000, 500)).toBe(0.75);
    expect(outperformanceComponent(2000, 500)).toBe(1);
    expect(outperformanceComponent(8000, 500)).toBe(1);
    expect(outperformanceComponent(125, 500)).toBe(0);
    expect(outperformanceComponent(60, 500)).toBe(0);
    expect(outperformanceComponent(100, 0)).toBe(1); // median below 1 view counts as 1
  });

  it("combines as clamp(0, 10, 8.5 × (0.45q + 0.25r + 0.30o) + freshness)", () => {
    expect(combineUgcScore({ quality: 1, reach: 1, outperformance: 1, freshness: 1.5 })).toBe(10);
    expect(combineUgcScore({ quality: 0, reach: 0, outperformance: 0, freshness: 0 })).toBe(0);
    expect(combineUgcScore({ quality: 0.5, reach: 0.5, outperformance: 0.5, freshness: 0 })).toBe(4.25);
    expect(combineUgcScore({ quality: 1, reach: 0, outperformance: 0, freshness: 0 })).toBe(3.83);
  });
});

describe("scoreUgcPool", () => {
  it("scores a pool with percentiles, creator outperformance and freshness", () => {
    // Creator median views = 500. Engagement: p1 0.1, p2 0.2, p3 0.3.
    const posts = [
      post("p1", { views: 1000, likes: 100, ageDays: 0 }),
      post("p2", { views: 500, likes: 100, ageDays: 45 }),
      post("p3", { views: 100, likes: 30, ageDays: 90 }),
    ];
    const scores = scoreUgcPool(posts);
    // p1: 8.5 × (0.45·0 + 0.25·1 + 0.30·0.75) + 1.5 = 5.5375
    // p2: 8.5 × (0.45·0.5 + 0.25·0.5 + 0.30·0.5) + 0.75 = 5
    // p3: 8.5 × (0.45·1 + 0 + 0.30·0) + 0 = 3.825
    expect(scores.map((s) => s.score)).toEqual([5.54, 5, 3.83]);
    expect(scores[0].detail).toEqual({
      kind: "ugc",
      weightedEngagementRate: 0.1,
      quality: 0,
      reach: 1,
      outperformance: 0.75,
      freshness: 1.5,
    });
  });

  it("leaves posts under 50 views unscored (null); exactly 50 views is scored", () => {
    const posts = [post("a"), post("b"), post("c"), post("low", { views: 49, likes: 0 }), post("edge", { views: 50, likes: 1 })];
    const scores = scoreUgcPool(posts);
    expect(scores[3]).toEqual({ id: "low", score: null, detail: { kind: "unscored", reason: "UNDER_MIN_VIEWS" } });
    expect(scores[4].score).not.toBeNull();
  });

  it("scored under-50-view posts as 0 in v1", () => {
    const scores = scoreUgcPool([post("a"), post("b"), post("c"), post("low", { views: 10 })], 1);
    expect(scores[3]).toEqual({ id: "low", score: 0, detail: { kind: "under_min_views_zero" } });
  });

  it("leaves every post unscored when the pool has fewer than 3 scoreable posts", () => {
    const posts = [post("a"), post("b"), post("tiny", { views: 10 }), post("unsafe", { safetyFailed: true })];
    expect(scoreUgcPool(posts).map((s) => s.score)).toEqual([null, null, null, 0]);
    expect(scoreUgcPool(posts)[0].detail).toEqual({ kind: "unscored", reason: "POOL_TOO_SMALL" });
    expect(scoreUgcPool([...posts, post("c")]).map((s) => s.score === null)).toEqual([false, false, true, false, false]);
  });

  it("forces 0 for safetyFailed posts, whatever their metrics", () => {
    const posts = [post("a"), post("b"), post("c"), post("viral", { views: 10_000_000, likes: 5_000_000, safetyFailed: true })];
    expect(scoreUgcPool(posts)[3]).toEqual({ id: "viral", score: 0, detail: { kind: "safety_failed" } });
  });

  it("computes percentiles within the pool it is given", () => {
    const base = [post("a", { views: 100 }), post("b", { views: 200 }), post("c", { views: 300 })];
    const alone = scoreUgcPool(base).find((s) => s.id === "c")?.score ?? 0;
    const withStar = scoreUgcPool([...base, post("star", { views: 100_000, likes: 100_000 })]).find((s) => s.id === "c")?.score ?? 0;
    expect(withStar).toBeLessThan(alone);
  });

  it("measures outperformance against each creator's own median, or an explicit one", () => {
    const posts = [
      post("a1", { creatorId: "a", views: 1000 }),
      post("a2", { creatorId: "a", views: 1000 }),
      post("b1", { creatorId: "b", views: 1000 }),
      post("b2", { creatorId: "b", views: 250 }),
      post("b3", { creatorId: "b", views: 250 }),
    ];
    const detail = (id: string, list = posts) => {
      const d = scoreUgcPool(list).find((s) => s.id === id)?.detail;
      return d?.kind === "ugc" ? d.outperformance : undefined;
    };
    expect(detail("a1")).toBe(0.5);
    expect(detail("b1")).toBe(1); // 4× creator b's median of 250
    const explicit = posts.map((p) => (p.id === "a1" ? { ...p, creatorMedianViews: 4000 } : p));
    expect(detail("a1", explicit)).toBe(0);
  });

  it("rejects non-finite or negative metrics", () => {
    expect(() => scoreUgcPool([post("a", { views: Number.NaN })])).toThrow(RangeError);
    expect(() => scoreUgcPool([post("a", { likes: -1 })])).toThrow(RangeError);
  });

  it("keeps every score in [0, 10] or null, following the 50-view, 3-post and safety rules (property)", () => {
    const postArb = fc.record({
      creatorId: fc.constantFrom("c1", "c2", "c3"),
      views: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2_000_000 })),
      likes: fc.integer({ min: 0, max: 100_000 }),
      comments: fc.integer({ min: 0, max: 10_000 }),
      shares: fc.integer({ min: 0, max: 10_000 }),
      saves: fc.integer({ min: 0, max: 10_000 }),
      ageDays: fc.double({ min: 0, max: 200, noNaN: true }),
      safetyFailed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(postArb, { maxLength: 12 }), fc.constantFrom(1 as const, 2 as const), (fields, version) => {
        const posts = fields.map((f, i) => ({ id: `p${i}`, ...f }));
        const scoreable = posts.filter((p) => !p.safetyFailed && p.views >= 50).length;
        scoreUgcPool(posts, version).forEach((s, i) => {
          const p = posts[i];
          if (p.safetyFailed) expect(s.score).toBe(0);
          else if (p.views < 50) expect(s.score).toBe(version === 1 ? 0 : null);
          else if (scoreable < 3) expect(s.score).toBeNull();
          else {
            expect(s.score).not.toBeNull();
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(10);
          }
        });
      }),
    );
  });

  it("never scores an older post higher than the same post when fresher (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (x, y) => {
        const [young, old] = x <= y ? [x, y] : [y, x];
        const pool = (age: number) => [post("a", { views: 300 }), post("b", { views: 700 }), post("t", { ageDays: age })];
        const at = (age: number) => scoreUgcPool(pool(age))[2].score ?? 0;
        expect(at(young)).toBeGreaterThanOrEqual(at(old));
      }),
    );
  });
});
