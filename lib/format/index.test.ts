import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, formatPercent } from "./index";

describe("formatting", () => {
  it("shows minor units in the currency's own exponent", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(formatMoney(null)).toBe("—");
  });
  it("shows UTC instants in the project's timezone", () => {
    expect(formatDateTime("2026-11-23T06:00:00Z", "America/Los_Angeles")).toContain("Nov 22, 2026");
    expect(formatDateTime("2026-11-23T06:00:00Z", "UTC")).toContain("Nov 23, 2026");
  });
  it("formats ratios as percentages", () => expect(formatPercent(0.0123)).toBe("1.23%"));
});
