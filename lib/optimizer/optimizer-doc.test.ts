// One example per sentence/rule of product-docs/optimizer.md, named after the sentence.
import { describe, expect, it } from "vitest";
import { OPTIMIZER_CRONS, OPTIMIZER_INTERVAL_MINUTES } from "./cadence";
import {
  AVERAGE_DAY,
  ago,
  averageAd,
  burner,
  decide,
  decisionOf,
  entity,
  run,
  series,
  siblings,
} from "./test-support";
import type { Classification, EntityInput } from "./types";

const CLASSES: Classification[] = ["TOO_YOUNG", "LEARNING_PHASE", "TOP_PERFORMER", "HEALTHY", "UNDERPERFORMING", "FATIGUED", "CRITICAL"];

/** A small account: campaign -> 4 average adsets (with budgets) -> one average ad each. Enough
 * average peers that one strong or weak entity does not move the pool much. */
function account(extra: EntityInput[] = []): EntityInput[] {
  const entities: EntityInput[] = [entity({ id: "camp", level: "campaign", parentId: null })];
  for (const s of ["a", "b", "c", "d"]) {
    entities.push(entity({ id: `adset-${s}`, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000 }), averageAd(`ad-${s}1`, `adset-${s}`));
  }
  return [...entities, ...extra];
}

/** Strong unit economics: CPA $5 (pool ~$9), CTR 4%. */
const STRONG_DAY = { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 2 };
/** Weak unit economics: CPA $17.50 over 7d (~1.9x the pool: UNDERPERFORMING, not CRITICAL). */
const weakDay = (o: number) => ({ spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: o % 2 === 0 ? 1 : 0 });

const strongAdset = (id = "adset-strong", overrides: Partial<EntityInput> = {}) =>
  entity({ id, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000, metrics: series(14, STRONG_DAY), ...overrides });
const weakAdset = (id = "adset-weak") => entity({ id, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000, metrics: series(14, weakDay) });

describe("optimizer.md — intro", () => {
  it("runs every 6 hours per ad layer (Meta, TikTok, Apple Search Ads)", () => {
    expect(OPTIMIZER_INTERVAL_MINUTES.cycle).toBe(360);
    expect(OPTIMIZER_CRONS.meta.cycle).toBe("0 */6 * * *");
    expect(OPTIMIZER_CRONS.tiktok.cycle).toBe("0 */6 * * *");
    expect(OPTIMIZER_CRONS.apple_search_ads.cycle).toBe("30 */6 * * *");
  });

  it("evaluates each campaign, adset/adgroup, ad, and keyword", () => {
    const entities = [
      entity({ id: "c", level: "campaign", parentId: null }),
      entity({ id: "s", level: "adset", parentId: "c" }),
      entity({ id: "a", level: "ad", parentId: "s" }),
      entity({ id: "k", level: "keyword", parentId: "s", bidMinor: 100 }),
    ];
    const result = run(entities);
    expect(result.decisions.map((d) => [d.entityId, d.level])).toEqual([
      ["c", "campaign"],
      ["s", "adset"],
      ["a", "ad"],
      ["k", "keyword"],
    ]);
  });

  it("proposes: Pause an entity that's burning budget without converting", () => {
    const d = decide(burner("burn", 6_000), siblings());
    expect([d.action, d.status]).toEqual(["pause", "approved"]);
    expect(d.sentence).toBe("Spent $60.00 with zero installs over a 7d window.");
  });

  it("proposes: Adjust budget (up or down) on an entity with strong or weak unit economics", () => {
    const result = run(account([strongAdset(), weakAdset()]), { targetCpaMinor: 1_000 });
    const up = decisionOf(result, "adset-strong");
    expect(up.classification).toBe("TOP_PERFORMER");
    expect([up.action, up.status]).toEqual(["budget", "approved"]);
    expect(up.to!).toBeGreaterThan(up.from!);
    const down = decisionOf(result, "adset-weak");
    expect(down.classification).toBe("UNDERPERFORMING");
    expect([down.action, down.status]).toEqual(["budget", "approved"]);
    expect(down.to!).toBeLessThan(down.from!);
  });

  it("proposes: Adjust bid (Apple / TikTok keywords)", () => {
    const keywords = [
      entity({ id: "kw-top", level: "keyword", parentId: "ag", bidMinor: 200, metrics: series(14, STRONG_DAY) }),
      ...["kw-avg1", "kw-avg2", "kw-avg3", "kw-avg4"].map((id) => entity({ id, level: "keyword", parentId: "ag", bidMinor: 200 })),
      entity({ id: "kw-weak", level: "keyword", parentId: "ag", bidMinor: 200, metrics: series(14, weakDay) }),
    ];
    for (const platform of ["apple_search_ads", "tiktok"] as const) {
      const result = run(keywords, { platform });
      const up = decisionOf(result, "kw-top");
      expect([up.action, up.status, up.from]).toEqual(["bid", "approved", 200]);
      expect(up.to!).toBeGreaterThan(200);
      const down = decisionOf(result, "kw-weak");
      expect([down.action, down.status]).toEqual(["bid", "approved"]);
      expect(down.to!).toBeLessThan(200);
    }
    // Meta has no bid lever: the same keyword-shaped entity holds.
    expect(decisionOf(run(keywords, { platform: "meta" }), "kw-top").action).toBe("hold");
  });

  it("proposes: Hold (no action) — the most common outcome, by design", () => {
    const result = run(account());
    expect(result.decisions.every((d) => d.action === "hold" && d.status === "none")).toBe(true);
    expect(decisionOf(result, "ad-a1").sentence).toMatch(/^Hold — within performance tolerance/);
  });

  it("Proposed actions then pass through a guardrail approval stage; only approved actions are executed", () => {
    const young = burner("young", 6_000, { createdAt: ago(2) });
    const result = run([burner("old", 6_000), young, ...siblings()]);
    expect(decisionOf(result, "old").status).toBe("approved");
    expect(decisionOf(result, "young")).toMatchObject({ action: "pause", status: "rejected" });
    expect(result.summary).toEqual({ approved: 1, rejected: 1, pauses: 1, actions: 1 });
  });
});

describe("optimizer.md — Inputs", () => {
  const e = entity({
    id: "x",
    metrics: series(30, (o) => ({ spendMinor: 100 * (o + 1), impressions: 1_000, clicks: 10, installs: o < 7 ? 0 : 1, frequency: o === 0 ? 4 : 2 })),
  });
  const d = decide(e, siblings());

  it("Spend (1d, 3d, 7d, 14d, 30d windows)", () => {
    expect(d.metrics["1d"].spendMinor).toBe(100);
    expect(d.metrics["3d"].spendMinor).toBe(100 + 200 + 300);
    expect(d.metrics["7d"].spendMinor).toBe(2_800);
    expect(d.metrics["14d"].spendMinor).toBe(10_500);
    expect(d.metrics["30d"].spendMinor).toBe(46_500);
  });

  it("Conversions / installs per window", () => {
    expect(d.metrics["7d"].installs).toBe(0);
    expect(d.metrics["14d"].installs).toBe(7);
    expect(d.metrics["30d"].installs).toBe(23);
  });

  it("CPA = spend / installs per window (null without installs)", () => {
    expect(d.metrics["7d"].cpaMinor).toBeNull();
    expect(d.metrics["14d"].cpaMinor).toBe(10_500 / 7);
    expect(d.inputs.cpa7dMinor).toBeNull();
  });

  it("CTR, CPM, conversion rate", () => {
    expect(d.metrics["7d"].ctr).toBeCloseTo(0.01);
    expect(d.metrics["7d"].cpmMinor).toBeCloseTo((2_800 * 1000) / 7_000);
    expect(d.metrics["14d"].cvr).toBeCloseTo(7 / 140);
  });

  it("Fatigue indicators: frequency (Meta) and trend of CPA across windows", () => {
    // Impression-weighted daily frequency: (4 + 6×2) / 7.
    expect(d.metrics["7d"].frequency).toBeCloseTo(16 / 7);
    expect(d.inputs.cpa3dMinor).toBeNull();
    expect(d.inputs.cpa14dMinor).toBe(1_500);
  });

  it("Age: days since entity creation", () => {
    expect(decide(entity({ id: "a", createdAt: ago(12, 5) })).inputs.ageDays).toBe(12);
  });

  it("Creative pool (generated, ugc, manual) is used at selection time, not pause time", () => {
    const base = burner("b", 6_000);
    const outcomes = (["generated", "ugc", "manual", null] as const).map((creativePool) => {
      const r = decide({ ...base, creativePool }, siblings());
      return [r.classification, r.action, r.status];
    });
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
  });

  it("ads_content.organic_score is used when selecting new creatives — it does NOT pause already-running ads", () => {
    const low = decide({ ...averageAd("a"), organicScore: 0.5 }, siblings());
    const high = decide({ ...averageAd("a"), organicScore: 9.5 }, siblings());
    expect(low).toEqual(high);
    expect(low.action).toBe("hold");
  });
});

describe("optimizer.md — Decisions", () => {
  it("assigns each ad (and each adset, adgroup, campaign) one of the classifications every cycle", () => {
    const result = run(account([strongAdset(), weakAdset(), burner("b", 6_000, { parentId: "adset-a" })]));
    for (const d of result.decisions) expect(CLASSES).toContain(d.classification);
  });

  it("TOO_YOUNG — under 3 days old. Never paused.", () => {
    const d = decide(burner("y", 9_000, { createdAt: ago(2, 23) }), siblings());
    expect(d.classification).toBe("TOO_YOUNG");
    expect(d.status).not.toBe("approved");
    expect(decide(burner("y", 9_000, { createdAt: ago(3) }), siblings()).classification).toBe("CRITICAL");
  });

  it("LEARNING_PHASE — platform reports the entity is still in learning. Never paused.", () => {
    const d = decide(burner("l", 9_000, { learning: true }), siblings());
    expect(d.classification).toBe("LEARNING_PHASE");
    expect(d).toMatchObject({ action: "pause", status: "rejected" });
    expect(d.reasons).toContain("PROTECTED_CLASS");
  });

  it("TOP_PERFORMER — performance score ≥ 80. Never paused.", () => {
    const d = decide(entity({ id: "t", metrics: series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 4 }) }), siblings());
    expect(d.classification).toBe("TOP_PERFORMER");
    expect(d.score!).toBeGreaterThanOrEqual(80);
    expect(d.action).not.toBe("pause");
  });

  it("HEALTHY — performance score ≥ 50. Never paused.", () => {
    const d = decide(averageAd("h"), siblings());
    expect(d.classification).toBe("HEALTHY");
    expect(d.score!).toBeGreaterThanOrEqual(50);
    expect(d.score!).toBeLessThan(80);
    expect(d.action).toBe("hold");
  });

  it("UNDERPERFORMING — CPA materially above pool average", () => {
    // 7d CPA $23.33 vs pool ~$12 (1.9x): above 1.5x, below the 2.5x CRITICAL line.
    const d = decide(entity({ id: "u", metrics: series(14, (o) => ({ ...AVERAGE_DAY, installs: o % 3 === 0 ? 1 : 0 })) }), siblings());
    expect(d.classification).toBe("UNDERPERFORMING");
    expect(d.reasons).toContain("CPA_ABOVE_POOL");
  });

  it("UNDERPERFORMING — or low performance score", () => {
    // Same CPA as the pool but a collapsed CTR and conversion rate.
    const d = decide(entity({ id: "u", metrics: series(14, { spendMinor: 1_000, impressions: 4_000, clicks: 20, installs: 1 }) }), [
      ...siblings(),
      averageAd("avg-4"),
    ]);
    expect(d.score!).toBeLessThan(50);
    expect(d.classification).toBe("UNDERPERFORMING");
    expect(d.reasons).toContain("LOW_SCORE");
  });

  it("FATIGUED — CPA degraded over time, frequency high, sufficient spend", () => {
    const fatigued = (spendMinor: number, frequency: number) =>
      entity({
        id: "f",
        metrics: series(14, (o) =>
          o < 3
            ? { spendMinor, impressions: 1_000, clicks: 10, installs: o === 0 ? 1 : 0, frequency }
            : { spendMinor, impressions: 1_000, clicks: 20, installs: 2, frequency },
        ),
      });
    const d = decide(fatigued(1_000, 4.2), siblings());
    expect(d.classification).toBe("FATIGUED");
    expect(d.reasons).toEqual(expect.arrayContaining(["CPA_TREND_DEGRADED", "HIGH_FREQUENCY_DECLINE"]));
    // Not enough spend to call it fatigue ($2.80 over 7d).
    expect(decide(fatigued(40, 4.2), siblings()).classification).not.toBe("FATIGUED");
  });

  it("CRITICAL — >$50 spent with zero installs in 7d", () => {
    expect(decide(burner("c", 5_001), siblings()).classification).toBe("CRITICAL");
    expect(decide(burner("c", 4_999), siblings()).classification).not.toBe("CRITICAL");
  });

  it("CRITICAL — or CPA > 2.5× pool average", () => {
    // 7d: $70 for 1 install vs pool ~$11.
    const d = decide(entity({ id: "c", metrics: series(14, (o) => ({ ...AVERAGE_DAY, installs: o === 0 ? 1 : 0 })) }), siblings());
    expect(d.classification).toBe("CRITICAL");
    expect(d.reasons).toContain("CPA_OVER_2_5X_POOL");
  });

  it("a CRITICAL burner is never labelled HEALTHY, even with an excellent CTR", () => {
    const d = decide(entity({ id: "c", metrics: series(7, { spendMinor: 1_000, impressions: 1_000, clicks: 200, installs: 0 }) }), siblings());
    expect(d.classification).toBe("CRITICAL");
    expect(d.action).toBe("pause");
  });

  it("Only UNDERPERFORMING, FATIGUED, and CRITICAL entities are eligible for pausing", () => {
    const result = run([
      ...siblings(),
      burner("critical", 6_000),
      entity({ id: "top", metrics: series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 4 }) }),
      burner("young", 6_000, { createdAt: ago(1) }),
      burner("learning", 6_000, { learning: true }),
    ]);
    const paused = result.decisions.filter((d) => d.action === "pause" && d.status === "approved").map((d) => d.entityId);
    expect(paused).toEqual(["critical"]);
  });

  it("Every decision is gated by the guardrails", () => {
    const result = run([...siblings(), burner("b", 6_000)]);
    const d = decisionOf(result, "b");
    expect(d.guardrailsPassed).toEqual(expect.arrayContaining(["age >= 3d", "confidence >= 0.5", "not last in adset"]));
  });
});

describe("optimizer.md — Guardrails", () => {
  it("1. Min age 3 days before any action on an entity", () => {
    const youngAdset = strongAdset("adset-young", { createdAt: ago(2) });
    const result = run(account([youngAdset, burner("young-ad", 6_000, { createdAt: ago(2), parentId: "adset-a" })]), { targetCpaMinor: 1_000 });
    for (const id of ["adset-young", "young-ad"]) {
      const d = decisionOf(result, id);
      expect(d.status).toBe("rejected");
      expect(d.reasons).toContain("MIN_AGE");
      expect(d.sentence).toBe("Entity too young (2d < 3d minimum).");
    }
  });

  it("2. Min $5 spent before a pause action in the content-refresh disable step", () => {
    const cheap = entity({ id: "cheap", metrics: series(7, { spendMinor: 60, impressions: 500, clicks: 0, installs: 0 }) });
    const d = decide(cheap, siblings(), { mode: "refresh" });
    expect(d.classification).toBe("UNDERPERFORMING");
    expect(d.status).toBe("rejected");
    expect(d.reasons).toContain("MIN_SPEND");
    // The same ad with $5+ spent is disabled.
    const pricier = entity({ id: "cheap", metrics: series(7, { spendMinor: 80, impressions: 500, clicks: 0, installs: 0 }) });
    expect(decide(pricier, siblings(), { mode: "refresh" }).status).toBe("approved");
  });

  it("3. Min 100 impressions before budget/bid changes", () => {
    const sparse = strongAdset("adset-sparse", { metrics: series(7, { spendMinor: 500, impressions: 12, clicks: 3, installs: 1 }) });
    const d = decisionOf(run(account([sparse]), { targetCpaMinor: 1_000 }), "adset-sparse");
    expect(d.action).toBe("budget");
    expect(d.status).toBe("rejected");
    expect(d.reasons).toContain("MIN_IMPRESSIONS");
    expect(d.sentence).toBe("Only 84 impressions in 7d (< 100 minimum before budget changes).");
  });

  it("4. Never disable ads classified TOP_PERFORMER or HEALTHY", () => {
    const top = entity({ id: "top", metrics: series(14, STRONG_DAY) });
    const result = run([...siblings(), ...siblings("adset-2"), ...siblings("adset-3"), top], { mode: "refresh" });
    expect(decisionOf(result, "top").classification).toBe("TOP_PERFORMER");
    expect(decisionOf(result, "avg-1").classification).toBe("HEALTHY");
    for (const d of result.decisions) expect(d.action).not.toBe("pause");
  });

  it("5. Never leave an adset/adgroup empty", () => {
    const result = run([burner("b1", 6_000, { parentId: "s" }), burner("b2", 7_000, { parentId: "s" }), ...siblings("other")]);
    const statuses = ["b1", "b2"].map((id) => decisionOf(result, id).status);
    expect(statuses.sort()).toEqual(["approved", "rejected"]);
    expect(decisionOf(result, "b1").reasons).toContain("LAST_ACTIVE_CHILD");
  });

  it("6. Max 50% budget change per cycle, and never more than $100 absolute", () => {
    const big = strongAdset("adset-big", { dailyBudgetMinor: 50_000 });
    const small = strongAdset("adset-small", { dailyBudgetMinor: 4_000 });
    const result = run(account([big, small]), { targetCpaMinor: 1_000 });
    const b = decisionOf(result, "adset-big");
    expect([b.status, b.from, b.to]).toEqual(["approved", 50_000, 60_000]);
    expect(b.reasons).toContain("BUDGET_CLAMPED");
    const s = decisionOf(result, "adset-small");
    expect([s.status, s.from, s.to]).toEqual(["approved", 4_000, 6_000]);
    expect(s.reasons).toContain("BUDGET_CLAMPED");
  });

  it("7. Max 40 total actions and 20 pauses per cycle", () => {
    const entities: EntityInput[] = [];
    for (let i = 0; i < 30; i += 1) {
      entities.push(burner(`b${String(i).padStart(2, "0")}`, 6_000 + i * 100, { parentId: `s${i}` }), averageAd(`keep${i}`, `s${i}`));
    }
    // 15 strong adsets (scale up), 15 weak ones (scale down) and 15 average ones (hold): 30 changes.
    for (let i = 0; i < 45; i += 1) {
      const id = `adset-${String(i).padStart(2, "0")}`;
      if (i < 15) entities.push(strongAdset(id));
      else if (i < 30) entities.push(entity({ id, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000, metrics: series(14, weakDay) }));
      else entities.push(entity({ id, level: "adset", parentId: "camp", dailyBudgetMinor: 10_000 }));
    }
    entities.push(entity({ id: "camp", level: "campaign", parentId: null }));
    const result = run(entities, { targetCpaMinor: 1_000 });
    expect(result.summary.pauses).toBe(20);
    expect(result.summary.actions).toBe(40);
    // Highest 7d spend wins among equally severe pauses.
    const pausedIds = result.decisions.filter((d) => d.action === "pause" && d.status === "approved").map((d) => d.entityId);
    expect(pausedIds.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `b${String(i + 10).padStart(2, "0")}`));
    expect(result.decisions.filter((d) => d.reasons.includes("CAP_PAUSES"))).toHaveLength(10);
    expect(result.decisions.filter((d) => d.reasons.includes("CAP_ACTIONS"))).toHaveLength(10);
  });

  it("8. Cooldowns between actions on the same entity: 48h for structural and budget changes, 24h for bid changes", () => {
    const paused47h = decide(burner("b", 6_000, { actions: [{ type: "resume", at: ago(0, 47) }] }), siblings());
    expect(paused47h.reasons).toContain("COOLDOWN");
    expect(decide(burner("b", 6_000, { actions: [{ type: "resume", at: ago(0, 49) }] }), siblings()).status).toBe("approved");

    const budget = (hours: number) =>
      decisionOf(run(account([strongAdset("s", { actions: [{ type: "budget", at: ago(0, hours) }] })]), { targetCpaMinor: 1_000 }), "s");
    expect(budget(47).reasons).toContain("COOLDOWN");
    expect(budget(49).status).toBe("approved");

    const kw = (hours: number) =>
      decisionOf(
        run(
          [
            entity({ id: "kw", level: "keyword", parentId: "ag", bidMinor: 200, metrics: series(14, STRONG_DAY), actions: [{ type: "bid", at: ago(0, hours) }] }),
            ...["kw2", "kw3", "kw4", "kw5"].map((id) => entity({ id, level: "keyword", parentId: "ag", bidMinor: 200 })),
            entity({ id: "kw6", level: "keyword", parentId: "ag", bidMinor: 200, metrics: series(14, weakDay) }),
          ],
          { platform: "apple_search_ads" },
        ),
        "kw",
      );
    expect(kw(23).reasons).toContain("COOLDOWN");
    expect(kw(25).status).toBe("approved");
  });

  it("9. Manual overrides win — overrides govern creative eligibility (selection), never the pause of a running ad", () => {
    const include = decide({ ...burner("b", 6_000), override: "include" }, siblings());
    const exclude = decide({ ...burner("b", 6_000), override: "exclude" }, siblings());
    const none = decide(burner("b", 6_000), siblings());
    expect(include).toEqual(none);
    expect(exclude).toEqual(none);
  });

  it("These rules exist so the optimizer never bricks an ad account by pausing or rebalancing everything during a noisy day", () => {
    // A noisy day: every ad in 25 adsets looks like a burner.
    const entities: EntityInput[] = [];
    for (let s = 0; s < 25; s += 1) for (let a = 0; a < 3; a += 1) entities.push(burner(`s${s}-a${a}`, 6_000, { parentId: `s${s}` }));
    const result = run(entities);
    expect(result.summary.pauses).toBe(20);
    for (let s = 0; s < 25; s += 1) {
      const kept = result.decisions.filter((d) => d.entityId.startsWith(`s${s}-`) && d.status !== "approved");
      expect(kept.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("optimizer.md — Why a low organic score doesn't pause running ads", () => {
  it("If a creative's organic score decays below 4.0 while it's running, it stays running", () => {
    const d = decide({ ...averageAd("a"), organicScore: 3.9 }, siblings());
    expect(d.action).toBe("hold");
  });

  it("the optimizer is purely watching ad performance metrics (CPA, fatigue, CTR)", () => {
    const d = decide({ ...burner("b", 6_000), organicScore: 9.9 }, siblings());
    expect(d).toMatchObject({ action: "pause", status: "approved" });
  });

  it("an ad with a great CPA but aging organic score wouldn't be killed mid-run", () => {
    const great = entity({ id: "g", organicScore: 1.0, metrics: series(14, { spendMinor: 1_000, impressions: 1_000, clicks: 40, installs: 4 }) });
    expect(decide(great, siblings(), { mode: "refresh" }).action).toBe("hold");
    expect(decide(great, siblings()).action).not.toBe("pause");
  });
});

describe("optimizer.md — Cycle cadence", () => {
  it("Meta Ads: every 6 hours, watchdog every 2 hours", () => {
    expect(OPTIMIZER_CRONS.meta).toMatchObject({ cycle: "0 */6 * * *", watchdog: "0 */2 * * *" });
  });

  it("TikTok Ads: every 6 hours, watchdog every 2 hours", () => {
    expect(OPTIMIZER_CRONS.tiktok).toMatchObject({ cycle: "0 */6 * * *", watchdog: "0 */2 * * *" });
  });

  it("Apple Search Ads: every 6 hours (at :30), watchdog every 2 hours", () => {
    expect(OPTIMIZER_CRONS.apple_search_ads).toMatchObject({ cycle: "30 */6 * * *", watchdog: "0 */2 * * *" });
    expect(OPTIMIZER_INTERVAL_MINUTES.watchdog).toBe(120);
  });

  it("The watchdog auto-pauses entities with catastrophic spend patterns ($50+ spent and 0 installs) between full optimizer cycles", () => {
    const result = run(
      [
        burner("exactly-50", 5_000),
        burner("just-under", 4_999),
        entity({ id: "underperformer", metrics: series(14, (o) => ({ ...AVERAGE_DAY, installs: o % 3 === 0 ? 1 : 0 })) }),
        ...siblings(),
      ],
      { mode: "watchdog" },
    );
    expect(decisionOf(result, "exactly-50")).toMatchObject({ action: "pause", status: "approved" });
    expect(decisionOf(result, "exactly-50").reasons).toContain("WATCHDOG_CATASTROPHIC");
    expect(decisionOf(result, "just-under").action).toBe("hold");
    expect(decisionOf(result, "underperformer").action).toBe("hold");
    expect(result.summary).toEqual({ approved: 1, rejected: 0, pauses: 1, actions: 1 });
  });

  it("the watchdog runs under the same guardrails", () => {
    const result = run([burner("young", 6_000, { createdAt: ago(1) }), burner("b1", 6_000, { parentId: "s" }), burner("b2", 6_000, { parentId: "s" })], {
      mode: "watchdog",
    });
    expect(decisionOf(result, "young").reasons).toContain("MIN_AGE");
    expect(result.summary.pauses).toBe(1);
  });
});

describe("optimizer.md — Reading optimizer decisions in the UI", () => {
  const result = run([...siblings(), burner("b", 6_000), burner("young", 6_000, { createdAt: ago(2, 4) })]);

  it("Classifications assigned to each entity and the metrics that drove them", () => {
    const d = decisionOf(result, "b");
    expect(d.classification).toBe("CRITICAL");
    expect(d.inputs).toMatchObject({ spend7dMinor: 6_000, installs7d: 0, cpa7dMinor: null, ageDays: 20 });
    expect(d.metrics["7d"].spendMinor).toBe(6_000);
  });

  it("Proposed actions, and whether each was approved or rejected by guardrails", () => {
    expect(decisionOf(result, "b")).toMatchObject({ action: "pause", status: "approved" });
    expect(decisionOf(result, "young")).toMatchObject({ action: "pause", status: "rejected" });
  });

  it('Reasons actions were rejected (e.g., "Entity too young (2d < 3d minimum)")', () => {
    const d = decisionOf(result, "young");
    expect(d.reasons).toContain("MIN_AGE");
    expect(d.sentence).toBe("Entity too young (2d < 3d minimum).");
  });
});

describe("optimizer.md — Pausing the layer", () => {
  const entities = [...siblings(), burner("b", 6_000)];

  it("While paused, the optimizer stops proposing or executing actions until you resume", () => {
    const paused = run(entities, { paused: true });
    expect(paused.summary).toEqual({ approved: 0, rejected: 0, pauses: 0, actions: 0 });
    for (const d of paused.decisions) {
      expect([d.action, d.status]).toEqual(["hold", "none"]);
      expect(d.reasons).toContain("LAYER_PAUSED");
    }
    expect(run(entities, { paused: false }).summary.pauses).toBe(1);
  });

  it("a paused layer holds in every mode", () => {
    for (const mode of ["cycle", "watchdog", "refresh"] as const) expect(run(entities, { paused: true, mode }).summary.actions).toBe(0);
  });
});
