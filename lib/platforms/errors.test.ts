import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AuthExpiredError,
  computeBackoffMs,
  createPlatformError,
  InvalidRequestError,
  isPlatformError,
  NotFoundError,
  PlatformOutageError,
  RateLimitedError,
  withRetry,
  type PlatformError,
} from "./errors";

const outage = () => new PlatformOutageError({ platform: "meta", code: 2, message: "temporarily unavailable" });
const limited = (retryAfterMs: number | null = null) => new RateLimitedError({ platform: "tiktok", code: 40100, message: "slow down", retryAfterMs, requestId: "r1" });

function failingTimes(n: number, make: () => Error) {
  let calls = 0;
  const fn = async (attempt: number) => {
    calls++;
    if (attempt <= n) throw make();
    return `ok@${attempt}`;
  };
  return { fn, calls: () => calls };
}

describe("PlatformError", () => {
  it("carries platform, code, request id and kind", () => {
    const e = limited(1500);
    expect(e).toBeInstanceOf(Error);
    expect(isPlatformError(e)).toBe(true);
    expect(e).toMatchObject({ kind: "rate_limited", platform: "tiktok", code: 40100, requestId: "r1", retryAfterMs: 1500, retryable: true, name: "RateLimitedError" });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ kind: "rate_limited", code: 40100, message: "slow down" });
    expect(createPlatformError("not_found", { platform: "meta", message: "x" })).toBeInstanceOf(NotFoundError);
    expect(createPlatformError("auth_expired", { platform: "meta", message: "x" }).retryable).toBe(false);
    expect(isPlatformError(new Error("x"))).toBe(false);
  });
});

describe("withRetry", () => {
  it("retries outages and rate limits with growing backoff, then succeeds", async () => {
    const sleeps: number[] = [];
    const { fn, calls } = failingTimes(3, outage);
    const result = await withRetry(fn, { baseMs: 100, sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    expect(result).toBe("ok@4");
    expect(calls()).toBe(4);
    expect(sleeps).toEqual([50, 100, 200]); // equal jitter with random 0: half of 100, 200, 400
  });

  it("honours retryAfterMs when it is longer than the backoff step", async () => {
    const sleeps: number[] = [];
    const { fn } = failingTimes(1, () => limited(5000));
    await withRetry(fn, { baseMs: 100, sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    expect(sleeps).toEqual([5000]);
  });

  it.each([
    ["AuthExpired", () => new AuthExpiredError({ platform: "meta", code: 190, message: "expired" })],
    ["InvalidRequest", () => new InvalidRequestError({ platform: "meta", code: 100, message: "bad" })],
    ["NotFound", () => new NotFoundError({ platform: "apple_search_ads", message: "gone" })],
    ["a plain Error", () => new Error("bug")],
  ])("never retries %s", async (_name, make) => {
    const thrown = make();
    let calls = 0;
    const sleeps: number[] = [];
    const fn = async () => {
      calls++;
      throw thrown;
    };
    await expect(withRetry(fn, { sleep: async (ms) => void sleeps.push(ms) })).rejects.toBe(thrown);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("stops after maxAttempts and rethrows the last error", async () => {
    const errors: PlatformError[] = [];
    const fn = async () => {
      const e = outage();
      errors.push(e);
      throw e;
    };
    const err = await withRetry(fn, { maxAttempts: 3, sleep: async () => {} }).catch((e: unknown) => e);
    expect(errors).toHaveLength(3);
    expect(err).toBe(errors[2]);
  });

  it("does not wait for a retryAfter beyond maxMs (a scheduler retries later)", async () => {
    const sleeps: number[] = [];
    const { fn, calls } = failingTimes(1, () => limited(10 * 60_000));
    await expect(withRetry(fn, { maxMs: 60_000, sleep: async (ms) => void sleeps.push(ms) })).rejects.toBeInstanceOf(RateLimitedError);
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("respects the total wait budget", async () => {
    const sleeps: number[] = [];
    const { fn, calls } = failingTimes(10, () => limited(4000));
    await expect(withRetry(fn, { maxAttempts: 10, budgetMs: 10_000, sleep: async (ms) => void sleeps.push(ms), random: () => 0 })).rejects.toBeInstanceOf(RateLimitedError);
    expect(sleeps).toEqual([4000, 4000]);
    expect(calls()).toBe(3);
  });

  it("lets shouldRetry veto a retry", async () => {
    const { fn, calls } = failingTimes(1, outage);
    await expect(withRetry(fn, { sleep: async () => {}, shouldRetry: () => false })).rejects.toBeInstanceOf(PlatformOutageError);
    expect(calls()).toBe(1);
  });

  it("backoff stays within [step/2, step] and never exceeds maxMs (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 120_000 }), (attempt, r, baseMs, maxMs) => {
        const d = computeBackoffMs(attempt, outage(), { baseMs, maxMs, random: () => r });
        const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
        expect(d).not.toBeNull();
        expect(d!).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(d!).toBeLessThanOrEqual(Math.ceil(step));
        expect(d!).toBeLessThanOrEqual(maxMs);
      }),
    );
  });
});
