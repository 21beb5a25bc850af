import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateEligibility, withProjectOverrides } from "./eligibility";
import { compareRanked, rankScoreOf, selectCreatives } from "./select";
import { adsetsArb, configArb, creativesArb, selectionInputArb } from "./test-helpers";
import { PLATFORM_AD_LIMITS, POOLS, type Override, type SelectionConfig, type SelectionCreative } from "./types";

const RUNS = { numRuns: 300 };

function slots(config: SelectionConfig, pool: SelectionCreative["pool"]): number {
  return pool === "generated" ? config.generatedSlots : pool === "ugc" ? config.ugcSlots : config.manualSlots;
}

describe("selectCreatives properties", () => {
  it("never selects an ineligible, already-active or duplicate creative", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const byId = new Map(input.creatives.map((c) => [c.id, c]));
        const result = selectCreatives(input);
        result.adsets.forEach((out, i) => {
          const active = new Set(input.adsets[i].activeCreativeIds);
          expect(new Set(out.selected).size).toBe(out.selected.length);
          for (const id of out.selected) {
            const c = byId.get(id);
            expect(c).toBeDefined();
            expect(evaluateEligibility(c as SelectionCreative).eligible).toBe(true);
            expect(active.has(id)).toBe(false);
          }
        });
      }),
      RUNS,
    );
  });

  it("respects per-pool slots, counting already-active creatives", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const byId = new Map(input.creatives.map((c) => [c.id, c]));
        const result = selectCreatives(input);
        result.adsets.forEach((out, i) => {
          for (const pool of POOLS) {
            const filled = new Set(input.adsets[i].activeCreativeIds.filter((id) => byId.get(id)?.pool === pool)).size;
            const picked = out.selected.filter((id) => byId.get(id)?.pool === pool).length;
            expect(picked).toBeLessThanOrEqual(Math.max(0, slots(input.config, pool) - filled));
          }
        });
      }),
      RUNS,
    );
  });

  it("respects maxCreativesPerAdset and the platform hard limit", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const result = selectCreatives(input);
        result.adsets.forEach((out, i) => {
          const adset = input.adsets[i];
          const activeCreatives = new Set(adset.activeCreativeIds).size;
          const ads = Math.max(adset.activeAdCount, activeCreatives);
          const limit = PLATFORM_AD_LIMITS[adset.platform];
          expect(out.selected.length).toBeLessThanOrEqual(Math.max(0, input.config.maxCreativesPerAdset - activeCreatives));
          expect(ads >= limit || ads + out.selected.length <= limit).toBe(true);
          expect(out.skipped).toBe(ads >= limit ? "AT_CAPACITY" : null);
          if (out.skipped) expect(out.selected).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it("fills every slot it can: selected = min(capacity, Σ min(open slots, candidates))", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const byId = new Map(input.creatives.map((c) => [c.id, c]));
        const result = selectCreatives(input);
        result.adsets.forEach((out, i) => {
          const adset = input.adsets[i];
          if (out.skipped) return;
          const active = new Set(adset.activeCreativeIds);
          const ads = Math.max(adset.activeAdCount, active.size);
          const capacity = Math.max(
            0,
            Math.min(input.config.maxCreativesPerAdset - active.size, PLATFORM_AD_LIMITS[adset.platform] - ads),
          );
          let available = 0;
          for (const pool of POOLS) {
            const filled = [...active].filter((id) => byId.get(id)?.pool === pool).length;
            const candidates = input.creatives.filter(
              (c) => c.pool === pool && !active.has(c.id) && evaluateEligibility(c).eligible,
            ).length;
            available += Math.min(Math.max(0, slots(input.config, pool) - filled), candidates);
          }
          expect(out.selected.length).toBe(Math.min(capacity, available));
        });
      }),
      RUNS,
    );
  });

  it("orders selected best first and prefers higher scorers within a pool", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const byId = new Map(input.creatives.map((c) => [c.id, c]));
        const weight = input.config.organicScoreWeight;
        const ranked = (id: string) => {
          const creative = byId.get(id) as SelectionCreative;
          return { creative, rankScore: rankScoreOf(creative, weight) };
        };
        const result = selectCreatives(input);
        result.adsets.forEach((out, i) => {
          const list = out.selected.map(ranked);
          for (let k = 1; k < list.length; k += 1) expect(compareRanked(list[k - 1], list[k])).toBeLessThan(0);
          // No unselected, non-active eligible creative of the same pool outranks a selected one.
          const active = new Set(input.adsets[i].activeCreativeIds);
          const chosen = new Set(out.selected);
          for (const picked of list) {
            for (const other of input.creatives) {
              if (other.pool !== picked.creative.pool || chosen.has(other.id) || active.has(other.id)) continue;
              if (!evaluateEligibility(other).eligible) continue;
              expect(compareRanked(picked, { creative: other, rankScore: rankScoreOf(other, weight) })).toBeLessThan(0);
            }
          }
        });
      }),
      RUNS,
    );
  });

  it("is deterministic under shuffling of creatives and active ids", () => {
    fc.assert(
      fc.property(
        selectionInputArb.chain((input) =>
          fc.record({
            input: fc.constant(input),
            creatives: fc.shuffledSubarray(input.creatives, { minLength: input.creatives.length }),
            actives: fc.tuple(
              ...input.adsets.map((a) =>
                fc.shuffledSubarray([...a.activeCreativeIds], { minLength: a.activeCreativeIds.length }),
              ),
            ),
          }),
        ),
        ({ input, creatives, actives }) => {
          const shuffled = {
            ...input,
            creatives,
            adsets: input.adsets.map((a, i) => ({ ...a, activeCreativeIds: actives[i] })),
          };
          const a = selectCreatives(input);
          const b = selectCreatives(shuffled);
          expect(b.adsets).toEqual(a.adsets);
          const sortById = (list: typeof a.ineligible) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
          expect(sortById(b.ineligible)).toEqual(sortById(a.ineligible));
          // ineligible follows the (shuffled) input order.
          const order = creatives.map((c) => c.id);
          const positions = b.ineligible.map((x) => order.indexOf(x.id));
          expect(positions).toEqual([...positions].sort((x, y) => x - y));
        },
      ),
      RUNS,
    );
  });

  it("returns a prefix when maxCreativesPerAdset is lowered", () => {
    fc.assert(
      fc.property(selectionInputArb, fc.integer({ min: 0, max: 15 }), (input, lower) => {
        const tight = { ...input, config: { ...input.config, maxCreativesPerAdset: Math.min(lower, input.config.maxCreativesPerAdset) } };
        const loose = selectCreatives(input);
        const tightResult = selectCreatives(tight);
        tightResult.adsets.forEach((out, i) => {
          expect(loose.adsets[i].selected.slice(0, out.selected.length)).toEqual(out.selected);
        });
      }),
      RUNS,
    );
  });

  it("lists exactly the ineligible creatives, with their reasons", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const expected = input.creatives
          .map((c) => ({ id: c.id, ...evaluateEligibility(c) }))
          .filter((c) => !c.eligible)
          .map(({ id, reasons }) => ({ id, reasons }));
        expect(selectCreatives(input).ineligible).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("applies per-project overrides independently", () => {
    const overrideArb = fc.constantFrom<Override>("include", "exclude", null);
    fc.assert(
      fc.property(
        creativesArb.chain((creatives) =>
          fc.record({
            creatives: fc.constant(creatives),
            adsets: adsetsArb(creatives.map((c) => c.id)),
            config: configArb,
            a: fc.array(overrideArb, { minLength: creatives.length, maxLength: creatives.length }),
            b: fc.array(overrideArb, { minLength: creatives.length, maxLength: creatives.length }),
          }),
        ),
        ({ creatives, adsets, config, a, b }) => {
          const map = (list: Override[]) => Object.fromEntries(creatives.map((c, i) => [c.id, list[i]]));
          const projectA = withProjectOverrides(creatives, map(a));
          const projectB = withProjectOverrides(creatives, map(b));
          const resultA = selectCreatives({ creatives: projectA, adsets, config });
          const resultB = selectCreatives({ creatives: projectB, adsets, config });
          for (const [project, result] of [
            [projectA, resultA],
            [projectB, resultB],
          ] as const) {
            const selected = new Set(result.adsets.flatMap((x) => x.selected));
            for (const c of project) {
              if (c.override === "exclude") {
                expect(selected.has(c.id)).toBe(false);
                expect(result.ineligible.find((x) => x.id === c.id)?.reasons).toContain("EXCLUDED");
              }
            }
          }
        },
      ),
      RUNS,
    );
  });
});
