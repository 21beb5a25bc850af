// Examples for ad-eligibility.md (content-refresh disable step, budget guardrails) and the
// extended notes §1, §2.1, §2.2, §2.5, named after the sentences they check.
import { describe, expect, it } from "vitest";
import { OPTIMIZER_CRONS, OPTIMIZER_INTERVAL_MINUTES } from "./cadence";
import { AVERAGE_DAY, ago, averageAd, burner, decide, decisionOf, entity, run, series, siblings } from "./test-support";
import type { EntityInput } from "./types";

const weakDay = (o: number) => ({ spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: o % 2 === 0 ? 1 : 0 });
const strongDay = { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 };

function budgetAccount(extra: EntityInput[]): EntityInput[] {
  const entities: EntityInput[] = [entity({ id: "camp", level: "campaign", parentId: null })];
  for (const s of ["a", "b", "c", "d"]) entities.push(entity({ id: `adset-${s}`, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000 }));
  return [...entities, ...extra];
}

describe("ad-eligibility.md — Refresh cadence: Disable underperformers", () => {
  it("The content-refresh workflow runs every 15 minutes per ad layer", () => {
    expect(OPTIMIZER_INTERVAL_MINUTES.refresh).toBe(15);
    for (const platform of ["meta", "tiktok", "apple_search_ads"] as const) expect(OPTIMIZER_CRONS[platform].refresh).toBe("*/15 * * * *");
  });

  it("applies optimizer-style scoring: an UNDERPERFORMING ad is disabled", () => {
    const d = decide(entity({ id: "u", metrics: series(14, weakDay) }), siblings(), { mode: "refresh" });
    expect(d.classification).toBe("UNDERPERFORMING");
    expect(d).toMatchObject({ action: "pause", status: "approved" });
  });

  it("with guardrails: min 3 days age", () => {
    const d = decide(entity({ id: "u", createdAt: ago(2), metrics: series(2, weakDay) }), siblings(), { mode: "refresh" });
    expect(d.status).toBe("rejected");
    expect(d.reasons).toContain("MIN_AGE");
  });

  it("with guardrails: min $5 spent (ads under $5 are not disabled)", () => {
    const cheap = entity({ id: "c", metrics: series(8, { spendMinor: 60, impressions: 500, clicks: 0, installs: 0 }) });
    const d = decide(cheap, siblings(), { mode: "refresh" });
    expect(d.inputs.lifetimeSpendMinor).toBe(480);
    expect(d.reasons).toContain("MIN_SPEND");
    expect(d.sentence).toBe("Spent $4.80 in total (< $5.00 minimum before a refresh pause).");
  });

  it("the $5 minimum counts total spend, not only the last 7 days", () => {
    // $0.60/day for 7 days plus $3 forty days ago: $7.20 in total.
    const older = { date: new Date(Date.parse("2026-03-10")).toISOString().slice(0, 10), spendMinor: 300, impressions: 10, clicks: 0, installs: 0 };
    const cheap = entity({ id: "c", metrics: [...series(7, { spendMinor: 60, impressions: 500, clicks: 0, installs: 0 }), older] });
    const d = decide(cheap, siblings(), { mode: "refresh" });
    expect(d.inputs.lifetimeSpendMinor).toBe(720);
    expect(d.status).toBe("approved");
  });

  it("with guardrails: never TOP_PERFORMER/HEALTHY", () => {
    const result = run([...siblings(), averageAd("h")], { mode: "refresh" });
    for (const d of result.decisions) expect(d.action).toBe("hold");
  });

  it("with guardrails: never empty an adset/adgroup", () => {
    const u1 = entity({ id: "u1", parentId: "s", metrics: series(14, (o) => ({ ...AVERAGE_DAY, installs: o % 3 === 0 ? 1 : 0 })) });
    const result = run([u1, burner("u2", 6_000, { parentId: "s" }), ...siblings("other")], {
      mode: "refresh",
    });
    expect(result.summary.pauses).toBe(1);
    // Keep the best one: u1 (higher score) stays active.
    expect(decisionOf(result, "u1").classification).toBe("UNDERPERFORMING");
    expect(decisionOf(result, "u1").reasons).toContain("LAST_ACTIVE_CHILD");
    expect(decisionOf(result, "u2").status).toBe("approved");
  });

  it("never empties an Apple adgroup of its keywords either", () => {
    const kws = [
      burner("k1", 6_000, { level: "keyword", parentId: "ag", bidMinor: 100 }),
      burner("k2", 7_000, { level: "keyword", parentId: "ag", bidMinor: 100 }),
    ];
    const result = run(kws, { platform: "apple_search_ads", mode: "refresh" });
    expect(result.summary.pauses).toBe(1);
  });

  it("the keeper is the best sibling: highest score, then lowest CPA, then id", () => {
    // Identical burners: equal score and CPA, so the smallest id is kept.
    const result = run([burner("b-2", 6_000, { parentId: "s" }), burner("b-1", 6_000, { parentId: "s" }), burner("b-3", 6_000, { parentId: "s" })]);
    expect(decisionOf(result, "b-1").reasons).toContain("LAST_ACTIVE_CHILD");
    expect(decisionOf(result, "b-2").status).toBe("approved");
    expect(decisionOf(result, "b-3").status).toBe("approved");
  });

  it("a paused sibling does not count as an active ad", () => {
    const result = run([burner("b1", 6_000, { parentId: "s" }), averageAd("p", "s")].map((e) => (e.id === "p" ? { ...e, status: "paused" as const } : e)));
    expect(decisionOf(result, "b1").reasons).toContain("LAST_ACTIVE_CHILD");
  });
});

describe("ad-eligibility.md — Budget change guardrails", () => {
  const strong = (overrides: Partial<EntityInput>) =>
    entity({ id: "s", level: "adset", parentId: "camp", metrics: series(14, strongDay), ...overrides });
  const weak = entity({ id: "w", level: "adset", parentId: "camp", dailyBudgetMinor: 10_000, metrics: series(14, weakDay) });

  it("No single change exceeds 50% of current budget", () => {
    const d = decisionOf(run(budgetAccount([strong({ dailyBudgetMinor: 6_000 }), weak]), { targetCpaMinor: 1_000 }), "s");
    expect(d.status).toBe("approved");
    expect(d.to! - d.from!).toBe(3_000);
    expect(d.reasons).toContain("BUDGET_CLAMPED");
  });

  it("No single change exceeds $100 absolute", () => {
    const d = decisionOf(run(budgetAccount([strong({ dailyBudgetMinor: 100_000 }), weak]), { targetCpaMinor: 1_000 }), "s");
    expect([d.status, d.from, d.to]).toEqual(["approved", 100_000, 110_000]);
    expect(d.sentence).toContain("clamped");
  });

  it("budget decreases are bounded the same way", () => {
    const severe = entity({
      id: "w",
      level: "adset",
      parentId: "camp",
      dailyBudgetMinor: 100_000,
      metrics: series(14, weakDay),
    });
    const d = decisionOf(run(budgetAccount([severe]), { targetCpaMinor: 500 }), "w");
    expect(d.action).toBe("budget");
    expect(d.from! - d.to!).toBeLessThanOrEqual(10_000);
  });

  it("Each entity is on a 48h cooldown between budget changes", () => {
    const recent = decisionOf(run(budgetAccount([strong({ dailyBudgetMinor: 10_000, actions: [{ type: "budget", at: ago(1) }] }), weak]), { targetCpaMinor: 1_000 }), "s");
    expect(recent.status).toBe("rejected");
    expect(recent.sentence).toBe("Cooldown: last budget change was 24h ago (< 48h).");
  });
});

describe("extended notes §1 — Safety & Guardrails (full list)", () => {
  it("Min confidence 0.5", () => {
    // One day, $3, 200 impressions, no clicks: low score, but almost no evidence.
    const thin = entity({ id: "t", metrics: series(1, { spendMinor: 300, impressions: 200, clicks: 0, installs: 0 }) });
    const d = decide(thin, siblings());
    expect(d.action).toBe("pause");
    expect(d.confidence).toBeLessThan(0.5);
    expect(d.status).toBe("rejected");
    expect(d.reasons).toContain("LOW_CONFIDENCE");
    expect(d.sentence).toMatch(/insufficient data/);
  });

  it("Cooldowns: 48h structural, 48h budget, 24h bid", () => {
    const afterPause = decide(burner("b", 6_000, { actions: [{ type: "pause", at: ago(1, 23) }] }), siblings());
    expect(afterPause.reasons).toContain("COOLDOWN");
  });

  it("Never empty an adset/adgroup. If a pause would leave zero active ads, the optimizer holds", () => {
    const d = decide(burner("only", 6_000, { parentId: "lonely" }), siblings());
    expect(d).toMatchObject({ action: "pause", status: "rejected" });
    expect(d.reasons).toContain("LAST_ACTIVE_CHILD");
  });

  it("Meta fatigue rule: Frequency > 3.0 over 7d with declining performance → FATIGUED", () => {
    const tired = (frequency: number) =>
      entity({
        id: "f",
        metrics: series(14, (o) => ({ ...AVERAGE_DAY, clicks: o < 3 ? 12 : 20, frequency })),
      });
    expect(decide(tired(3.5), siblings()).classification).toBe("FATIGUED");
    expect(decide(tired(3.5), siblings()).reasons).toContain("HIGH_FREQUENCY_DECLINE");
    expect(decide(tired(2.5), siblings()).classification).not.toBe("FATIGUED");
    // Frequency is a Meta signal: the same numbers on TikTok are not fatigue.
    expect(decide(tired(3.5), siblings(), { platform: "tiktok" }).classification).not.toBe("FATIGUED");
  });
});

describe("extended notes §2.1 — Reading Optimizer Decisions", () => {
  // The doc's example: 7d spend $32.00, 1 conversion, CPA $32.00 (target $12.00), frequency 4.2, age 12 days.
  const hook3 = entity({
    id: "hook-variant-3",
    createdAt: ago(12),
    metrics: series(12, (o) =>
      o < 4
        ? { spendMinor: 800, impressions: 900, clicks: 6, installs: o === 3 ? 1 : 0, frequency: 4.2 }
        : o < 7
          ? { spendMinor: 0, impressions: 0, clicks: 0, installs: 0, frequency: 4.2 }
          : { spendMinor: 300, impressions: 500, clicks: 8, installs: 1, frequency: 4.2 },
    ),
  });
  // Peers at $14 CPA, so $32 is a fatigue case rather than a 2.5x-the-pool CRITICAL one.
  const others = ["p1", "p2", "p3", "p4", "p5"].map((id) => entity({ id, metrics: series(14, { ...AVERAGE_DAY, spendMinor: 1_400 }) }));

  it("Anatomy of a decision: Action PAUSE, State FATIGUED, Reason “CPA exceeds target by 167% over a 7d window with high frequency.”", () => {
    const d = decide(hook3, others, { targetCpaMinor: 1_200 });
    expect(d.inputs).toMatchObject({ spend7dMinor: 3_200, installs7d: 1, cpa7dMinor: 3_200, targetCpaMinor: 1_200, ageDays: 12 });
    expect(d.inputs.frequency7d).toBeCloseTo(4.2);
    expect(d.classification).toBe("FATIGUED");
    expect([d.action, d.status]).toEqual(["pause", "approved"]);
    expect(d.sentence).toBe("CPA exceeds target by 167% over a 7d window with high frequency.");
  });

  it("Guardrails passed: age >= 3d, spend >= $5, not TOP_PERFORMER, not last in adset", () => {
    const d = decide(hook3, others, { targetCpaMinor: 1_200, mode: "refresh" });
    expect(d.status).toBe("approved");
    expect(d.guardrailsPassed).toEqual(
      expect.arrayContaining(["age >= 3d", "spend >= $5.00", "not TOP_PERFORMER/HEALTHY/TOO_YOUNG/LEARNING_PHASE", "not last in adset"]),
    );
  });

  it("Scale up. Budget raise, capped at 50% of the current value and $100 absolute per step", () => {
    const s = entity({ id: "s", level: "adset", parentId: "camp", dailyBudgetMinor: 20_000, metrics: series(14, strongDay) });
    const w = entity({ id: "w", level: "adset", parentId: "camp", dailyBudgetMinor: 10_000, metrics: series(14, weakDay) });
    const d = decisionOf(run(budgetAccount([s, w]), { targetCpaMinor: 1_000 }), "s");
    expect([d.action, d.status, d.from, d.to]).toEqual(["budget", "approved", 20_000, 30_000]);
    expect(d.sentence).toMatch(/^Scale budget up 50% \(\$200\.00 → \$300\.00\)/);
  });

  it("Hold — within performance tolerance", () => {
    expect(decide(averageAd("a"), siblings()).sentence).toBe("Hold — within performance tolerance (score 60).");
  });

  it("Hold — guardrail (only 2 days old)", () => {
    const d = decide(burner("y", 6_000, { createdAt: ago(2, 1) }), siblings());
    expect([d.action, d.status]).toEqual(["pause", "rejected"]);
    expect(d.sentence).toBe("Entity too young (2d < 3d minimum).");
  });
});

describe("extended notes §2.2 — Reading the Dashboard: fatigue signals", () => {
  it("CTR trending down over 7d with frequency > 3.0 → FATIGUED (Meta)", () => {
    const e = entity({ id: "f", metrics: series(14, (o) => ({ ...AVERAGE_DAY, clicks: o < 3 ? 10 : 22, frequency: 3.4 })) });
    expect(decide(e, siblings()).classification).toBe("FATIGUED");
  });

  it("Day-7 CPA ≫ day-1 CPA: a 3d CPA ≥ 1.3× the 14d CPA with sufficient spend → FATIGUED", () => {
    const e = entity({ id: "f", metrics: series(14, (o) => (o < 3 ? { ...AVERAGE_DAY, installs: o === 0 ? 1 : 0 } : { ...AVERAGE_DAY, installs: 2 })) });
    const d = decide(e, siblings(), { platform: "tiktok" });
    expect(d.classification).toBe("FATIGUED");
    expect(d.reasons).toContain("CPA_TREND_DEGRADED");
  });
});

describe("extended notes §2.5 — Content Refresh Cycle", () => {
  it("Disable rules: pauses UNDERPERFORMING or FATIGUED ads", () => {
    const fatigued = entity({ id: "f", metrics: series(14, (o) => (o < 3 ? { ...AVERAGE_DAY, installs: o === 0 ? 1 : 0 } : { ...AVERAGE_DAY, installs: 2 })) });
    expect(decide(fatigued, siblings(), { mode: "refresh" })).toMatchObject({ classification: "FATIGUED", action: "pause", status: "approved" });
  });

  it("Fallback: ads older than 30 days with no metrics are disabled", () => {
    const idle = entity({ id: "idle", createdAt: ago(31), metrics: [] });
    const d = decide(idle, siblings(), { mode: "refresh" });
    expect(d).toMatchObject({ action: "pause", status: "approved", confidence: 1 });
    expect(d.reasons).toContain("NO_METRICS_30D");
    // Not yet 30 days old: held.
    expect(decide(entity({ id: "idle", createdAt: ago(29), metrics: [] }), siblings(), { mode: "refresh" }).action).toBe("hold");
    // Never by the full cycle, which has nothing to score.
    expect(decide(idle, siblings()).action).toBe("hold");
  });

  it("It does NOT raise budgets (a separate optimizer pass)", () => {
    const s = entity({ id: "s", level: "adset", parentId: "camp", dailyBudgetMinor: 20_000, metrics: series(14, strongDay) });
    const result = run(budgetAccount([s, averageAd("a1", "s"), averageAd("a2", "s")]), { targetCpaMinor: 1_000, mode: "refresh" });
    for (const d of result.decisions) expect(["hold", "pause"]).toContain(d.action);
    expect(decisionOf(result, "s").reasons).toContain("REFRESH_ADS_ONLY");
  });

  it("Apple Search Ads: refreshes ad-group keywords", () => {
    const result = run([burner("kw-bad", 6_000, { level: "keyword", parentId: "ag", bidMinor: 100 }), entity({ id: "kw-ok", level: "keyword", parentId: "ag", bidMinor: 100 })], {
      platform: "apple_search_ads",
      mode: "refresh",
    });
    expect(decisionOf(result, "kw-bad")).toMatchObject({ action: "pause", status: "approved" });
  });
});

describe("brief — stale data and determinism", () => {
  const entities = [...siblings(), burner("b", 6_000)];

  it("stale data (last sync older than 12h) holds the whole cycle and says how old", () => {
    const result = run(entities, { lastSyncAt: ago(0, 13) });
    expect(result.summary.actions).toBe(0);
    for (const d of result.decisions) {
      expect(d.reasons).toContain("STALE_DATA");
      expect(d.sentence).toBe("Metrics are stale: last sync 13h ago (> 12h); holding every action.");
    }
    expect(run(entities, { lastSyncAt: ago(0, 12) }).summary.pauses).toBe(1);
  });

  it("a layer that was never synced holds the whole cycle", () => {
    const result = run(entities, { lastSyncAt: null });
    expect(result.decisions.every((d) => d.status === "none" && d.reasons.includes("STALE_DATA"))).toBe(true);
    expect(result.decisions[0].sentence).toMatch(/never been synced/);
  });

  it("a rejected proposal does not count toward the caps", () => {
    // 25 young burners (rejected) and 20 old ones: all 20 old ones fit under the pause cap.
    const list: EntityInput[] = [];
    for (let i = 0; i < 25; i += 1) list.push(burner(`young${i}`, 9_000, { createdAt: ago(1), parentId: `s${i}` }), averageAd(`k${i}`, `s${i}`));
    for (let i = 0; i < 20; i += 1) list.push(burner(`old${i}`, 6_000, { parentId: `t${i}` }), averageAd(`j${i}`, `t${i}`));
    const result = run(list);
    expect(result.summary.pauses).toBe(20);
    expect(result.decisions.filter((d) => d.reasons.includes("CAP_PAUSES"))).toHaveLength(0);
  });

  it("pauses are prioritised by severity: CRITICAL before FATIGUED before UNDERPERFORMING", () => {
    const list: EntityInput[] = [];
    // UNDERPERFORMING ads spending more ($105/7d) than the CRITICAL burners ($50/7d).
    for (let i = 0; i < 15; i += 1) list.push(entity({ id: `u${i}`, parentId: `s${i}`, metrics: series(14, (o) => ({ ...weakDay(o), spendMinor: 1_500 })) }), averageAd(`k${i}`, `s${i}`));
    for (let i = 0; i < 15; i += 1) list.push(burner(`c${i}`, 5_000, { parentId: `t${i}` }), averageAd(`j${i}`, `t${i}`));
    const result = run(list);
    const approvedIds = result.decisions.filter((d) => d.action === "pause" && d.status === "approved").map((d) => d.entityId);
    expect(decisionOf(result, "u0").classification).toBe("UNDERPERFORMING");
    expect(approvedIds.filter((id) => id.startsWith("c"))).toHaveLength(15);
    expect(approvedIds).toHaveLength(20);
  });
});
