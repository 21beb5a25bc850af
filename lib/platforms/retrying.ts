import { RateLimitedError, withRetry, type RetryOptions } from "./errors";
import type { AdPlatformClient, ChangeResult, EntityChange } from "./types";

/**
 * Wraps every method of a client in `withRetry`.
 *
 * `createAd` is only retried on RateLimited (the platform refused the call, so nothing was created);
 * an outage or network failure during creation may have created the ad, so it is surfaced to the
 * caller, which retries later with the same idempotency key.
 * `applyChanges` is retried as a whole only when the whole call failed; per-item failures are returned.
 */
export function withRetryClient(client: AdPlatformClient, options: RetryOptions = {}): AdPlatformClient {
  const run = <T>(fn: () => Promise<T>, extra?: Partial<RetryOptions>) => withRetry(() => fn(), { ...options, ...extra });
  const wrapped: AdPlatformClient = {
    platform: client.platform,
    listEntities: () => run(() => client.listEntities()),
    fetchDailyMetrics: (range, level) => run(() => client.fetchDailyMetrics(range, level)),
    pause: (id, level) => run(() => client.pause(id, level)),
    resume: (id, level) => run(() => client.resume(id, level)),
    setDailyBudget: (id, level, amount) => run(() => client.setDailyBudget(id, level, amount)),
    setBid: (id, level, amount) => run(() => client.setBid(id, level, amount)),
    createAd: (input) =>
      run(() => client.createAd(input), {
        shouldRetry: (err, attempt) => err instanceof RateLimitedError && (options.shouldRetry?.(err, attempt) ?? true),
      }),
    getAccountHealth: () => run(() => client.getAccountHealth()),
  };
  if (client.applyChanges) {
    const bulk = client.applyChanges.bind(client);
    wrapped.applyChanges = (changes: EntityChange[]): Promise<ChangeResult[]> => run(() => bulk(changes));
  }
  return wrapped;
}
