import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateEligibility, withProjectOverrides } from "./eligibility";
import { creative, creativeFieldsArb } from "./test-helpers";
import { INELIGIBILITY_REASONS } from "./types";

describe("evaluateEligibility", () => {
  it("treats exactly 4.0 as eligible and 3.99 as below threshold", () => {
    expect(evaluateEligibility(creative("a", { organicScore: 4.0 }))).toEqual({ eligible: true, reasons: [] });
    expect(evaluateEligibility(creative("a", { organicScore: 3.99 }))).toEqual({
      eligible: false,
      reasons: ["BELOW_THRESHOLD"],
    });
    expect(evaluateEligibility(creative("a", { organicScore: 3.9999999 })).eligible).toBe(false);
  });

  it("counts a null score as below threshold unless included", () => {
    expect(evaluateEligibility(creative("a", { organicScore: null })).reasons).toEqual(["BELOW_THRESHOLD"]);
    expect(evaluateEligibility(creative("a", { organicScore: null, override: "include" }))).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it("lets 'include' bypass a low score", () => {
    expect(evaluateEligibility(creative("a", { organicScore: 1.2, override: "include" })).eligible).toBe(true);
  });

  it("makes 'exclude' ineligible even with a top score", () => {
    expect(evaluateEligibility(creative("a", { organicScore: 9.9, override: "exclude" }))).toEqual({
      eligible: false,
      reasons: ["EXCLUDED"],
    });
  });

  it("never lets 'include' override safetyFailed", () => {
    expect(evaluateEligibility(creative("a", { organicScore: 9, override: "include", safetyFailed: true }))).toEqual({
      eligible: false,
      reasons: ["SAFETY_FAILED"],
    });
  });

  it("requires approval, whatever the override", () => {
    expect(evaluateEligibility(creative("a", { approval: "pending", override: "include" })).reasons).toEqual([
      "NOT_APPROVED",
    ]);
    expect(evaluateEligibility(creative("a", { approval: "rejected" })).reasons).toEqual(["NOT_APPROVED"]);
  });

  it("excludes archived creatives", () => {
    expect(evaluateEligibility(creative("a", { archived: true, override: "include" })).reasons).toEqual(["ARCHIVED"]);
    expect(evaluateEligibility(creative("a", { archived: false })).eligible).toBe(true);
  });

  it("lists every applicable reason in the fixed order", () => {
    const worst = creative("a", {
      approval: "rejected",
      organicScore: null,
      override: "exclude",
      safetyFailed: true,
      archived: true,
    });
    expect(evaluateEligibility(worst).reasons).toEqual([
      "NOT_APPROVED",
      "BELOW_THRESHOLD",
      "EXCLUDED",
      "SAFETY_FAILED",
      "ARCHIVED",
    ]);
  });

  it("matches the eligibility formula for any creative (property)", () => {
    fc.assert(
      fc.property(creativeFieldsArb, (fields) => {
        const c = { id: "p", ...fields };
        const { eligible, reasons } = evaluateEligibility(c);
        const scoreOk = c.organicScore !== null && c.organicScore >= 4.0;
        const expected =
          c.approval === "approved" &&
          (scoreOk || c.override === "include") &&
          c.override !== "exclude" &&
          !c.safetyFailed &&
          c.archived !== true;
        expect(eligible).toBe(expected);
        expect(eligible).toBe(reasons.length === 0);
        // Fixed order, no duplicates.
        const order = reasons.map((r) => INELIGIBILITY_REASONS.indexOf(r));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(reasons).size).toBe(reasons.length);
        expect(reasons.includes("SAFETY_FAILED")).toBe(c.safetyFailed);
        expect(reasons.includes("EXCLUDED")).toBe(c.override === "exclude");
        expect(reasons.includes("BELOW_THRESHOLD")).toBe(!scoreOk && c.override !== "include");
      }),
    );
  });

  it("puts the 4.0 boundary exactly at 4.0 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (score) => {
        expect(evaluateEligibility(creative("a", { organicScore: score })).eligible).toBe(score >= 4.0);
      }),
    );
  });
});

describe("withProjectOverrides", () => {
  it("lets the same ads_content row be included in one project and excluded in another", () => {
    const rows = [creative("shared", { organicScore: 2.5 }), creative("other", { organicScore: 6 })];
    const projectA = withProjectOverrides(rows, { shared: "include" });
    const projectB = withProjectOverrides(rows, { shared: "exclude", other: "exclude" });
    const projectC = withProjectOverrides(rows, {});

    expect(projectA.map((c) => evaluateEligibility(c).eligible)).toEqual([true, true]);
    expect(projectB.map((c) => evaluateEligibility(c).reasons)).toEqual([
      ["BELOW_THRESHOLD", "EXCLUDED"],
      ["EXCLUDED"],
    ]);
    expect(projectC.map((c) => evaluateEligibility(c).eligible)).toEqual([false, true]);
    // The shared rows themselves are untouched.
    expect(rows[0].override).toBeNull();
  });

  it("resets a stale override from another project to auto", () => {
    const rows = [creative("a", { override: "exclude", organicScore: 7 })];
    expect(withProjectOverrides(rows, {})[0].override).toBeNull();
  });
});
