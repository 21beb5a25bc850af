import { describe, expect, it } from "vitest";
import { persistentDrift, reconcile, USUAL_DRIFT_CAUSES, type ReconciliationRow } from "./reconcile";

const LA = "America/Los_Angeles";

function row(platform: string, date: string, layers: number, platformReported: number | null): ReconciliationRow {
  return reconcile({
    layersConversionsByPlatformDay: { [platform]: { [date]: layers } },
    platformReportedByPlatformDay: platformReported === null ? {} : { [platform]: { [date]: platformReported } },
  })[0];
}

describe("reconcile", () => {
  it("computes drift against Layers and flags |drift| > 20%", () => {
    const rows = reconcile({
      layersConversionsByPlatformDay: { meta: { "2026-03-01": 100, "2026-03-02": 50 }, tiktok: { "2026-03-01": 10 } },
      platformReportedByPlatformDay: { meta: { "2026-03-02": 65, "2026-03-01": 110 }, tiktok: { "2026-03-01": 10 } },
    });
    expect(rows).toEqual([
      { platform: "meta", date: "2026-03-01", layers: 100, platformReported: 110, difference: 10, driftPct: 10, flagged: false, status: "within_tolerance" },
      { platform: "meta", date: "2026-03-02", layers: 50, platformReported: 65, difference: 15, driftPct: 30, flagged: true, status: "drift" },
      { platform: "tiktok", date: "2026-03-01", layers: 10, platformReported: 10, difference: 0, driftPct: 0, flagged: false, status: "match" },
    ]);
  });

  it.each([
    [100, 120, 20, false],
    [100, 121, 21, true],
    [100, 80, -20, false],
    [100, 79, -21, true],
    [5, 6, 20, false],
    [3, 3.6, 20.000000000000004, false], // fractional modeled conversions: exactly 20% is not flagged
    [3, 3.61, 20.33333333333333, true],
  ])("boundary: layers %d, platform %d → %d%%, flagged %s", (layers, platform, drift, flagged) => {
    const r = row("meta", "2026-03-01", layers, platform);
    expect(r.driftPct).toBeCloseTo(drift, 9);
    expect(r.flagged).toBe(flagged);
  });

  it("zero and missing cases", () => {
    expect(row("meta", "2026-03-01", 0, 0)).toMatchObject({ driftPct: 0, flagged: false, status: "match" });
    expect(row("meta", "2026-03-01", 0, 4)).toMatchObject({ driftPct: null, difference: 4, flagged: true, status: "platform_only" });
    expect(row("meta", "2026-03-01", 7, null)).toMatchObject({ platformReported: null, driftPct: null, flagged: false, status: "awaiting_platform_data" });
    // platform reports a day Layers has nothing for → Layers 0
    const [r] = reconcile({ layersConversionsByPlatformDay: {}, platformReportedByPlatformDay: { tiktok: { "2026-03-01": 2 } } });
    expect(r).toMatchObject({ layers: 0, platformReported: 2, status: "platform_only" });
    expect(row("meta", "2026-03-01", 10, 0)).toMatchObject({ driftPct: -100, flagged: true, status: "drift" });
  });

  it("validates input", () => {
    expect(() => reconcile({ layersConversionsByPlatformDay: { meta: { "2026-03-01": -1 } }, platformReportedByPlatformDay: {} })).toThrow(RangeError);
    expect(() => reconcile({ layersConversionsByPlatformDay: { meta: { "03/01": 1 } }, platformReportedByPlatformDay: {} })).toThrow(RangeError);
    expect(() => reconcile({ layersConversionsByPlatformDay: {}, platformReportedByPlatformDay: { meta: { "2026-03-01": Number.NaN } } })).toThrow(RangeError);
  });
});

describe("persistentDrift", () => {
  // 2026-03-11 10:00 PDT → today is Mar 11 in LA; complete days end Mar 10
  const now = new Date("2026-03-11T17:00:00Z");
  const rows = (spec: Record<string, [number, number | null]>, platform = "meta") =>
    Object.entries(spec).map(([date, [l, p]]) => row(platform, date, l, p));

  it("> 30% on two consecutive complete days → task + notification", () => {
    const alerts = persistentDrift(rows({ "2026-03-08": [100, 100], "2026-03-09": [100, 140], "2026-03-10": [200, 262] }), now, { timeZone: LA });
    expect(alerts).toHaveLength(1);
    const a = alerts[0];
    expect(a).toMatchObject({ platform: "meta", days: ["2026-03-09", "2026-03-10"], layersTotal: 300, platformTotal: 402, streakDriftPct: 34, latestDriftPct: 31 });
    expect(a.task.kind).toBe("attribution_drift");
    expect(a.task.dedupeKey).toBe("attribution-drift:meta:2026-03-09");
    expect(a.task.title).toBe("Investigate Meta attribution drift (+34% since 2026-03-09)");
    expect(a.task.body).toContain("- 2026-03-09: Layers 100, Meta 140 (+40%)");
    expect(a.task.body).toContain("file it with support");
    for (const c of USUAL_DRIFT_CAUSES) expect(a.task.body).toContain(c.title);
    expect(a.notification).toEqual({
      title: "Meta conversions differ from Layers by more than 30% for 2 days",
      body: "Layers counted 300 and Meta reported 402 conversions from 2026-03-09 to 2026-03-10 (+34%). Open the reconciliation view for the usual causes.",
      severity: "warning",
    });
  });

  it("one bad day (24h) is not persistent", () => {
    expect(persistentDrift(rows({ "2026-03-09": [100, 100], "2026-03-10": [100, 200] }), now, { timeZone: LA })).toEqual([]);
  });

  it("30% boundary: exactly 30% does not count, 30.1% does", () => {
    expect(persistentDrift(rows({ "2026-03-09": [1000, 1300], "2026-03-10": [1000, 700] }), now, { timeZone: LA })).toEqual([]);
    expect(persistentDrift(rows({ "2026-03-09": [1000, 1301], "2026-03-10": [1000, 699] }), now, { timeZone: LA })).toHaveLength(1);
  });

  it("20–30% drift is flagged per row but never persistent", () => {
    const r = rows({ "2026-03-08": [100, 125], "2026-03-09": [100, 125], "2026-03-10": [100, 125] });
    expect(r.every((x) => x.flagged)).toBe(true);
    expect(persistentDrift(r, now, { timeZone: LA })).toEqual([]);
  });

  it("today's partial day does not count", () => {
    expect(persistentDrift(rows({ "2026-03-10": [100, 200], "2026-03-11": [100, 200] }), now, { timeZone: LA })).toEqual([]);
  });

  it("the streak must be calendar-consecutive and current", () => {
    // a hole on Mar 9
    expect(persistentDrift(rows({ "2026-03-08": [100, 200], "2026-03-10": [100, 200] }), now, { timeZone: LA })).toEqual([]);
    // an old streak that has since recovered
    expect(persistentDrift(rows({ "2026-03-07": [100, 200], "2026-03-08": [100, 200], "2026-03-09": [100, 100], "2026-03-10": [100, 100] }), now, { timeZone: LA })).toEqual([]);
    // an old streak with no data since (stale)
    expect(persistentDrift(rows({ "2026-03-01": [100, 200], "2026-03-02": [100, 200] }), now, { timeZone: LA })).toEqual([]);
  });

  it("tolerates one day of platform refresh lag (yesterday not reported yet)", () => {
    const alerts = persistentDrift(rows({ "2026-03-08": [100, 200], "2026-03-09": [100, 200], "2026-03-10": [100, null] }), now, { timeZone: LA });
    expect(alerts.map((a) => a.days)).toEqual([["2026-03-08", "2026-03-09"]]);
  });

  it("counts platform-only conversions and under-reporting; one alert per platform", () => {
    const r = [
      ...rows({ "2026-03-09": [0, 5], "2026-03-10": [0, 3] }, "tiktok_ads"),
      ...rows({ "2026-03-09": [100, 50], "2026-03-10": [100, 60] }, "apple"),
      ...rows({ "2026-03-09": [100, 100], "2026-03-10": [100, 100] }, "meta"),
    ];
    const alerts = persistentDrift(r, now, { timeZone: LA });
    expect(alerts.map((a) => [a.platform, a.streakDriftPct])).toEqual([["apple", -45], ["tiktok_ads", null]]);
    expect(alerts[1].task.title).toBe("Investigate TikTok attribution drift (n/a (Layers saw none) since 2026-03-09)");
  });

  it("DST: whether the 23h day 2026-03-08 is complete depends on the project time zone", () => {
    const r = rows({ "2026-03-07": [100, 200], "2026-03-08": [100, 200] });
    const beforeLaMidnight = new Date("2026-03-09T06:30:00Z"); // Mar 8 23:30 PDT, already Mar 9 in UTC
    expect(persistentDrift(r, beforeLaMidnight, { timeZone: LA })).toEqual([]);
    expect(persistentDrift(r, beforeLaMidnight, { timeZone: "UTC" })).toHaveLength(1);
    const laMidnight = new Date("2026-03-09T07:00:00Z"); // Mar 9 00:00 PDT
    expect(persistentDrift(r, laMidnight, { timeZone: LA }).map((a) => a.days)).toEqual([["2026-03-07", "2026-03-08"]]);
  });

  it("usual causes are exported as data", () => {
    expect(USUAL_DRIFT_CAUSES.map((c) => c.id)).toEqual(["time_zone", "attribution_window", "refresh_lag", "counted_differently"]);
  });
});
