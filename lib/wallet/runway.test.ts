import { describe, expect, it } from "vitest";
import { runway } from "./runway";

const week = (n: number) => Array.from({ length: 7 }, () => n);

describe("runway", () => {
  it("balance ÷ 7-day average spend", () => {
    const r = runway({ balanceMinor: 70_000, dailySpendMinorLast7: [5000, 15000, 10000, 10000, 10000, 10000, 10000] });
    expect(r).toMatchObject({ days: 7, level: "ok", averageDailySpendMinor: 10_000 });
  });

  it("levels at the 3 / 7 day boundaries", () => {
    expect(runway({ balanceMinor: 6999, dailySpendMinorLast7: week(1000) }).level).toBe("amber");
    expect(runway({ balanceMinor: 7000, dailySpendMinorLast7: week(1000) }).level).toBe("ok");
    expect(runway({ balanceMinor: 2999, dailySpendMinorLast7: week(1000) }).level).toBe("red");
    expect(runway({ balanceMinor: 3000, dailySpendMinorLast7: week(1000) }).level).toBe("amber");
  });

  it("no spend → infinite (null) and ok; empty or negative balance → 0 days, red", () => {
    expect(runway({ balanceMinor: 100, dailySpendMinorLast7: week(0) })).toMatchObject({ days: null, level: "ok" });
    expect(runway({ balanceMinor: 100, dailySpendMinorLast7: [] })).toMatchObject({ days: null, level: "ok" });
    expect(runway({ balanceMinor: 0, dailySpendMinorLast7: week(0) })).toMatchObject({ days: 0, level: "red" });
    expect(runway({ balanceMinor: -500, dailySpendMinorLast7: week(100) })).toMatchObject({ days: 0, level: "red" });
  });

  it("uses only the last 7 entries; a young org averages over what it has", () => {
    expect(runway({ balanceMinor: 1000, dailySpendMinorLast7: [999_999, ...week(100)] }).days).toBe(10);
    expect(runway({ balanceMinor: 1000, dailySpendMinorLast7: [200, 300] }).days).toBe(4);
  });

  it("projects the empty date and validates", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(runway({ balanceMinor: 1500, dailySpendMinorLast7: week(1000), now }).projectedEmptyAt?.toISOString()).toBe("2026-03-02T12:00:00.000Z");
    expect(() => runway({ balanceMinor: 1, dailySpendMinorLast7: [-1] })).toThrow(RangeError);
  });
});
