import { describe, expect, it } from "vitest";
import { computePools, costGoodness, rateGoodness, SCORE_WEIGHTS, SCORING_VERSION, scoreEntity, subscore } from "./score";
import { NOW, entity, series } from "./test-support";
import type { PoolStats } from "./types";
import { buildDateIndex, computeWindows } from "./windows";

const index = buildDateIndex(NOW);
const pool = (over: Partial<PoolStats> = {}): PoolStats => ({
  entities: 3,
  spendMinor: 21_000,
  impressions: 21_000,
  clicks: 420,
  installs: 21,
  cpaMinor: 1_000,
  ctr: 0.02,
  cvr: 0.05,
  ...over,
});

describe("performance score perf-v1", () => {
  it("is versioned", () => {
    expect(SCORING_VERSION).toBe("perf-v1");
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it("s(g) = clamp(0.6 + 0.4·log2 g): 0.6 at the benchmark, 1 at 2x better, 0.2 at 2x worse", () => {
    expect(subscore(1)).toBeCloseTo(0.6);
    expect(subscore(2)).toBeCloseTo(1);
    expect(subscore(4)).toBe(1);
    expect(subscore(0.5)).toBeCloseTo(0.2);
    expect(subscore(0.1)).toBe(0);
    expect(subscore(0)).toBe(0);
    expect(subscore(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("an entity exactly at the pool average scores 60 (HEALTHY)", () => {
    const m = computeWindows(series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: 1 }), index);
    expect(scoreEntity(m, pool(), null).score).toBe(60);
    expect(scoreEntity(m, pool(), 1_000).score).toBe(60);
  });

  it("combines CPA vs pool, CPA vs target, CTR vs pool, CVR vs pool and trend with the documented weights", () => {
    // CPA $5 (2x better than pool and target), CTR 4% (2x), CVR 5% (1x), flat trend.
    const m = computeWindows(series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 }), index);
    const r = scoreEntity(m, pool(), 1_000);
    expect(r.components).toEqual({ cpaVsPool: 1, cpaVsTarget: 1, ctrVsPool: 1, cvrVsPool: 0.6, trend: 0.6 });
    expect(r.score).toBe(Math.round(100 * (0.3 + 0.25 + 0.15 + 0.15 * 0.6 + 0.15 * 0.6)));
  });

  it("drops the target component when no target CPA is set (weights renormalised)", () => {
    const m = computeWindows(series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 }), index);
    const r = scoreEntity(m, pool(), null);
    expect(r.components.cpaVsTarget).toBeNull();
    expect(r.score).toBe(Math.round((100 * (0.3 + 0.15 + 0.09 + 0.09)) / 0.75));
  });

  it("is null when there is no data to score", () => {
    expect(scoreEntity(computeWindows([], index), pool(), 1_000).score).toBeNull();
    const noBenchmark = pool({ cpaMinor: null, ctr: null, cvr: null });
    expect(scoreEntity(computeWindows(series(7, { spendMinor: 100, impressions: 100 }), index), noBenchmark, null).score).toBeNull();
  });

  it("a zero-install CPA is bounded by the spend and never better than the benchmark", () => {
    expect(costGoodness(100, 0, 1_000)).toBe(1);
    expect(costGoodness(5_000, 0, 1_000)).toBeCloseTo(0.2);
    expect(costGoodness(0, 0, 1_000)).toBeNull();
    expect(rateGoodness(0, 1_000, 0.02)).toBeCloseTo(0.05);
    expect(rateGoodness(0, 10, 0.02)).toBe(1);
  });

  it("trend rewards a 3d CPA better than the 14d CPA and punishes a worse one", () => {
    const improving = computeWindows(series(14, (o) => ({ spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: o < 3 ? 2 : 1 })), index);
    const degrading = computeWindows(series(14, (o) => ({ spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: o < 3 ? 0 : 1 })), index);
    expect(scoreEntity(improving, pool(), null).components.trend!).toBeGreaterThan(0.6);
    expect(scoreEntity(degrading, pool(), null).components.trend!).toBeLessThan(0.6);
  });
});

describe("computePools", () => {
  it("pool = the layer's ACTIVE entities of the same level, 7d totals; pool CPA = Σspend / Σinstalls", () => {
    const entities = [
      entity({ id: "a", metrics: series(7, { spendMinor: 1_000, impressions: 1_000, clicks: 10, installs: 1 }) }),
      entity({ id: "b", metrics: series(7, { spendMinor: 3_000, impressions: 1_000, clicks: 30, installs: 1 }) }),
      entity({ id: "paused", status: "paused", metrics: series(7, { spendMinor: 99_000, impressions: 1, clicks: 1, installs: 0 }) }),
      entity({ id: "s", level: "adset", metrics: series(7, { spendMinor: 500, impressions: 100, clicks: 1, installs: 1 }) }),
      entity({ id: "old", metrics: [{ date: "2026-04-01", spendMinor: 50_000, impressions: 1, clicks: 1, installs: 0 }] }),
    ];
    const pools = computePools(entities, entities.map((e) => computeWindows(e.metrics, index)));
    expect(pools.ad).toMatchObject({ entities: 3, spendMinor: 28_000, installs: 14, cpaMinor: 2_000, ctr: 280 / 14_000, cvr: 14 / 280 });
    expect(pools.adset.cpaMinor).toBe(500);
    expect(pools.keyword).toMatchObject({ entities: 0, cpaMinor: null, ctr: null, cvr: null });
  });
});
