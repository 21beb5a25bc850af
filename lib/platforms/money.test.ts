import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, decimalToMinor, minorToDecimalString, minorToMajor } from "./money";
import { addDays, chunkDateRange, eachDay, isIsoDate } from "./types";

describe("money", () => {
  it("converts decimal strings exactly", () => {
    expect(decimalToMinor("5339.5", "USD")).toBe(533950);
    expect(decimalToMinor("0.1", "USD")).toBe(10);
    expect(decimalToMinor("12.345", "USD")).toBe(1235); // half away from zero
    expect(decimalToMinor("12.344", "USD")).toBe(1234);
    expect(decimalToMinor("-1.005", "USD")).toBe(-101);
    expect(decimalToMinor(".5", "USD")).toBe(50);
    expect(decimalToMinor("75.00", "USD")).toBe(7500);
    expect(decimalToMinor("1200", "JPY")).toBe(1200);
    expect(decimalToMinor("1.2345", "KWD")).toBe(1235);
    expect(decimalToMinor(0.1 + 0.2, "USD")).toBe(30);
    expect(decimalToMinor("1e2", "USD")).toBe(10000);
    expect(() => decimalToMinor("abc", "USD")).toThrow(RangeError);
    expect(() => decimalToMinor("", "USD")).toThrow(RangeError);
  });

  it("formats minor units", () => {
    expect(minorToDecimalString(120000, "USD")).toBe("1200.00");
    expect(minorToDecimalString(5, "USD")).toBe("0.05");
    expect(minorToDecimalString(-5, "EUR")).toBe("-0.05");
    expect(minorToDecimalString(5000, "JPY")).toBe("5000");
    expect(minorToMajor(150, "USD")).toBe(1.5);
    expect(currencyExponent(undefined)).toBe(2);
    expect(() => minorToDecimalString(1.5, "USD")).toThrow(RangeError);
  });

  it("round-trips every integer amount (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("USD", "JPY", "KWD", "EUR"), (minor, cur) => {
        expect(decimalToMinor(minorToDecimalString(minor, cur), cur)).toBe(minor);
        expect(decimalToMinor(minorToMajor(minor, cur), cur)).toBe(minor);
      }),
    );
  });
});

describe("dates", () => {
  it("validates, enumerates and chunks ranges", () => {
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(eachDay({ from: "2025-01-30", to: "2025-02-02" })).toEqual(["2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"]);
    expect(chunkDateRange({ from: "2025-01-01", to: "2025-03-01" }, 30)).toEqual([
      { from: "2025-01-01", to: "2025-01-30" },
      { from: "2025-01-31", to: "2025-03-01" },
    ]);
    expect(() => chunkDateRange({ from: "2025-02-01", to: "2025-01-01" }, 30)).toThrow(RangeError);
  });

  it("chunks cover the range exactly, without overlap (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), (offset, len, max) => {
        const from = addDays("2024-01-01", offset);
        const to = addDays(from, len);
        const chunks = chunkDateRange({ from, to }, max);
        expect(chunks.flatMap((c) => eachDay(c))).toEqual(eachDay({ from, to }));
        for (const c of chunks) expect(eachDay(c).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
