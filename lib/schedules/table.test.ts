import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "./table";

describe("schedule table", () => {
  it("has unique ids and valid crons", () => {
    expect(new Set(SCHEDULES.map((s) => s.id)).size).toBe(SCHEDULES.length);
    for (const s of SCHEDULES) expect(() => new Cron(s.cron, { paused: true, timezone: "UTC" })).not.toThrow();
  });
  it("runs the optimizer every 6 hours, Apple Search Ads at :30", () => {
    const optimize = SCHEDULES.filter((s) => s.job === "ad-optimize");
    const apple = optimize.find((s) => s.scope.kind === "layer" && s.scope.platforms.includes("apple_search_ads"))!;
    const meta = optimize.find((s) => s.scope.kind === "layer" && s.scope.platforms.includes("meta"))!;
    expect(apple.cron).toBe("30 */6 * * *");
    expect(meta.cron).toBe("0 */6 * * *");
    const next = new Cron(apple.cron, { paused: true, timezone: "UTC" }).nextRuns(2, new Date("2026-11-23T00:00:00Z"));
    expect(next.map((d) => d.toISOString())).toEqual(["2026-11-23T00:30:00.000Z", "2026-11-23T06:30:00.000Z"]);
  });
  it("runs the watchdog every 2 hours and the content refresh every 15 minutes on every ad platform", () => {
    for (const job of ["watchdog", "content-refresh"] as const) {
      const platforms = SCHEDULES.filter((s) => s.job === job).flatMap((s) => (s.scope.kind === "layer" ? s.scope.platforms : []));
      expect(platforms.sort()).toEqual(["apple_search_ads", "meta", "tiktok"]);
    }
    expect(SCHEDULES.find((s) => s.job === "watchdog")!.cron).toBe("0 */2 * * *");
    expect(SCHEDULES.find((s) => s.job === "content-refresh")!.cron).toBe("*/15 * * * *");
  });
  it("staggers metrics sync 15 minutes per platform, every 6 hours", () => {
    const crons = SCHEDULES.filter((s) => s.job === "metrics-sync").map((s) => s.cron);
    expect(crons).toEqual(["0 */6 * * *", "15 */6 * * *", "30 */6 * * *"]);
  });
});
