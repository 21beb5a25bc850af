import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, bucketByDay, bucketByPlatformDay, dayBounds, dayKey } from "./days";

const LA = "America/Los_Angeles";
const HOUR = 3_600_000;

describe("bucketByDay / dayKey (America/Los_Angeles DST)", () => {
  it("spring forward 2026-03-08 (23h day)", () => {
    const b = bucketByDay(
      [
        "2026-03-08T07:59:59Z", // Mar 7 23:59:59 PST
        "2026-03-08T08:00:00Z", // Mar 8 00:00 PST
        "2026-03-08T10:30:00Z", // Mar 8 03:30 PDT (02:00–03:00 does not exist)
        "2026-03-09T06:59:59Z", // Mar 8 23:59:59 PDT
        "2026-03-09T07:00:00Z", // Mar 9 00:00 PDT
      ],
      LA,
    );
    expect(b).toEqual({ "2026-03-07": 1, "2026-03-08": 3, "2026-03-09": 1 });
  });

  it("fall back 2026-11-01 (25h day, 01:xx happens twice)", () => {
    const b = bucketByDay(
      [
        new Date("2026-11-01T06:59:59Z"), // Oct 31 23:59:59 PDT
        new Date("2026-11-01T07:00:00Z"), // Nov 1 00:00 PDT
        new Date("2026-11-01T08:30:00Z"), // 01:30 PDT
        new Date("2026-11-01T09:30:00Z"), // 01:30 PST (again)
        Date.parse("2026-11-02T07:59:59Z"), // Nov 1 23:59:59 PST
        Date.parse("2026-11-02T08:00:00Z"), // Nov 2 00:00 PST
      ],
      LA,
    );
    expect(b).toEqual({ "2026-10-31": 1, "2026-11-01": 4, "2026-11-02": 1 });
  });

  it("the time zone changes the day (project tz vs UTC)", () => {
    const ts = ["2026-03-10T03:00:00Z", "2026-03-10T20:00:00Z"];
    expect(bucketByDay(ts, "UTC")).toEqual({ "2026-03-10": 2 });
    expect(bucketByDay(ts, LA)).toEqual({ "2026-03-09": 1, "2026-03-10": 1 });
    expect(bucketByDay(ts, "Asia/Tokyo")).toEqual({ "2026-03-10": 1, "2026-03-11": 1 });
  });

  it("bucketByPlatformDay groups per platform", () => {
    expect(
      bucketByPlatformDay(
        [
          { platform: "meta", at: "2026-03-09T06:59:59Z" },
          { platform: "meta", at: "2026-03-09T07:00:00Z" },
          { platform: "tiktok", at: new Date("2026-03-09T07:00:00Z") },
        ],
        LA,
      ),
    ).toEqual({ meta: { "2026-03-08": 1, "2026-03-09": 1 }, tiktok: { "2026-03-09": 1 } });
  });

  it("keys are sorted; empty input; invalid input throws", () => {
    expect(Object.keys(bucketByDay(["2026-01-03T12:00:00Z", "2026-01-01T12:00:00Z"], "UTC"))).toEqual(["2026-01-01", "2026-01-03"]);
    expect(bucketByDay([], LA)).toEqual({});
    expect(() => bucketByDay([], "Mars/Olympus")).toThrow(RangeError);
    expect(() => bucketByDay(["not a date"], "UTC")).toThrow(RangeError);
  });
});

describe("dayBounds", () => {
  const hours = (day: string, tz: string) => {
    const { start, end } = dayBounds(day, tz);
    return (end.getTime() - start.getTime()) / HOUR;
  };

  it("23h / 25h / 24h days in Los Angeles", () => {
    expect(dayBounds("2026-03-08", LA)).toEqual({ start: new Date("2026-03-08T08:00:00Z"), end: new Date("2026-03-09T07:00:00Z") });
    expect(hours("2026-03-08", LA)).toBe(23);
    expect(dayBounds("2026-11-01", LA)).toEqual({ start: new Date("2026-11-01T07:00:00Z"), end: new Date("2026-11-02T08:00:00Z") });
    expect(hours("2026-11-01", LA)).toBe(25);
    expect(hours("2026-03-10", LA)).toBe(24);
    expect(hours("2026-03-10", "UTC")).toBe(24);
  });

  it("a DST gap at midnight starts the day at 01:00 (São Paulo 2018-11-04)", () => {
    expect(dayBounds("2018-11-04", "America/Sao_Paulo").start.toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(hours("2018-11-04", "America/Sao_Paulo")).toBe(23);
  });

  it("addDays crosses months and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(() => addDays("2026-1-1", 1)).toThrow(RangeError);
  });

  it("property: every instant lies inside the bounds of its own day", () => {
    const zones = [LA, "UTC", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2015-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          const day = dayKey(ms, tz);
          const { start, end } = dayBounds(day, tz);
          expect(start.getTime()).toBeLessThanOrEqual(ms);
          expect(ms).toBeLessThan(end.getTime());
          expect(dayKey(start, tz)).toBe(day);
          expect(dayKey(end.getTime() - 1, tz)).toBe(day);
        },
      ),
      { numRuns: 300 },
    );
  });
});
