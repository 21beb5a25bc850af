/**
 * Pure token-bucket rate limiter. The caller stores `state` (per API key / app, e.g. in memory
 * or Redis) and passes `now`; nothing here reads a clock.
 *
 * The bucket holds at most `burst` tokens and refills continuously at `ratePerSec`. A request
 * costs 1 token (or `cost`). When denied, `retryAfterSeconds` is the whole number of seconds
 * until enough tokens exist (≥ 1) — use it for the `Retry-After` header of a 429 RATE_LIMITED.
 * A clock that goes backwards refills nothing (and never moves `updatedAtMs` back).
 */

export interface TokenBucketState {
  tokens: number;
  updatedAtMs: number;
}

export interface TokenBucketConfig {
  ratePerSec: number;
  burst: number;
}

export type TakeTokenResult =
  | { allowed: true; retryAfterSeconds: 0; remaining: number; state: TokenBucketState }
  | { allowed: false; retryAfterSeconds: number; remaining: number; state: TokenBucketState };

/** A new bucket starts full. */
export function initialBucket(now: Date | number, config: TokenBucketConfig): TokenBucketState {
  return { tokens: config.burst, updatedAtMs: typeof now === "number" ? now : now.getTime() };
}

/**
 * @param state previous state, or null/undefined for a caller never seen before (full bucket)
 * @throws RangeError for a non-positive rate/burst or a cost above `burst` (could never succeed)
 */
export function takeToken(
  state: TokenBucketState | null | undefined,
  now: Date | number,
  config: TokenBucketConfig,
  cost = 1,
): TakeTokenResult {
  const { ratePerSec, burst } = config;
  if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) throw new RangeError("ratePerSec must be a positive number");
  if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError("burst must be ≥ 1");
  if (!(cost > 0) || cost > burst) throw new RangeError(`cost must be in (0, burst]; got ${cost}`);

  const nowMs = typeof now === "number" ? now : now.getTime();
  const prev = state ?? initialBucket(nowMs, config);
  const elapsedMs = Math.max(0, nowMs - prev.updatedAtMs);
  const tokens = Math.min(burst, Math.max(0, prev.tokens) + (elapsedMs / 1000) * ratePerSec);
  const updatedAtMs = Math.max(prev.updatedAtMs, nowMs);

  if (tokens >= cost) {
    const left = tokens - cost;
    return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(left), state: { tokens: left, updatedAtMs } };
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((cost - tokens) / ratePerSec));
  return { allowed: false, retryAfterSeconds, remaining: 0, state: { tokens, updatedAtMs } };
}
