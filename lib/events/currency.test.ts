import { describe, expect, it } from "vitest";
import { currencyExponent, fromMinorUnits, normalizeCurrency, toMinorUnits } from "./currency";

describe("currency", () => {
  it("ISO 4217 exponents", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("krw")).toBe(0);
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("BHD")).toBe(3);
    expect(currencyExponent("CLF")).toBe(4);
  });

  it("normalizes and validates codes", () => {
    expect(normalizeCurrency(" usd ")).toBe("USD");
    expect(normalizeCurrency("ABC")).toBeNull();
    expect(normalizeCurrency("US")).toBeNull();
    expect(normalizeCurrency(840)).toBeNull();
  });

  it("converts without float error and rounds half away from zero", () => {
    expect(toMinorUnits(19.99, "USD")).toEqual({ ok: true, amountMinor: 1999 });
    expect(toMinorUnits(1.255, "USD")).toEqual({ ok: true, amountMinor: 126 });
    expect(toMinorUnits(-1.255, "USD")).toEqual({ ok: true, amountMinor: -126 });
    expect(toMinorUnits(0.5, "JPY")).toEqual({ ok: true, amountMinor: 1 });
    expect(toMinorUnits(0.4, "JPY")).toEqual({ ok: true, amountMinor: 0 });
    expect(toMinorUnits(-0.001, "USD")).toEqual({ ok: true, amountMinor: 0 });
    expect(toMinorUnits("12", "KWD")).toEqual({ ok: true, amountMinor: 12000 });
    expect(toMinorUnits(".5", "USD")).toEqual({ ok: true, amountMinor: 50 });
    expect(toMinorUnits(1e-7, "USD")).toEqual({ ok: true, amountMinor: 0 });
    expect(toMinorUnits("2.5e-2", "USD")).toEqual({ ok: true, amountMinor: 3 });
    expect(toMinorUnits(Number.POSITIVE_INFINITY, "USD").ok).toBe(false);
    expect(toMinorUnits("1e30", "USD").ok).toBe(false);
    expect(toMinorUnits("abc", "USD").ok).toBe(false);
    expect(toMinorUnits(".", "USD").ok).toBe(false);
  });

  it("fromMinorUnits", () => {
    expect(fromMinorUnits(999, "USD")).toBe(9.99);
    expect(fromMinorUnits(1200, "JPY")).toBe(1200);
    expect(fromMinorUnits(1234, "KWD")).toBe(1.234);
  });
});
