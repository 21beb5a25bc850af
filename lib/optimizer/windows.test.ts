import { describe, expect, it } from "vitest";
import { NOW, dateAt, series } from "./test-support";
import { buildDateIndex, computeWindows, dayNumber } from "./windows";

const index = buildDateIndex(NOW);

describe("computeWindows", () => {
  it("a window of N days is the N UTC dates ending at (and including) now's date", () => {
    const m = computeWindows(series(40, { spendMinor: 100, impressions: 10, clicks: 1, installs: 0 }), index);
    expect(m.windows["1d"].spendMinor).toBe(100);
    expect(m.windows["3d"].spendMinor).toBe(300);
    expect(m.windows["7d"].spendMinor).toBe(700);
    expect(m.windows["14d"].spendMinor).toBe(1_400);
    expect(m.windows["30d"].spendMinor).toBe(3_000);
    expect(m.lifetimeSpendMinor).toBe(4_000);
  });

  it("uses the UTC date of now, even just after midnight", () => {
    const justAfterMidnight = buildDateIndex(new Date("2026-04-19T00:00:01Z"));
    const m = computeWindows([{ date: "2026-04-19", spendMinor: 5, impressions: 1, clicks: 0, installs: 0 }, { date: "2026-04-18", spendMinor: 7, impressions: 1, clicks: 0, installs: 0 }], justAfterMidnight);
    expect(m.windows["1d"].spendMinor).toBe(5);
    expect(m.windows["3d"].spendMinor).toBe(12);
  });

  it("ignores rows dated after today and sums duplicate rows of one date", () => {
    const m = computeWindows(
      [
        { date: "2026-04-20", spendMinor: 999, impressions: 999, clicks: 9, installs: 9 },
        { date: dateAt(0), spendMinor: 100, impressions: 50, clicks: 5, installs: 1 },
        { date: dateAt(0), spendMinor: 50, impressions: 50, clicks: 5, installs: 0 },
      ],
      index,
    );
    expect(m.windows["30d"]).toMatchObject({ spendMinor: 150, impressions: 100, clicks: 10, installs: 1, activeDays: 1 });
    expect(m.lifetimeSpendMinor).toBe(150);
  });

  it("CPA is null without installs; CTR/CPM null without impressions; CVR null without clicks", () => {
    const w = computeWindows([{ date: dateAt(0), spendMinor: 300, impressions: 0, clicks: 0, installs: 0 }], index).windows["7d"];
    expect([w.cpaMinor, w.ctr, w.cpmMinor, w.cvr, w.frequency]).toEqual([null, null, null, null, null]);
    const v = computeWindows([{ date: dateAt(0), spendMinor: 300, impressions: 1_000, clicks: 20, installs: 2, revenueMinor: 900 }], index).windows["7d"];
    expect(v).toMatchObject({ cpaMinor: 150, ctr: 0.02, cpmMinor: 300, cvr: 0.1, revenueMinor: 900 });
  });

  it("frequency is the impression-weighted mean of reported daily frequencies", () => {
    const w = computeWindows(
      [
        { date: dateAt(0), spendMinor: 1, impressions: 300, clicks: 0, installs: 0, frequency: 4 },
        { date: dateAt(1), spendMinor: 1, impressions: 100, clicks: 0, installs: 0, frequency: 2 },
        { date: dateAt(2), spendMinor: 1, impressions: 500, clicks: 0, installs: 0 },
      ],
      index,
    ).windows["7d"];
    expect(w.frequency).toBeCloseTo((4 * 300 + 2 * 100) / 400);
  });

  it("hasAnyMetrics is false when nothing was ever delivered", () => {
    expect(computeWindows([], index).hasAnyMetrics).toBe(false);
    expect(computeWindows(series(5, {}), index).hasAnyMetrics).toBe(false);
    expect(computeWindows(series(1, { impressions: 1 }), index).hasAnyMetrics).toBe(true);
  });

  it("activeDays counts distinct dates with spend or impressions", () => {
    const w = computeWindows(series(10, (o) => (o % 2 === 0 ? { spendMinor: 1 } : {})), index).windows;
    expect(w["7d"].activeDays).toBe(4);
    expect(w["30d"].activeDays).toBe(5);
  });
});

describe("dayNumber", () => {
  it("matches Date.UTC for every date of several centuries", () => {
    for (let t = Date.UTC(1899, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 7) {
      expect(dayNumber(new Date(t).toISOString().slice(0, 10))).toBe(t / 86_400_000);
    }
  });

  it("rejects malformed dates", () => {
    for (const bad of ["2026-4-19", "2026/04/19", "2026-13-01", "2026-00-10", "20x6-04-19", "", "2026-04-19T00"]) expect(dayNumber(bad)).toBeNaN();
  });
});
