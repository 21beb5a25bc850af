import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialBucket, takeToken, type TokenBucketState } from "./rate-limit";

const cfg = { ratePerSec: 2, burst: 5 };

describe("takeToken", () => {
  it("allows a burst then denies with Retry-After", () => {
    let state: TokenBucketState | undefined;
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      const r = takeToken(state, t0, cfg);
      expect(r.allowed).toBe(true);
      state = r.state;
    }
    const denied = takeToken(state, t0, cfg);
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    // 0.5 s later one token (2/s) has refilled
    expect(takeToken(denied.state, t0 + 500, cfg).allowed).toBe(true);
  });

  it("refills up to burst only", () => {
    const s = { tokens: 0, updatedAtMs: 0 };
    const r = takeToken(s, new Date(3_600_000), cfg);
    expect(r.allowed).toBe(true);
    expect(r.state.tokens).toBe(4);
  });

  it("Retry-After rounds up to whole seconds, minimum 1", () => {
    const slow = { ratePerSec: 0.1, burst: 1 };
    const first = takeToken(undefined, 0, slow);
    expect(takeToken(first.state, 0, slow).retryAfterSeconds).toBe(10);
    expect(takeToken(first.state, 9_500, slow).retryAfterSeconds).toBe(1);
  });

  it("a clock going backwards refills nothing and does not rewind state", () => {
    const s = { tokens: 0, updatedAtMs: 10_000 };
    const r = takeToken(s, 5_000, cfg);
    expect(r.allowed).toBe(false);
    expect(r.state.updatedAtMs).toBe(10_000);
  });

  it("supports a cost and validates config", () => {
    const r = takeToken(initialBucket(0, cfg), 0, cfg, 5);
    expect(r.allowed).toBe(true);
    expect(() => takeToken(undefined, 0, cfg, 6)).toThrow(RangeError);
    expect(() => takeToken(undefined, 0, { ratePerSec: 0, burst: 5 })).toThrow(RangeError);
    expect(() => takeToken(undefined, 0, { ratePerSec: 1, burst: 0 })).toThrow(RangeError);
  });

  it("does not mutate the input state", () => {
    const s = Object.freeze({ tokens: 3, updatedAtMs: 0 });
    expect(() => takeToken(s, 100, cfg)).not.toThrow();
    expect(s.tokens).toBe(3);
  });

  it("property: over any request pattern, allowed ≤ burst + rate × elapsed, and a denied caller that waits Retry-After succeeds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        (gaps, rate, burst) => {
          const config = { ratePerSec: rate, burst };
          let t = 0;
          let state: TokenBucketState | undefined;
          let allowed = 0;
          for (const g of gaps) {
            t += g;
            const r = takeToken(state, t, config);
            if (r.allowed) allowed++;
            else expect(takeToken(r.state, t + r.retryAfterSeconds * 1000, config).allowed).toBe(true);
            state = r.state;
          }
          expect(allowed).toBeLessThanOrEqual(burst + (rate * t) / 1000 + 1e-9);
        },
      ),
    );
  });
});
