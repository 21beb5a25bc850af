import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreGeneratedOrManual } from "./generated";

const score = (ageDays: number, spend30dMinor = 0, safetyFailed = false) =>
  scoreGeneratedOrManual({ ageDays, spend30dMinor, safetyFailed });

describe("scoreGeneratedOrManual: clamp(2, 10, 7 − 5·age/30 + min(3, spend/33.3))", () => {
  it("starts a new creative with no spend at 7", () => {
    expect(score(0)).toBe(7);
  });

  it("loses 5 points per 30 days of age", () => {
    expect(score(6)).toBe(6);
    expect(score(12)).toBe(5);
    expect(score(18)).toBe(4); // exactly on the eligibility threshold
    expect(score(18.01)).toBe(4); // rounds to 4.00 (3.9983…)
    expect(score(18.1)).toBe(3.98);
  });

  it("floors at 2", () => {
    expect(score(30)).toBe(2);
    expect(score(365)).toBe(2);
    expect(score(60, 20_000)).toBe(2); // 7 − 10 + 3 = 0 → 2
  });

  it("adds spend in USD (input in cents), one point per $33.30, capped at +3", () => {
    expect(score(0, 3330)).toBe(8);
    expect(score(0, 1000)).toBe(7.3);
    expect(score(0, 9990)).toBe(10);
    expect(score(12, 9990)).toBe(8);
    expect(score(12, 1_000_000)).toBe(8);
  });

  it("caps at 10", () => {
    expect(score(0, 50_000)).toBe(10);
  });

  it("forces 0 when safetyFailed", () => {
    expect(score(0, 50_000, true)).toBe(0);
  });

  it("treats negative age and spend as 0 and rejects non-finite input", () => {
    expect(score(-3, -500)).toBe(7);
    expect(() => score(Number.NaN)).toThrow(RangeError);
    expect(() => score(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("stays in [2, 10], falls with age and rises with spend (property)", () => {
    const age = fc.double({ min: 0, max: 400, noNaN: true });
    const spend = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(age, age, spend, spend, (a1, a2, s1, s2) => {
        const s = score(a1, s1);
        expect(s).toBeGreaterThanOrEqual(2);
        expect(s).toBeLessThanOrEqual(10);
        const [young, old] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(score(young, s1)).toBeGreaterThanOrEqual(score(old, s1));
        const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(score(a1, high)).toBeGreaterThanOrEqual(score(a1, low));
      }),
    );
  });
});
