import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainNotRunning, NOT_RUNNING_CODES, NOT_RUNNING_MESSAGES } from "./explain";
import { selectCreatives } from "./select";
import { adset, creative, selectionInputArb } from "./test-helpers";

const best = creative("best", { organicScore: 9.5 });

describe("explainNotRunning", () => {
  it("reports creative-level reasons, mapping pending to PENDING_APPROVAL", () => {
    const input = {
      creatives: [
        creative("ex", { override: "exclude", organicScore: 9 }),
        creative("low", { organicScore: 3.2 }),
        creative("unsafe", { safetyFailed: true, override: "include" }),
        creative("pending", { approval: "pending" }),
        creative("rejected", { approval: "rejected" }),
      ],
      adsets: [adset("a")],
    };
    const codes = (id: string) => explainNotRunning(id, input).codes;
    expect(codes("ex")).toEqual(["EXCLUDED"]);
    expect(codes("low")).toEqual(["BELOW_THRESHOLD"]);
    expect(codes("unsafe")).toEqual(["SAFETY_FAILED"]);
    expect(codes("pending")).toEqual(["PENDING_APPROVAL"]);
    expect(codes("rejected")).toEqual(["NOT_APPROVED"]);
    expect(explainNotRunning("ex", input).adsets).toEqual([{ adsetId: "a", outcome: "NOT_SELECTED", codes: ["EXCLUDED"] }]);
  });

  it("reports ADSET_AT_CAPACITY for a full Meta adset", () => {
    const result = explainNotRunning("best", { creatives: [best], adsets: [adset("a", { activeAdCount: 50 })] });
    expect(result).toEqual({
      creativeId: "best",
      status: "NOT_RUNNING",
      codes: ["ADSET_AT_CAPACITY"],
      adsets: [{ adsetId: "a", outcome: "NOT_SELECTED", codes: ["ADSET_AT_CAPACITY"] }],
    });
  });

  it("reports SLOTS_FILLED_BY_HIGHER_SCORERS when its pool's open slots went to better creatives", () => {
    const creatives = [
      creative("g1", { organicScore: 9.8 }),
      creative("g2", { organicScore: 9.7 }),
      creative("g3", { organicScore: 9.6 }),
      best,
    ];
    const result = explainNotRunning("best", { creatives, adsets: [adset("a")] });
    expect(result.codes).toEqual(["SLOTS_FILLED_BY_HIGHER_SCORERS"]);
  });

  it("reports SLOTS_FILLED_BY_HIGHER_SCORERS when the total cap went to other pools' better creatives", () => {
    const creatives = [creative("u1", { pool: "ugc", organicScore: 9.9 }), best];
    const result = explainNotRunning("best", { creatives, adsets: [adset("a")], config: { maxCreativesPerAdset: 1 } });
    expect(result.codes).toEqual(["SLOTS_FILLED_BY_HIGHER_SCORERS"]);
  });

  it("reports POOL_SLOTS_FILLED when running creatives hold its pool's slots", () => {
    const creatives = [creative("r1", { organicScore: 4.2 }), best];
    const result = explainNotRunning("best", {
      creatives,
      adsets: [adset("a", { activeCreativeIds: ["r1"], activeAdCount: 1 })],
      config: { generatedSlots: 1 },
    });
    expect(result.codes).toEqual(["POOL_SLOTS_FILLED"]);
  });

  it("reports ADSET_FULL when running creatives reach maxCreativesPerAdset", () => {
    const result = explainNotRunning("best", {
      creatives: [best],
      adsets: [adset("a", { activeCreativeIds: ["x1", "x2"], activeAdCount: 2 })],
      config: { maxCreativesPerAdset: 2 },
    });
    expect(result.codes).toEqual(["ADSET_FULL"]);
  });

  it("distinguishes running, about to launch, unknown and no-adset cases", () => {
    const adsets = [adset("a", { activeCreativeIds: ["best"], activeAdCount: 1 }), adset("b")];
    expect(explainNotRunning("best", { creatives: [best], adsets })).toEqual({
      creativeId: "best",
      status: "RUNNING",
      codes: [],
      adsets: [
        { adsetId: "a", outcome: "RUNNING", codes: [] },
        { adsetId: "b", outcome: "WILL_LAUNCH", codes: [] },
      ],
    });
    expect(explainNotRunning("best", { creatives: [best], adsets: [adset("b")] }).status).toBe("WILL_LAUNCH");
    expect(explainNotRunning("nope", { creatives: [best], adsets }).codes).toEqual(["NOT_FOUND"]);
    expect(explainNotRunning("best", { creatives: [best], adsets: [] }).codes).toEqual(["NO_ADSETS"]);
  });

  it("combines eligibility and capacity reasons across adsets in the fixed order", () => {
    const c = creative("c", { organicScore: 2, override: "exclude" });
    const result = explainNotRunning("c", {
      creatives: [c],
      adsets: [adset("full", { activeAdCount: 50 }), adset("open")],
    });
    expect(result.codes).toEqual(["EXCLUDED", "BELOW_THRESHOLD", "ADSET_AT_CAPACITY"]);
  });

  it("has a message for every code", () => {
    for (const code of NOT_RUNNING_CODES) expect(NOT_RUNNING_MESSAGES[code]).toBeTruthy();
  });

  it("agrees with selectCreatives for every creative and adset (property)", () => {
    fc.assert(
      fc.property(selectionInputArb, (input) => {
        const selection = selectCreatives(input);
        for (const c of input.creatives) {
          const explanation = explainNotRunning(c.id, input);
          explanation.adsets.forEach((entry, i) => {
            const active = input.adsets[i].activeCreativeIds.includes(c.id);
            const selected = selection.adsets[i].selected.includes(c.id);
            expect(entry.outcome).toBe(active ? "RUNNING" : selected ? "WILL_LAUNCH" : "NOT_SELECTED");
            expect(entry.codes.length > 0).toBe(entry.outcome === "NOT_SELECTED");
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
