import { describe, expect, it } from "vitest";
import { classifyEntity } from "./classify";
import { applyGuardrails, checkLayerGates, clampBudget, cooldownMs, type GuardrailCandidate, type ProposedKind } from "./guardrails";
import { NOW, ago, burner, entity } from "./test-support";
import type { EntityInput, Mode, PoolStats } from "./types";
import { buildDateIndex, computeWindows } from "./windows";

const index = buildDateIndex(NOW);
const POOL: PoolStats = { entities: 4, spendMinor: 28_000, impressions: 28_000, clicks: 560, installs: 28, cpaMinor: 1_000, ctr: 0.02, cvr: 0.05 };

function candidate(e: EntityInput, kind: ProposedKind, i: number, extra: Partial<GuardrailCandidate> = {}): GuardrailCandidate {
  const metrics = computeWindows(e.metrics, index);
  return {
    index: i,
    entity: e,
    metrics,
    classification: classifyEntity(e, metrics, { now: NOW, platform: "meta", pool: POOL, targetCpaMinor: null }),
    kind,
    confidence: 0.9,
    ...(kind === "budget" ? { from: e.dailyBudgetMinor!, to: e.dailyBudgetMinor! * 2 } : {}),
    ...extra,
  };
}

function gate(cands: GuardrailCandidate[], entities: EntityInput[] = cands.map((c) => c.entity), mode: Mode = "cycle") {
  return applyGuardrails(cands, { now: NOW, mode, entities });
}

describe("checkLayerGates", () => {
  it("a paused layer proposes nothing", () => {
    expect(checkLayerGates({ platform: "meta", paused: true, lastSyncAt: ago(0, 1) }, NOW).map((g) => g.code)).toEqual(["LAYER_PAUSED"]);
  });

  it("stale when lastSyncAt is null or more than 12 hours before now", () => {
    expect(checkLayerGates({ platform: "meta", paused: false, lastSyncAt: null }, NOW).map((g) => g.code)).toEqual(["STALE_DATA"]);
    const stale = checkLayerGates({ platform: "meta", paused: false, lastSyncAt: new Date(NOW.getTime() - 12 * 3_600_000 - 1) }, NOW);
    expect(stale[0].sentence).toBe("Metrics are stale: last sync 12h ago (> 12h); holding every action.");
    expect(checkLayerGates({ platform: "meta", paused: false, lastSyncAt: ago(0, 12) }, NOW)).toEqual([]);
    expect(checkLayerGates({ platform: "meta", paused: false, lastSyncAt: ago(3) }, NOW)[0].sentence).toContain("3d ago");
  });
});

describe("clampBudget", () => {
  it("bounds a move to min(50% of current, $100), keeping its direction", () => {
    expect(clampBudget(10_000, 13_000)).toEqual({ to: 13_000, clamped: false });
    expect(clampBudget(10_000, 20_000)).toEqual({ to: 15_000, clamped: true });
    expect(clampBudget(10_000, 1_000)).toEqual({ to: 5_000, clamped: true });
    expect(clampBudget(50_000, 75_000)).toEqual({ to: 60_000, clamped: true });
    expect(clampBudget(50_000, 10_000)).toEqual({ to: 40_000, clamped: true });
    expect(clampBudget(101, 1_000)).toEqual({ to: 151, clamped: true });
  });
});

describe("cooldownMs", () => {
  it("48h for structural (pause/resume) and budget changes, 24h between bid changes", () => {
    const h = 3_600_000;
    expect(cooldownMs("pause", "pause")).toBe(48 * h);
    expect(cooldownMs("resume", "budget")).toBe(48 * h);
    expect(cooldownMs("budget", "budget")).toBe(48 * h);
    expect(cooldownMs("bid", "bid")).toBe(24 * h);
    expect(cooldownMs("budget", "bid")).toBe(48 * h);
    expect(cooldownMs("bid", "pause")).toBe(48 * h);
  });
});

describe("applyGuardrails", () => {
  it("MIN_AGE: 'Entity too young (2d < 3d minimum)'", () => {
    const [v] = gate([candidate(burner("y", 6_000, { createdAt: ago(2, 5) }), "pause", 0)]);
    expect(v.status).toBe("rejected");
    expect(v.codes).toContain("MIN_AGE");
    expect(v.messages[0]).toBe("Entity too young (2d < 3d minimum).");
  });

  it("PROTECTED_CLASS: never pause TOP_PERFORMER / HEALTHY / TOO_YOUNG / LEARNING_PHASE", () => {
    const [healthy, learning] = gate([candidate(entity({ id: "h", parentId: "p1" }), "pause", 0), candidate(burner("l", 6_000, { learning: true, parentId: "p2" }), "pause", 1)], [
      entity({ id: "h", parentId: "p1" }),
      entity({ id: "x", parentId: "p1" }),
      burner("l", 6_000, { learning: true, parentId: "p2" }),
      entity({ id: "y", parentId: "p2" }),
    ]);
    expect(healthy.codes).toEqual(["PROTECTED_CLASS"]);
    expect(healthy.messages[0]).toBe("HEALTHY entities are never paused.");
    expect(learning.codes).toEqual(["PROTECTED_CLASS"]);
  });

  it("MIN_SPEND only gates refresh pauses", () => {
    const cheap = entity({ id: "c", metrics: [{ date: "2026-04-19", spendMinor: 400, impressions: 5_000, clicks: 0, installs: 0 }] });
    const all = [cheap, entity({ id: "sib" })];
    expect(gate([candidate(cheap, "pause", 0)], all, "refresh")[0].codes).toContain("MIN_SPEND");
    expect(gate([candidate(cheap, "pause", 0)], all, "cycle")[0].codes).not.toContain("MIN_SPEND");
    expect(gate([candidate(cheap, "pause", 0, { exemptFromMinSpend: true })], all, "refresh")[0].codes).not.toContain("MIN_SPEND");
  });

  it("MIN_IMPRESSIONS gates budget and bid changes only", () => {
    const sparse = entity({ id: "s", level: "adset", dailyBudgetMinor: 1_000, metrics: [{ date: "2026-04-19", spendMinor: 400, impressions: 99, clicks: 5, installs: 1 }] });
    expect(gate([candidate(sparse, "budget", 0)])[0].codes).toContain("MIN_IMPRESSIONS");
    expect(gate([candidate({ ...sparse, bidMinor: 100 }, "bid", 0, { from: 100, to: 110 })])[0].codes).toContain("MIN_IMPRESSIONS");
    const enough = { ...sparse, metrics: [{ ...sparse.metrics[0], impressions: 100 }] };
    expect(gate([candidate(enough, "budget", 0)])[0].codes).not.toContain("MIN_IMPRESSIONS");
  });

  it("COOLDOWN names the blocking action and how long ago it was", () => {
    const e = burner("b", 6_000, { actions: [{ type: "budget", at: ago(0, 20) }, { type: "pause", at: ago(5) }] });
    const [v] = gate([candidate(e, "pause", 0)], [e, entity({ id: "sib" })]);
    expect(v.messages).toEqual(["Cooldown: last budget change was 20h ago (< 48h)."]);
    const future = burner("f", 6_000, { actions: [{ type: "pause", at: new Date(NOW.getTime() + 3_600_000) }] });
    expect(gate([candidate(future, "pause", 0)], [future, entity({ id: "sib" })])[0].codes).toEqual(["COOLDOWN"]);
  });

  it("LOW_CONFIDENCE below 0.5", () => {
    const e = burner("b", 6_000);
    const [v] = gate([candidate(e, "pause", 0, { confidence: 0.49 })], [e, entity({ id: "sib" })]);
    expect(v.codes).toEqual(["LOW_CONFIDENCE"]);
    expect(v.messages[0]).toBe("Confidence 0.49 < 0.50 minimum: insufficient data.");
  });

  it("reports every failing rule, and the rules that passed", () => {
    const e = burner("b", 6_000, { createdAt: ago(1), actions: [{ type: "pause", at: ago(0, 2) }] });
    const [v] = gate([candidate(e, "pause", 0, { confidence: 0.1 })], [e, entity({ id: "sib" })]);
    expect(v.codes).toEqual(["MIN_AGE", "PROTECTED_CLASS", "COOLDOWN", "LOW_CONFIDENCE"]);
    const [ok] = gate([candidate(burner("c", 6_000), "pause", 0)], [burner("c", 6_000), entity({ id: "sib" })]);
    expect(ok.passed).toEqual([
      "age >= 3d",
      "not TOP_PERFORMER/HEALTHY/TOO_YOUNG/LEARNING_PHASE",
      "cooldown clear (48h)",
      "confidence >= 0.5",
      "not last in adset",
      "within caps (20 pauses / 40 actions)",
    ]);
  });

  it("BUDGET_CLAMPED does not reject", () => {
    const e = entity({ id: "s", level: "adset", dailyBudgetMinor: 10_000 });
    const [v] = gate([candidate(e, "budget", 0, { from: 10_000, to: 30_000 })]);
    expect(v).toMatchObject({ status: "approved", to: 15_000, codes: ["BUDGET_CLAMPED"] });
  });

  it("LAST_ACTIVE_CHILD counts active siblings after all approved pauses and keeps the best", () => {
    const a = burner("a", 6_000, { parentId: "s" });
    const b = burner("b", 9_000, { parentId: "s" });
    const pausedSibling = entity({ id: "p", parentId: "s", status: "paused" });
    const verdicts = gate([candidate(a, "pause", 0), candidate(b, "pause", 1)], [a, b, pausedSibling]);
    // Equal scores are impossible here: a spent less for the same nothing, so a is "better".
    expect(verdicts.map((v) => v.status)).toEqual(["rejected", "approved"]);
    expect(verdicts[0].codes).toEqual(["LAST_ACTIVE_CHILD"]);
  });

  it("an active sibling without a pause keeps the adset alive: no LAST_ACTIVE_CHILD", () => {
    const a = burner("a", 6_000, { parentId: "s" });
    const verdicts = gate([candidate(a, "pause", 0)], [a, entity({ id: "ok", parentId: "s" })]);
    expect(verdicts[0].status).toBe("approved");
  });

  it("caps: 20 pauses by severity then 7d spend then id; then changes by spend until 40 actions", () => {
    const cands: GuardrailCandidate[] = [];
    const all: EntityInput[] = [];
    for (let i = 0; i < 25; i += 1) {
      const e = burner(`p${String(i).padStart(2, "0")}`, 6_000 + (i % 5) * 100, { parentId: `s${i}` });
      all.push(e, entity({ id: `keep${i}`, parentId: `s${i}` }));
      cands.push(candidate(e, "pause", cands.length));
    }
    for (let i = 0; i < 25; i += 1) {
      const e = entity({ id: `b${String(i).padStart(2, "0")}`, level: "adset", dailyBudgetMinor: 10_000 });
      all.push(e);
      cands.push(candidate(e, "budget", cands.length, { from: 10_000, to: 11_000 }));
    }
    const verdicts = gate(cands, all);
    const approvedPauses = verdicts.filter((v, i) => v.status === "approved" && cands[i].kind === "pause").map((v) => cands[v.index].entity.id);
    expect(approvedPauses).toHaveLength(20);
    // The 5 rejected are the lowest spenders (i % 5 === 0), ties broken by id.
    const capped = verdicts.filter((v) => v.codes.includes("CAP_PAUSES")).map((v) => cands[v.index].entity.id);
    expect(capped).toEqual(["p00", "p05", "p10", "p15", "p20"]);
    expect(verdicts.filter((v) => v.status === "approved")).toHaveLength(40);
    const cappedChanges = verdicts.filter((v) => v.codes.includes("CAP_ACTIONS")).map((v) => cands[v.index].entity.id);
    expect(cappedChanges).toEqual(["b20", "b21", "b22", "b23", "b24"]);
  });
});
