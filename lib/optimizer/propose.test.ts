import { describe, expect, it } from "vitest";
import { classifyEntity } from "./classify";
import { computeConfidence, hasBidLever, hasBudgetLever, proposeAction } from "./propose";
import { AVERAGE_DAY, NOW, ago, burner, entity, series } from "./test-support";
import type { EntityInput, Mode, Platform, PoolStats } from "./types";
import { buildDateIndex, computeWindows } from "./windows";

const index = buildDateIndex(NOW);
const POOL: PoolStats = { entities: 4, spendMinor: 28_000, impressions: 28_000, clicks: 560, installs: 28, cpaMinor: 1_000, ctr: 0.02, cvr: 0.05 };

function propose(e: EntityInput, opts: { mode?: Mode; platform?: Platform; target?: number | null } = {}) {
  const metrics = computeWindows(e.metrics, index);
  const platform = opts.platform ?? "meta";
  const c = classifyEntity(e, metrics, { now: NOW, platform, pool: POOL, targetCpaMinor: opts.target ?? null });
  return proposeAction(e, metrics, c, { mode: opts.mode ?? "cycle", platform, targetCpaMinor: opts.target ?? null });
}

const strong = series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 });
const weak = series(14, (o) => ({ ...AVERAGE_DAY, installs: o % 2 === 0 ? 1 : 0 }));

describe("computeConfidence", () => {
  it("= mean of min(1, days/3), min(1, impressions/1000), min(1, spend/$20), min(1, max(installs, spend/refCPA)/5)", () => {
    const full = computeWindows(series(7, AVERAGE_DAY), index);
    expect(computeConfidence(full, 1_000)).toBe(1);
    const thin = computeWindows(series(1, { spendMinor: 300, impressions: 200, clicks: 0, installs: 0 }), index);
    expect(computeConfidence(thin, 1_000)).toBe(Math.round(((1 / 3 + 0.2 + 0.15 + 0.3 / 5) / 4) * 100) / 100);
    expect(computeConfidence(thin, null)).toBe(Math.round(((1 / 3 + 0.2 + 0.15) / 4) * 100) / 100);
  });

  it("zero installs with a lot of spend is strong evidence, not none", () => {
    const m = computeWindows(series(7, { spendMinor: 900, impressions: 1_000, clicks: 10, installs: 0 }), index);
    expect(computeConfidence(m, 1_000)).toBe(1);
  });
});

describe("proposeAction (cycle)", () => {
  it("TOP_PERFORMER with CPA under target → budget up between 20% and 100% (the guardrail caps at 50%)", () => {
    const p = propose(entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000, metrics: strong }), { target: 1_000 });
    expect(p).toMatchObject({ kind: "budget", from: 10_000, to: 20_000, reasons: ["SCALE_UP"] });
    const mild = propose(entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000, metrics: strong }), { target: 600 });
    expect(mild).toMatchObject({ kind: "budget", to: 12_000 });
  });

  it("TOP_PERFORMER above target holds", () => {
    expect(propose(entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000, metrics: strong }), { target: 400 }).kind).toBe("hold");
  });

  it("UNDERPERFORMING with a budget → budget down, sized by how far CPA is above the benchmark", () => {
    const p = propose(entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000, metrics: weak }));
    expect(p).toMatchObject({ kind: "budget", reasons: ["SCALE_DOWN"], to: 10_000 - Math.round(10_000 * (1 - 1_000 / 1_750)) });
  });

  it("UNDERPERFORMING without budget or bid → pause; CRITICAL/FATIGUED → pause even with a budget", () => {
    expect(propose(entity({ id: "a", metrics: weak })).kind).toBe("pause");
    expect(propose(burner("s", 6_000, { level: "adset", dailyBudgetMinor: 10_000 })).kind).toBe("pause");
  });

  it("bids: Apple keywords and TikTok adgroups/keywords, not Meta", () => {
    const kw = entity({ id: "k", level: "keyword", bidMinor: 100, metrics: strong });
    expect(hasBidLever(kw, "apple_search_ads")).toBe(true);
    expect(hasBidLever(kw, "tiktok")).toBe(true);
    expect(hasBidLever(kw, "meta")).toBe(false);
    expect(hasBidLever({ ...kw, level: "adset" }, "tiktok")).toBe(true);
    expect(hasBidLever({ ...kw, level: "adset" }, "apple_search_ads")).toBe(false);
    const up = propose(kw, { platform: "apple_search_ads" });
    expect(up).toMatchObject({ kind: "bid", from: 100, to: 125, reasons: ["BID_UP"] });
    const down = propose({ ...kw, metrics: weak }, { platform: "apple_search_ads" });
    expect(down).toMatchObject({ kind: "bid", from: 100, to: 75, reasons: ["BID_DOWN"] });
  });

  it("budgets live on campaigns and adsets only", () => {
    expect(hasBudgetLever(entity({ id: "c", level: "campaign", dailyBudgetMinor: 1 }))).toBe(true);
    expect(hasBudgetLever(entity({ id: "a", level: "ad", dailyBudgetMinor: 1_000 }))).toBe(false);
    expect(hasBudgetLever(entity({ id: "s", level: "adset", dailyBudgetMinor: 0 }))).toBe(false);
  });

  it("paused entities are never proposed for anything", () => {
    expect(propose(burner("b", 9_000, { status: "paused" }))).toMatchObject({ kind: "hold", reasons: ["ENTITY_PAUSED"] });
  });

  it("learning entities: no budget/bid edits, but a pause is still proposed (and rejected by the guardrail)", () => {
    expect(propose(entity({ id: "s", level: "adset", learning: true, dailyBudgetMinor: 10_000, metrics: strong }), { target: 1_000 })).toMatchObject({
      kind: "hold",
      reasons: ["LEARNING_NO_EDITS"],
    });
    expect(propose(burner("b", 9_000, { learning: true })).kind).toBe("pause");
  });

  it("young entities are proposed for (so MIN_AGE can visibly reject)", () => {
    expect(propose(burner("b", 9_000, { createdAt: ago(1) })).kind).toBe("pause");
  });

  it("entities with nothing to score hold", () => {
    expect(propose(entity({ id: "x", metrics: [] })).kind).toBe("hold");
  });
});

describe("proposeAction (watchdog / refresh)", () => {
  it("watchdog: only $50+ with 0 installs in 7d, at any level", () => {
    expect(propose(burner("b", 5_000, { level: "campaign" }), { mode: "watchdog" })).toMatchObject({ kind: "pause", reasons: ["WATCHDOG_CATASTROPHIC"] });
    expect(propose(entity({ id: "a", metrics: weak }), { mode: "watchdog" }).kind).toBe("hold");
  });

  it("refresh: ads only, no budget or bid moves, 30-day idle fallback", () => {
    expect(propose(entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000, metrics: weak }), { mode: "refresh" })).toMatchObject({
      kind: "hold",
      reasons: ["REFRESH_ADS_ONLY"],
    });
    expect(propose(entity({ id: "a", metrics: weak }), { mode: "refresh" }).kind).toBe("pause");
    expect(propose(entity({ id: "idle", createdAt: ago(31), metrics: [] }), { mode: "refresh" })).toMatchObject({ kind: "pause", fallback: true });
    expect(propose(entity({ id: "k", level: "keyword", bidMinor: 100, metrics: weak }), { mode: "refresh", platform: "apple_search_ads" }).kind).toBe("pause");
  });
});
