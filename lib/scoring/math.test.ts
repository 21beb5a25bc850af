import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageInDays, clamp, median, midRankPercentiles, roundScore } from "./math";

describe("scoring math", () => {
  it("clamps with (lo, hi, x) argument order", () => {
    expect(clamp(2, 10, 1)).toBe(2);
    expect(clamp(2, 10, 11)).toBe(10);
    expect(clamp(2, 10, 5.5)).toBe(5.5);
  });

  it("rounds scores half up to two decimals without float noise", () => {
    expect(roundScore(3.825)).toBe(3.83);
    expect(roundScore(3.994)).toBe(3.99);
    expect(roundScore(3.9999999999)).toBe(4);
    expect(roundScore(5.5375)).toBe(5.54);
  });

  it("computes medians", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it("computes mid-rank percentiles: worst 0, best 1, ties share the middle", () => {
    expect(midRankPercentiles([10, 30, 20])).toEqual([0, 1, 0.5]);
    expect(midRankPercentiles([7, 7, 7])).toEqual([0.5, 0.5, 0.5]);
    expect(midRankPercentiles([1, 2, 2, 3])).toEqual([0, 0.5, 0.5, 1]);
    expect(midRankPercentiles([4])).toEqual([0.5]);
    expect(midRankPercentiles([])).toEqual([]);
  });

  it("keeps percentiles in [0, 1] and order-preserving (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 40 }), (values) => {
        const p = midRankPercentiles(values);
        for (let i = 0; i < values.length; i += 1) {
          expect(p[i]).toBeGreaterThanOrEqual(0);
          expect(p[i]).toBeLessThanOrEqual(1);
          for (let j = 0; j < values.length; j += 1) {
            if (values[i] < values[j]) expect(p[i]).toBeLessThan(p[j]);
            if (values[i] === values[j]) expect(p[i]).toBe(p[j]);
          }
        }
      }),
    );
  });

  it("measures age in days, never negative", () => {
    const now = new Date("2026-06-30T00:00:00Z");
    expect(ageInDays(new Date("2026-06-15T12:00:00Z"), now)).toBe(14.5);
    expect(ageInDays(new Date("2026-07-02T00:00:00Z"), now)).toBe(0);
    expect(() => ageInDays(new Date("nope"), now)).toThrow(RangeError);
  });
});
