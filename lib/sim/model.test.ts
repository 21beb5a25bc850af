import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateAdsetDay, type SimChild } from "./model";

const child = (id: string, over: Partial<SimChild> = {}): SimChild => ({ id, quality: 0.6, burner: false, ageDays: 20, active: true, cumulativeImpressions: 0, bidMinor: null, ...over });
const adset = { id: "s1", active: true, dailyBudgetMinor: 10_000, audienceSize: 500_000 };

describe("simulated market", () => {
  it("is deterministic for the same seed and date", () => {
    const a = simulateAdsetDay({ seed: "x", platform: "meta", date: "2026-11-02", adset, children: [child("a"), child("b")] });
    const b = simulateAdsetDay({ seed: "x", platform: "meta", date: "2026-11-02", adset, children: [child("b"), child("a")].reverse() });
    expect(a).toEqual(b);
  });
  it("spends nothing for a paused ad or a paused ad set", () => {
    expect(simulateAdsetDay({ seed: "x", platform: "meta", date: "2026-11-02", adset, children: [child("a", { active: false })] })).toEqual([]);
    expect(simulateAdsetDay({ seed: "x", platform: "meta", date: "2026-11-02", adset: { ...adset, active: false }, children: [child("a")] })).toEqual([]);
  });
  it("keeps daily spend near the budget", () => {
    fc.assert(fc.property(fc.integer({ min: 1_000, max: 200_000 }), fc.integer({ min: 1, max: 12 }), fc.string(), (budget, n, seed) => {
      const rows = simulateAdsetDay({ seed, platform: "tiktok", date: "2026-11-04", adset: { ...adset, dailyBudgetMinor: budget }, children: Array.from({ length: n }, (_, i) => child(`c${i}`)) });
      const spend = rows.reduce((s, r) => s + r.spendMinor, 0);
      expect(spend).toBeLessThanOrEqual(budget * 1.25 * 1.6);
    }));
  });
  it("gives burners spend without installs and fatigues ads as frequency climbs", () => {
    const burner = simulateAdsetDay({ seed: "x", platform: "meta", date: "2026-11-02", adset, children: [child("b", { burner: true })] })[0]!;
    expect(burner.spendMinor).toBeGreaterThan(0);
    expect(burner.installs).toBe(0);
    const fresh = simulateAdsetDay({ seed: "y", platform: "meta", date: "2026-11-02", adset, children: [child("a")] })[0]!;
    const tired = simulateAdsetDay({ seed: "y", platform: "meta", date: "2026-11-02", adset, children: [child("a", { cumulativeImpressions: 3_000_000 })] })[0]!;
    expect(tired.frequency!).toBeGreaterThan(fresh.frequency!);
    expect(tired.clicks / tired.impressions).toBeLessThan(fresh.clicks / fresh.impressions);
  });
});
