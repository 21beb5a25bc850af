import { describe, expect, it } from "vitest";
import { applyChanges } from "./changes";
import { InvalidRequestError, NotFoundError, PlatformOutageError, RateLimitedError, withRetry } from "./errors";
import { createMemoryClient } from "./memory";
import { withRetryClient } from "./retrying";
import type { PlatformEntity } from "./types";

const base = { learning: false, dailyBudgetMinor: null, bidMinor: null, createdAt: new Date("2025-01-01T00:00:00Z") };
const entities: PlatformEntity[] = [
  { ...base, platformId: "c1", level: "campaign", parentPlatformId: null, name: "C", status: "active" },
  { ...base, platformId: "s1", level: "adset", parentPlatformId: "c1", name: "S", status: "active", dailyBudgetMinor: 2000 },
  { ...base, platformId: "a1", level: "ad", parentPlatformId: "s1", name: "A", status: "active", creativeRef: "cr1" },
];

describe("InMemoryPlatformClient", () => {
  it("stores entities and applies mutations", async () => {
    const c = createMemoryClient({ entities });
    await c.pause("a1", "ad");
    await c.setDailyBudget("s1", "adset", 3500);
    await c.setBid("s1", "adset", 120);
    expect(c.getEntity("a1")?.status).toBe("paused");
    expect(c.getEntity("s1")).toMatchObject({ dailyBudgetMinor: 3500, bidMinor: 120 });
    await c.resume("a1", "ad");
    expect((await c.listEntities()).find((e) => e.platformId === "a1")?.status).toBe("active");
    expect(c.calls.map((x) => x.method)).toEqual(["pause", "setDailyBudget", "setBid", "resume", "listEntities"]);
    expect(c.calls[1].args).toEqual(["s1", "adset", 3500]);
  });

  it("returns copies, so callers cannot mutate its state", async () => {
    const c = createMemoryClient({ entities });
    const list = await c.listEntities();
    list[0].name = "changed";
    expect(c.getEntity("c1")?.name).toBe("C");
  });

  it("rejects unknown entities, wrong levels and invalid amounts", async () => {
    const c = createMemoryClient({ entities });
    await expect(c.pause("nope", "ad")).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.pause("s1", "ad")).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.setDailyBudget("s1", "adset", 0)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setBid("s1", "adset", 1.5)).rejects.toThrow(RangeError);
    expect(c.calls.every((x) => x.outcome !== "ok")).toBe(true);
  });

  it("filters metrics by range and level (default ad / keyword)", async () => {
    const row = (platformId: string, level: "ad" | "adset" | "keyword", date: string) => ({
      platformId, level, date, spendMinor: 100, impressions: 10, clicks: 1, installs: 0, conversions: 0, revenueMinor: null, frequency: null,
    });
    const c = createMemoryClient({ metrics: [row("a1", "ad", "2025-01-02"), row("a1", "ad", "2025-01-05"), row("s1", "adset", "2025-01-02")] });
    expect((await c.fetchDailyMetrics({ from: "2025-01-01", to: "2025-01-03" })).map((r) => r.date)).toEqual(["2025-01-02"]);
    expect(await c.fetchDailyMetrics({ from: "2025-01-01", to: "2025-01-03" }, "adset")).toHaveLength(1);
    const apple = createMemoryClient({ platform: "apple_search_ads", metrics: [row("k1", "keyword", "2025-01-02")] });
    expect(await apple.fetchDailyMetrics({ from: "2025-01-02", to: "2025-01-02" })).toHaveLength(1);
  });

  it("creates ads idempotently under their ad set", async () => {
    const c = createMemoryClient({ entities, now: () => new Date("2025-02-01T00:00:00Z") });
    const input = { adsetPlatformId: "s1", creativeRef: "cr2", name: "New", idempotencyKey: "k" };
    const a = await c.createAd(input);
    const b = await c.createAd(input);
    expect(a).toEqual(b);
    expect(c.getEntity(a.platformId)).toMatchObject({ level: "ad", parentPlatformId: "s1", creativeRef: "cr2", learning: true, status: "active" });
    expect([...c.entities.values()].filter((e) => e.level === "ad")).toHaveLength(2);
  });

  it("fails a given call with a given error, N times, then recovers", async () => {
    const c = createMemoryClient({ entities });
    const err = new RateLimitedError({ platform: "meta", code: 17, message: "limit", retryAfterMs: 10 });
    c.failOn("pause", err, 2);
    await expect(c.pause("a1", "ad")).rejects.toBe(err);
    await expect(c.pause("a1", "ad")).rejects.toBe(err);
    await c.pause("a1", "ad");
    expect(c.callsTo("pause").map((x) => x.outcome === "ok")).toEqual([false, false, true]);

    const sleeps: number[] = [];
    c.failOn("getAccountHealth", new PlatformOutageError({ platform: "meta", message: "down" }));
    const wrapped = withRetryClient(c, { sleep: async (ms) => void sleeps.push(ms), random: () => 0, baseMs: 10 });
    expect((await wrapped.getAccountHealth()).status).toBe("ok");
    expect(sleeps).toEqual([5]);
  });

  it("can fail selectively by argument and report partial failures", async () => {
    const c = createMemoryClient({ entities: [...entities, { ...entities[2], platformId: "a2" }], bulk: true });
    c.failAlways("pause", (args) => (args[0] === "a2" ? new InvalidRequestError({ platform: "meta", code: 100, message: "no" }) : null));
    const results = await applyChanges(c, [
      { kind: "pause", platformId: "a1", level: "ad" },
      { kind: "pause", platformId: "a2", level: "ad" },
      { kind: "set_daily_budget", platformId: "s1", level: "adset", amountMinor: 999 },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(c.calls.map((x) => x.method)).toEqual(["applyChanges", "pause", "pause", "setDailyBudget"]);
    expect(c.getEntity("a2")?.status).toBe("active");
  });

  it("the retrying wrapper does not retry createAd on outages (it may have been created)", async () => {
    const c = createMemoryClient({ entities });
    c.failOn("createAd", new PlatformOutageError({ platform: "meta", code: "timeout", message: "timed out" }));
    const wrapped = withRetryClient(c, { sleep: async () => {} });
    await expect(wrapped.createAd({ adsetPlatformId: "s1", creativeRef: "x", name: "n", idempotencyKey: "k" })).rejects.toBeInstanceOf(PlatformOutageError);
    expect(c.callsTo("createAd")).toHaveLength(1);
    c.failOn("createAd", new RateLimitedError({ platform: "meta", message: "limit" }));
    await wrapped.createAd({ adsetPlatformId: "s1", creativeRef: "x", name: "n", idempotencyKey: "k" });
    expect(c.callsTo("createAd")).toHaveLength(3);
    await expect(withRetry(async () => 1, {})).resolves.toBe(1);
  });
});
