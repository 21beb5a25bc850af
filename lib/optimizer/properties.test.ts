// Property tests over random entity trees and histories. Every guardrail property is also run
// against a core with that guardrail switched off (test seam), and must then find a
// counterexample: proof that the property (and its generator) would catch the rule's removal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MANY_CHANGES, MANY_PAUSES, scenarioArb, type Scenario } from "./arbitraries";
import { MAX_BUDGET_CHANGE_MINOR, MIN_AGE_DAYS, DAY_MS } from "./constants";
import { decideCycle, decideCycleWithSeams } from "./decide";
import type { GuardrailCode } from "./guardrails";
import { cooldownMs } from "./guardrails";
import type { CycleResult, Decision, EntityInput } from "./types";

type Check = (scenario: Scenario, result: CycleResult) => void;

function runWith(scenario: Scenario, disabled?: GuardrailCode[]): CycleResult {
  return disabled
    ? decideCycleWithSeams(scenario.input, { mode: scenario.mode }, { disabledGuardrails: new Set(disabled) })
    : decideCycle(scenario.input, { mode: scenario.mode });
}

function holds(arb: fc.Arbitrary<Scenario>, check: Check, disabled?: GuardrailCode[]) {
  return fc.property(arb, (scenario) => check(scenario, runWith(scenario, disabled)));
}

/** The property holds on the real core and fails once `guardrail` is removed. */
function guarded(name: string, check: Check, guardrail: GuardrailCode, arb = scenarioArb(), numRuns = 300) {
  // Generous timeouts: these run thousands of cycles and CI machines are shared.
  describe(name, { timeout: 60_000 }, () => {
    it("holds on every random cycle", () => {
      fc.assert(holds(arb, check), { numRuns });
    });
    it(`fails without ${guardrail} (the property really tests the rule)`, () => {
      // Fixed seed: the counterexample search is deterministic; no shrinking needed, only the verdict.
      const outcome = fc.check(holds(arb, check, [guardrail]), { numRuns: 500, seed: 42, endOnFailure: true });
      expect(outcome.failed).toBe(true);
    });
  });
}

const approved = (r: CycleResult) => r.decisions.filter((d) => d.status === "approved");
const entityById = (s: Scenario) => new Map(s.input.entities.map((e) => [e.id, e] as const));

guarded(
  "no pause of a protected class (TOP_PERFORMER, HEALTHY, TOO_YOUNG, LEARNING_PHASE)",
  (_s, r) => {
    for (const d of approved(r)) {
      if (d.action === "pause") expect(["TOP_PERFORMER", "HEALTHY", "TOO_YOUNG", "LEARNING_PHASE"]).not.toContain(d.classification);
    }
  },
  "PROTECTED_CLASS",
);

guarded(
  "no adset/adgroup is left without an active ad or keyword",
  (s, r) => {
    const pausedNow = new Set(approved(r).filter((d) => d.action === "pause").map((d) => d.entityId));
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const e of s.input.entities) {
      if ((e.level !== "ad" && e.level !== "keyword") || e.status !== "active") continue;
      const key = `${e.level}:${e.parentId}`;
      before.set(key, (before.get(key) ?? 0) + 1);
      if (!pausedNow.has(e.id)) after.set(key, (after.get(key) ?? 0) + 1);
    }
    for (const [key, count] of before) if (count > 0) expect(after.get(key) ?? 0, key).toBeGreaterThanOrEqual(1);
  },
  "LAST_ACTIVE_CHILD",
);

guarded(
  "at most 20 pauses per cycle",
  (_s, r) => {
    expect(approved(r).filter((d) => d.action === "pause").length).toBeLessThanOrEqual(20);
    expect(r.summary.pauses).toBeLessThanOrEqual(20);
  },
  "CAP_PAUSES",
  scenarioArb(MANY_PAUSES, ["cycle", "watchdog", "refresh"]),
);

guarded(
  "at most 40 actions per cycle",
  (_s, r) => {
    expect(approved(r).length).toBeLessThanOrEqual(40);
    expect(r.summary.actions).toBeLessThanOrEqual(40);
  },
  "CAP_ACTIONS",
  scenarioArb(MANY_CHANGES, ["cycle"], ["meta", "tiktok"]),
);

guarded(
  "cooldowns are never violated (48h structural/budget, 24h between bid changes)",
  (s, r) => {
    const byId = entityById(s);
    for (const d of approved(r)) {
      if (d.action === "hold") continue;
      for (const a of byId.get(d.entityId)!.actions) {
        expect(s.input.now.getTime() - a.at.getTime()).toBeGreaterThanOrEqual(cooldownMs(a.type, d.action));
      }
    }
  },
  "COOLDOWN",
);

guarded(
  "a budget change is at most 50% of the current budget and at most $100",
  (_s, r) => {
    for (const d of approved(r)) {
      if (d.action !== "budget") continue;
      const delta = Math.abs(d.to! - d.from!);
      expect(delta).toBeLessThanOrEqual(d.from! * 0.5);
      expect(delta).toBeLessThanOrEqual(MAX_BUDGET_CHANGE_MINOR);
    }
  },
  "BUDGET_CLAMPED",
  scenarioArb(MANY_CHANGES, ["cycle"], ["meta", "tiktok"]),
);

guarded(
  "nothing is proposed on a paused layer",
  (s, r) => {
    if (!s.input.layer.paused) return;
    for (const d of r.decisions) {
      expect(d.status).toBe("none");
      expect(d.reasons).toContain("LAYER_PAUSED");
    }
  },
  "LAYER_PAUSED",
);

guarded(
  "nothing is proposed on stale data (last sync null or > 12h)",
  (s, r) => {
    const sync = s.input.layer.lastSyncAt;
    if (sync != null && s.input.now.getTime() - sync.getTime() <= 12 * 3_600_000) return;
    for (const d of r.decisions) {
      expect(d.status).toBe("none");
      expect(d.reasons).toContain("STALE_DATA");
    }
  },
  "STALE_DATA",
);

guarded(
  "no action on an entity younger than 3 days",
  (s, r) => {
    const byId = entityById(s);
    for (const d of approved(r)) {
      const age = s.input.now.getTime() - byId.get(d.entityId)!.createdAt.getTime();
      expect(age).toBeGreaterThanOrEqual(MIN_AGE_DAYS * DAY_MS);
    }
  },
  "MIN_AGE",
);

guarded(
  "no budget or bid change under 100 impressions in 7d",
  (_s, r) => {
    for (const d of approved(r)) if (d.action === "budget" || d.action === "bid") expect(d.inputs.impressions7d).toBeGreaterThanOrEqual(100);
  },
  "MIN_IMPRESSIONS",
  scenarioArb(MANY_CHANGES, ["cycle"]),
  100,
);

guarded(
  "no approved action below confidence 0.5",
  (_s, r) => {
    for (const d of approved(r)) expect(d.confidence).toBeGreaterThanOrEqual(0.5);
  },
  "LOW_CONFIDENCE",
);

guarded(
  "the refresh step never disables an ad under $5 total spend (except the 30-day no-metrics fallback)",
  (_s, r) => {
    for (const d of approved(r)) {
      if (d.action === "pause" && !d.reasons.includes("NO_METRICS_30D")) expect(d.inputs.lifetimeSpendMinor).toBeGreaterThanOrEqual(500);
    }
  },
  "MIN_SPEND",
  scenarioArb(undefined, ["refresh"]),
);

describe("structural properties", { timeout: 60_000 }, () => {
  const arb = scenarioArb();

  it("exactly one decision per input entity, in input order", () => {
    fc.assert(
      holds(arb, (s, r) => {
        expect(r.decisions.map((d) => d.entityId)).toEqual(s.input.entities.map((e) => e.id));
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same input gives the same output", () => {
    fc.assert(
      fc.property(arb, (s) => {
        const a = decideCycle(s.input, { mode: s.mode });
        const b = decideCycle(structuredClone(s.input), { mode: s.mode });
        expect(JSON.stringify(b)).toEqual(JSON.stringify(a));
      }),
      { numRuns: 200 },
    );
  });

  it("summary counts exactly the approved and rejected decisions", () => {
    fc.assert(
      holds(arb, (_s, r) => {
        const ok = approved(r);
        expect(r.summary).toEqual({
          approved: ok.length,
          rejected: r.decisions.filter((d) => d.status === "rejected").length,
          pauses: ok.filter((d) => d.action === "pause").length,
          actions: ok.length,
        });
      }),
      { numRuns: 200 },
    );
  });

  it("status none always means hold, and only pauses/budget/bid are approved or rejected", () => {
    fc.assert(
      holds(arb, (_s, r) => {
        for (const d of r.decisions) expect(d.status === "none").toBe(d.action === "hold");
      }),
      { numRuns: 200 },
    );
  });

  it("paused entities are never proposed for anything", () => {
    fc.assert(
      holds(arb, (s, r) => {
        const byId = entityById(s);
        for (const d of r.decisions) if (byId.get(d.entityId)!.status === "paused") expect(d.status).toBe("none");
      }),
      { numRuns: 200 },
    );
  });

  it("only UNDERPERFORMING, FATIGUED and CRITICAL entities are ever paused", () => {
    fc.assert(
      holds(arb, (_s, r) => {
        for (const d of approved(r)) {
          if (d.action === "pause") expect(["UNDERPERFORMING", "FATIGUED", "CRITICAL"]).toContain(d.classification);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the watchdog only pauses $50+ spent with 0 installs in 7d, and never changes budgets or bids", () => {
    fc.assert(
      holds(scenarioArb(undefined, ["watchdog"]), (_s, r) => {
        for (const d of r.decisions) {
          if (d.status === "none") continue;
          expect(d.action).toBe("pause");
          expect(d.inputs.installs7d).toBe(0);
          expect(d.inputs.spend7dMinor).toBeGreaterThanOrEqual(5_000);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the refresh step only pauses ads (or Apple keywords) and never changes budgets or bids", () => {
    fc.assert(
      holds(scenarioArb(undefined, ["refresh"]), (_s, r) => {
        for (const d of r.decisions) {
          if (d.status === "none") continue;
          expect(d.action).toBe("pause");
          expect(["ad", "keyword"]).toContain(d.level);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every decision has a sentence, a score in 0–100 or null, and a confidence in 0–1", () => {
    fc.assert(
      holds(arb, (_s, r) => {
        for (const d of r.decisions as Decision[]) {
          expect(d.sentence.length).toBeGreaterThan(0);
          if (d.score != null) expect(d.score >= 0 && d.score <= 100).toBe(true);
          expect(d.confidence >= 0 && d.confidence <= 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("entity order does not change any individual decision", () => {
    fc.assert(
      fc.property(arb, (s) => {
        const reversed: EntityInput[] = [...s.input.entities].reverse();
        const a = decideCycle(s.input, { mode: s.mode });
        const b = decideCycle({ ...s.input, entities: reversed }, { mode: s.mode });
        const byId = new Map(b.decisions.map((d) => [d.entityId, d] as const));
        for (const d of a.decisions) {
          const other = byId.get(d.entityId)!;
          expect([other.classification, other.action, other.status, other.to]).toEqual([d.classification, d.action, d.status, d.to]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
