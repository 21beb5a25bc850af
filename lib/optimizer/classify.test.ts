import { describe, expect, it } from "vitest";
import { classifyEntity } from "./classify";
import { AVERAGE_DAY, NOW, ago, entity, series } from "./test-support";
import type { EntityInput, Platform, PoolStats } from "./types";
import { buildDateIndex, computeWindows } from "./windows";

const index = buildDateIndex(NOW);
const POOL: PoolStats = { entities: 4, spendMinor: 28_000, impressions: 28_000, clicks: 560, installs: 28, cpaMinor: 1_000, ctr: 0.02, cvr: 0.05 };

function classify(e: EntityInput, opts: { platform?: Platform; target?: number | null; pool?: PoolStats } = {}) {
  return classifyEntity(e, computeWindows(e.metrics, index), {
    now: NOW,
    platform: opts.platform ?? "meta",
    pool: opts.pool ?? POOL,
    targetCpaMinor: opts.target ?? null,
  });
}

const burning = series(7, { spendMinor: 1_000, impressions: 1_000, clicks: 30, installs: 0 });

describe("classifyEntity — precedence TOO_YOUNG > LEARNING_PHASE > CRITICAL > FATIGUED > UNDERPERFORMING(CPA) > TOP > HEALTHY > UNDERPERFORMING(score)", () => {
  it("TOO_YOUNG wins over everything, but the metrics verdict is kept", () => {
    const c = classify(entity({ id: "x", createdAt: ago(2, 23), learning: true, metrics: burning }));
    expect(c.classification).toBe("TOO_YOUNG");
    expect(c.performanceClass).toBe("CRITICAL");
    expect(c.reasons).toEqual(["YOUNG_ENTITY", "SPEND_NO_INSTALLS"]);
  });

  it("exactly 3 days old is no longer TOO_YOUNG", () => {
    expect(classify(entity({ id: "x", createdAt: ago(3) })).classification).not.toBe("TOO_YOUNG");
  });

  it("LEARNING_PHASE wins over CRITICAL", () => {
    expect(classify(entity({ id: "x", learning: true, metrics: burning })).classification).toBe("LEARNING_PHASE");
  });

  it("CRITICAL wins over FATIGUED", () => {
    const e = entity({ id: "x", metrics: series(14, (o) => (o < 7 ? { spendMinor: 1_000, impressions: 1_000, clicks: 10, installs: 0, frequency: 5 } : AVERAGE_DAY)) });
    const c = classify(e);
    expect(c.classification).toBe("CRITICAL");
  });

  it("FATIGUED wins over a high score", () => {
    // Excellent CTR and CVR, but the 3d CPA is 1.5x the 14d CPA.
    const e = entity({ id: "x", metrics: series(14, (o) => ({ spendMinor: 1_000, impressions: 1_000, clicks: 60, installs: o < 3 ? 2 : 3 })) });
    const c = classify(e, { platform: "tiktok" });
    expect(c.classification).toBe("FATIGUED");
    expect(c.score!).toBeGreaterThanOrEqual(50);
  });

  it("CPA materially above pool (>= 1.5x) is UNDERPERFORMING even when CTR lifts the score", () => {
    const e = entity({ id: "x", metrics: series(14, { spendMinor: 1_600, impressions: 1_000, clicks: 80, installs: 1 }) });
    const c = classify(e);
    expect(c.classification).toBe("UNDERPERFORMING");
    expect(c.reasons).toEqual(["CPA_ABOVE_POOL"]);
  });

  it("TOP_PERFORMER at score >= 80, HEALTHY at >= 50, UNDERPERFORMING below", () => {
    const top = classify(entity({ id: "t", metrics: series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 }) }), { target: 1_000 });
    expect(top.score!).toBeGreaterThanOrEqual(80);
    expect(top.classification).toBe("TOP_PERFORMER");
    const healthy = classify(entity({ id: "h" }));
    expect(healthy).toMatchObject({ classification: "HEALTHY", score: 60 });
    const low = classify(entity({ id: "l", metrics: series(14, { spendMinor: 1_000, impressions: 4_000, clicks: 20, installs: 1 }) }));
    expect(low.score!).toBeLessThan(50);
    expect(low.classification).toBe("UNDERPERFORMING");
    expect(low.reasons).toEqual(["LOW_SCORE"]);
  });

  it("nothing to score is UNDERPERFORMING with NO_DATA (never HEALTHY), flagged unscored", () => {
    const c = classify(entity({ id: "x", metrics: [] }));
    expect(c).toMatchObject({ classification: "UNDERPERFORMING", score: null, unscored: true, reasons: ["NO_DATA"] });
  });

  it("CRITICAL at $50 spent with zero installs in 7d; $49.99 is not", () => {
    const at = (spend: number) => classify(entity({ id: "x", metrics: [{ date: "2026-04-19", spendMinor: spend, impressions: 1_000, clicks: 5, installs: 0 }] }));
    expect(at(5_000).classification).toBe("CRITICAL");
    expect(at(4_999).classification).not.toBe("CRITICAL");
  });

  it("CRITICAL when 7d CPA > 2.5x pool average (strictly)", () => {
    const at = (spend: number) => classify(entity({ id: "x", metrics: series(7, (o) => ({ spendMinor: o === 0 ? spend : 0, impressions: 1_000, clicks: 20, installs: o === 0 ? 1 : 0 })) }));
    expect(at(2_501).reasons).toContain("CPA_OVER_2_5X_POOL");
    expect(at(2_500).classification).not.toBe("CRITICAL");
  });

  it("FATIGUED needs sufficient spend ($20 over 7d)", () => {
    const e = (spend: number) => entity({ id: "x", metrics: series(14, (o) => ({ spendMinor: spend, impressions: 1_000, clicks: 20, installs: o < 3 ? (o === 0 ? 1 : 0) : 2 })) });
    expect(classify(e(300), { platform: "tiktok" }).classification).toBe("FATIGUED");
    expect(classify(e(200), { platform: "tiktok" }).classification).not.toBe("FATIGUED");
  });

  it("one unlucky day of a low-volume ad is not fatigue (3d spend must buy ~3 installs at the 14d CPA)", () => {
    // 14d CPA $6.36; the last 3 days spent $15 with no install: CPA bound $15 >= 1.3x, but only 2.4 expected installs.
    const e = entity({ id: "x", metrics: series(14, (o) => ({ spendMinor: 500, impressions: 500, clicks: 10, installs: o >= 3 ? 1 : 0 })) });
    const c = classify(e, { platform: "tiktok" });
    expect(c.inputs.cpa3dMinor).toBeNull();
    expect(c.classification).not.toBe("FATIGUED");
  });

  it("the Meta frequency rule needs frequency > 3.0, declining performance and the Meta platform", () => {
    const e = (frequency: number, decline: boolean) =>
      entity({ id: "x", metrics: series(14, (o) => ({ ...AVERAGE_DAY, clicks: decline && o < 3 ? 12 : 20, frequency })) });
    expect(classify(e(3.01, true)).reasons).toContain("HIGH_FREQUENCY_DECLINE");
    expect(classify(e(3.0, true)).classification).not.toBe("FATIGUED");
    expect(classify(e(4, false)).classification).not.toBe("FATIGUED");
    expect(classify(e(4, true), { platform: "apple_search_ads" }).classification).not.toBe("FATIGUED");
  });

  it("carries a snapshot of the numbers that drove it", () => {
    const c = classify(entity({ id: "x", createdAt: ago(12, 3), dailyBudgetMinor: 5_000, metrics: series(14, { ...AVERAGE_DAY, frequency: 2 }) }), { target: 1_200 });
    expect(c.inputs).toMatchObject({
      spend7dMinor: 7_000,
      installs7d: 7,
      cpa7dMinor: 1_000,
      cpa3dMinor: 1_000,
      cpa14dMinor: 1_000,
      poolCpa7dMinor: 1_000,
      targetCpaMinor: 1_200,
      frequency7d: 2,
      ageDays: 12,
      dailyBudgetMinor: 5_000,
    });
  });
});
