import type { Platform } from "./types";

/**
 * Typed platform errors. Every connector maps its own error envelope onto exactly one of these kinds,
 * so callers can decide what to do without knowing platform codes:
 *
 * - rate_limited     → back off (honour `retryAfterMs`), retry later
 * - platform_outage  → transient server/network failure, retry with backoff
 * - auth_expired     → stop; the user must reconnect the account
 * - not_found        → the entity is gone; stop acting on it
 * - invalid_request  → our request is wrong or not allowed; do not retry
 */
export type PlatformErrorKind = "rate_limited" | "auth_expired" | "not_found" | "invalid_request" | "platform_outage";

export interface PlatformErrorInit {
  platform: Platform;
  /** The platform's own error code (Meta `code`, TikTok `code`, Apple `error.code`), or an HTTP/network marker. */
  code?: string | number | null;
  subcode?: string | number | null;
  message: string;
  requestId?: string | null;
  httpStatus?: number | null;
  details?: unknown;
  cause?: unknown;
}

export abstract class PlatformError extends Error {
  abstract readonly kind: PlatformErrorKind;
  readonly platform: Platform;
  readonly code: string | number | null;
  readonly subcode: string | number | null;
  readonly requestId: string | null;
  readonly httpStatus: number | null;
  readonly details: unknown;

  constructor(init: PlatformErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.platform = init.platform;
    this.code = init.code ?? null;
    this.subcode = init.subcode ?? null;
    this.requestId = init.requestId ?? null;
    this.httpStatus = init.httpStatus ?? null;
    this.details = init.details;
  }

  /** True for the kinds `withRetry` retries. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "platform_outage";
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      platform: this.platform,
      code: this.code,
      subcode: this.subcode,
      message: this.message,
      requestId: this.requestId,
      httpStatus: this.httpStatus,
    };
  }
}

export class RateLimitedError extends PlatformError {
  readonly kind = "rate_limited" as const;
  /** How long the platform asked us to wait, when it said so; null → use exponential backoff. */
  readonly retryAfterMs: number | null;
  constructor(init: PlatformErrorInit & { retryAfterMs?: number | null }) {
    super(init);
    this.name = "RateLimitedError";
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

export class AuthExpiredError extends PlatformError {
  readonly kind = "auth_expired" as const;
  constructor(init: PlatformErrorInit) {
    super(init);
    this.name = "AuthExpiredError";
  }
}

export class NotFoundError extends PlatformError {
  readonly kind = "not_found" as const;
  constructor(init: PlatformErrorInit) {
    super(init);
    this.name = "NotFoundError";
  }
}

export class InvalidRequestError extends PlatformError {
  readonly kind = "invalid_request" as const;
  constructor(init: PlatformErrorInit) {
    super(init);
    this.name = "InvalidRequestError";
  }
}

export class PlatformOutageError extends PlatformError {
  readonly kind = "platform_outage" as const;
  constructor(init: PlatformErrorInit) {
    super(init);
    this.name = "PlatformOutageError";
  }
}

export function isPlatformError(err: unknown): err is PlatformError {
  return err instanceof PlatformError;
}

export function createPlatformError(
  kind: PlatformErrorKind,
  init: PlatformErrorInit & { retryAfterMs?: number | null },
): PlatformError {
  switch (kind) {
    case "rate_limited":
      return new RateLimitedError(init);
    case "auth_expired":
      return new AuthExpiredError(init);
    case "not_found":
      return new NotFoundError(init);
    case "invalid_request":
      return new InvalidRequestError(init);
    case "platform_outage":
      return new PlatformOutageError(init);
  }
}

// ---------------------------------------------------------------------------------------------
// Retry
// ---------------------------------------------------------------------------------------------

export interface RetryOptions {
  /** Total attempts including the first. Default 5. */
  maxAttempts?: number;
  /** First backoff step. Default 500 ms. */
  baseMs?: number;
  /** Cap for a single wait. Default 60 s. A platform `retryAfterMs` above this is not waited for: the error is rethrown so a scheduler can come back later. */
  maxMs?: number;
  /** Cap for the sum of all waits. Default 3 × maxMs. */
  budgetMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable for tests; returns [0, 1). */
  random?: () => number;
  /** Return false to stop retrying a particular error (e.g. not retrying outages of non-idempotent calls). */
  shouldRetry?: (err: PlatformError, attempt: number) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: PlatformError }) => void;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Computes the wait before the next attempt, or null when we should give up.
 * Exponential backoff with "equal jitter": half the step fixed, half random — so consecutive waits
 * always grow yet clients spread out. A platform-provided retryAfter wins when it is longer.
 */
export function computeBackoffMs(
  attempt: number,
  err: PlatformError,
  opts: { baseMs: number; maxMs: number; random: () => number },
): number | null {
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** (attempt - 1));
  const jittered = step / 2 + (step / 2) * opts.random();
  if (err instanceof RateLimitedError && err.retryAfterMs !== null) {
    if (err.retryAfterMs > opts.maxMs) return null;
    // a little jitter on top of the platform's figure, so many workers do not return at once
    return Math.min(opts.maxMs, Math.max(err.retryAfterMs + opts.random() * opts.baseMs, jittered));
  }
  return Math.round(jittered);
}

/**
 * Runs `fn`, retrying RateLimited / PlatformOutage errors with exponential backoff and jitter.
 * AuthExpired, InvalidRequest, NotFound and non-platform errors are thrown at once.
 * When attempts or the wait budget run out, the last error is thrown unchanged.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseMs = options.baseMs ?? 500;
  const maxMs = options.maxMs ?? 60_000;
  const budgetMs = options.budgetMs ?? maxMs * 3;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError("maxAttempts must be a positive integer");

  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isPlatformError(err) || !err.retryable) throw err;
      if (attempt >= maxAttempts) throw err;
      if (options.shouldRetry && !options.shouldRetry(err, attempt)) throw err;
      const delayMs = computeBackoffMs(attempt, err, { baseMs, maxMs, random });
      if (delayMs === null || waited + delayMs > budgetMs) throw err;
      options.onRetry?.({ attempt, delayMs, error: err });
      waited += delayMs;
      await sleep(delayMs);
    }
  }
}
