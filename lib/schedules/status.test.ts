import { describe, expect, it } from "vitest";
import { scheduleStatuses } from "./status";
import { SCHEDULES } from "./table";

const now = new Date("2026-11-23T12:05:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("scheduleStatuses", () => {
  it("flags a loop whose last success is older than twice its cadence", () => {
    const rows = scheduleStatuses(SCHEDULES, [
      { kind: "watchdog", platform: "meta", last_success: ago(100), last_failure: null, last_failure_error: null },
      { kind: "metrics_sync", platform: "meta", last_success: ago(13 * 60), last_failure: ago(10), last_failure_error: "RateLimited: try later" },
    ], now);
    expect(rows.find((r) => r.id === "watchdog")!.overdue).toBe(false);
    const sync = rows.find((r) => r.id === "metrics-sync-meta")!;
    expect(sync.overdue).toBe(true);
    expect(sync.lastFailureError).toContain("RateLimited");
    expect(rows.find((r) => r.id === "metrics-sync-tiktok")!.overdue).toBe(true);
  });
  it("computes the next run from the cron in UTC", () => {
    const rows = scheduleStatuses(SCHEDULES, [], now);
    expect(rows.find((r) => r.id === "content-refresh")!.nextRun!.toISOString()).toBe("2026-11-23T12:15:00.000Z");
    expect(rows.find((r) => r.id === "ad-optimize-apple-search-ads")!.nextRun!.toISOString()).toBe("2026-11-23T12:30:00.000Z");
  });
});
