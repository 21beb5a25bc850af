/**
 * Auto top-up ("auto-reload"): when the available balance drops BELOW the threshold, charge the
 * saved card for the configured amount, never more than the daily cap per day.
 *
 * Failed charges are retried on a schedule measured from the last failure:
 *   DEFAULT_RETRY_SCHEDULE_MS = [15 min, 1 h, 4 h, 24 h]
 * i.e. attempt 2 at +15 min, 3 at +1 h, 4 at +4 h, 5 at +24 h after the previous failure.
 * After the schedule is exhausted (5 consecutive failures, ~29 h) we stop ("retries_exhausted")
 * until a human fixes the card; a success resets the failure count (the caller's state).
 *
 * The daily cap counts wallet credit (not the fee). If less than `amountMinor` is left under
 * the cap, the remainder is charged so ads keep running. "Today" is the caller's day (org or
 * project time zone): pass `toppedUpTodayMinor` for that day.
 */
import type { Actor, WalletTransaction } from "./ledger";
import { buildTopUp, buildTopUpFailed } from "./ledger";

const MIN = 60_000;
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([15 * MIN, 60 * MIN, 240 * MIN, 1440 * MIN]);
/** "A flat platform fee (currently 5%) is added" — /docs/organizations/wallet. */
export const DEFAULT_PLATFORM_FEE_PERCENT = 5;

export interface AutoTopUpInput {
  orgId: string;
  /** Default true. */
  enabled?: boolean;
  balanceMinor: number;
  thresholdMinor: number;
  amountMinor: number;
  dailyCapMinor: number;
  toppedUpTodayMinor: number;
  lastFailureAt: Date | null;
  /** Failures since the last success. Default: 1 when lastFailureAt is set, else 0. */
  consecutiveFailures?: number;
  retrySchedule?: readonly number[];
  /** A charge was started and its outcome is not recorded yet. */
  chargeInFlight?: boolean;
  now: Date;
}

export type AutoTopUpDecision =
  | { action: "none"; reason: "disabled" | "above_threshold" | "retries_exhausted" }
  | { action: "wait"; reason: "charge_in_flight" | "retry_backoff" | "daily_cap_reached"; retryAt: Date | null }
  | {
      action: "charge";
      reason: "below_threshold" | "retry_due";
      /** Wallet credit to buy (fee comes on top). */
      amountMinor: number;
      /** True when the daily cap reduced the amount. */
      capped: boolean;
      /** 1 = first try; n = (n−1) failures before. */
      attempt: number;
      /**
       * Stable for the same inputs, so a worker that crashes after charging and re-evaluates
       * reuses it and the provider dedups; a new attempt after a failure gets a new key.
       */
      idempotencyKey: string;
    };

function minor(name: string, n: number, allowZero: boolean): void {
  if (!Number.isSafeInteger(n) || n < 0 || (!allowZero && n === 0))
    throw new RangeError(`${name} must be a ${allowZero ? "non-negative" : "positive"} integer of minor units (got ${n})`);
}

export function decideAutoTopUp(input: AutoTopUpInput): AutoTopUpDecision {
  minor("amountMinor", input.amountMinor, false);
  minor("thresholdMinor", input.thresholdMinor, true);
  minor("dailyCapMinor", input.dailyCapMinor, true);
  minor("toppedUpTodayMinor", input.toppedUpTodayMinor, true);
  if (!Number.isSafeInteger(input.balanceMinor)) throw new RangeError("balanceMinor must be an integer");
  const schedule = input.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  const failures = input.consecutiveFailures ?? (input.lastFailureAt ? 1 : 0);

  if (input.enabled === false) return { action: "none", reason: "disabled" };
  if (input.balanceMinor >= input.thresholdMinor) return { action: "none", reason: "above_threshold" };
  if (input.chargeInFlight) return { action: "wait", reason: "charge_in_flight", retryAt: null };
  if (failures > schedule.length) return { action: "none", reason: "retries_exhausted" };
  if (failures > 0) {
    if (!input.lastFailureAt) throw new RangeError("consecutiveFailures > 0 needs lastFailureAt");
    const retryAt = new Date(input.lastFailureAt.getTime() + schedule[failures - 1]);
    if (input.now.getTime() < retryAt.getTime()) return { action: "wait", reason: "retry_backoff", retryAt };
  }
  const remaining = input.dailyCapMinor - input.toppedUpTodayMinor;
  if (remaining <= 0) return { action: "wait", reason: "daily_cap_reached", retryAt: null };
  const amountMinor = Math.min(input.amountMinor, remaining);
  const attempt = failures + 1;
  const day = input.now.toISOString().slice(0, 10);
  return {
    action: "charge",
    reason: failures > 0 ? "retry_due" : "below_threshold",
    amountMinor,
    capped: amountMinor < input.amountMinor,
    attempt,
    idempotencyKey: `autotopup:${input.orgId}:${day}:${input.toppedUpTodayMinor}:${attempt}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Payment provider

export interface ChargeRequest {
  orgId: string;
  /** What the card is charged (wallet credit + fee). */
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

export type ChargeResult = { ok: true; providerRef: string } | { ok: false; code: string; message: string };

export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export interface SimulatedPaymentProviderOptions {
  /** 1-based numbers of the distinct charges that fail (e.g. [3] = the third new charge is declined). */
  failOnCalls?: readonly number[];
  /** Custom rule; return a failure to decline. Evaluated after `failOnCalls`. */
  decline?: (request: ChargeRequest, callNumber: number) => { code: string; message: string } | null;
  /** Default failure for `failOnCalls`. */
  failure?: { code: string; message: string };
}

export interface SimulatedPaymentProvider extends PaymentProvider {
  /** Every distinct charge (by idempotency key) with its result, in order. */
  readonly charges: ReadonlyArray<{ request: ChargeRequest; result: ChargeResult }>;
}

/**
 * Deterministic in-memory provider for tests and local dev: refs are `sim_ch_<n>`, a repeated
 * idempotency key returns the first result without charging again (like Stripe).
 */
export function createSimulatedPaymentProvider(options: SimulatedPaymentProviderOptions = {}): SimulatedPaymentProvider {
  const byKey = new Map<string, ChargeResult>();
  const charges: Array<{ request: ChargeRequest; result: ChargeResult }> = [];
  const failure = options.failure ?? { code: "card_declined", message: "Your card was declined." };
  return {
    charges,
    async charge(request) {
      const seen = byKey.get(request.idempotencyKey);
      if (seen) return seen;
      const n = charges.length + 1;
      let result: ChargeResult;
      if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0)
        result = { ok: false, code: "invalid_amount", message: "Amount must be a positive integer" };
      else if (options.failOnCalls?.includes(n)) result = { ok: false, ...failure };
      else {
        const d = options.decline?.(request, n) ?? null;
        result = d ? { ok: false, ...d } : { ok: true, providerRef: `sim_ch_${n}` };
      }
      byKey.set(request.idempotencyKey, result);
      charges.push({ request: { ...request }, result });
      return result;
    },
  };
}

export function platformFeeMinor(amountMinor: number, feePercent = DEFAULT_PLATFORM_FEE_PERCENT): number {
  return Math.round((amountMinor * feePercent) / 100);
}

export interface NotificationPayload {
  title: string;
  body: string;
  severity: "info" | "warning" | "critical";
}

export type AutoTopUpExecution =
  | { status: "skipped"; decision: AutoTopUpDecision }
  | { status: "succeeded"; transaction: WalletTransaction; chargedMinor: number }
  | { status: "failed"; transaction: WalletTransaction; notification: NotificationPayload; nextRetryAt: Date | null };

/**
 * Runs a `charge` decision against the provider and returns the ledger entry to append
 * (`top_up` on success, `top_up_failed` on failure — a thrown provider error counts as a
 * failure). Transaction id = `topup:<idempotencyKey>`. `now` = when the outcome is recorded.
 */
export async function executeAutoTopUp(args: {
  decision: AutoTopUpDecision;
  provider: PaymentProvider;
  orgId: string;
  currency: string;
  now: Date;
  feePercent?: number;
  retrySchedule?: readonly number[];
  actor?: Actor;
}): Promise<AutoTopUpExecution> {
  const { decision } = args;
  if (decision.action !== "charge") return { status: "skipped", decision };
  const fee = platformFeeMinor(decision.amountMinor, args.feePercent);
  const chargedMinor = decision.amountMinor + fee;
  const actor = args.actor ?? { type: "system", id: "auto-top-up" };
  let result: ChargeResult;
  try {
    result = await args.provider.charge({ orgId: args.orgId, amountMinor: chargedMinor, currency: args.currency, idempotencyKey: decision.idempotencyKey });
  } catch (err) {
    result = { ok: false, code: "provider_error", message: err instanceof Error ? err.message : String(err) };
  }
  const base = { id: `topup:${decision.idempotencyKey}`, orgId: args.orgId, currency: args.currency, occurredAt: args.now, actor };
  if (result.ok) {
    return {
      status: "succeeded",
      chargedMinor,
      transaction: buildTopUp({
        ...base,
        amountMinor: decision.amountMinor,
        feeMinor: fee,
        providerRef: result.providerRef,
        memo: "Auto top-up",
        metadata: { idempotencyKey: decision.idempotencyKey, attempt: decision.attempt },
      }),
    };
  }
  const schedule = args.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  const delay = schedule[decision.attempt - 1];
  const nextRetryAt = delay === undefined ? null : new Date(args.now.getTime() + delay);
  return {
    status: "failed",
    nextRetryAt,
    transaction: buildTopUpFailed({
      ...base,
      amountMinor: decision.amountMinor,
      code: result.code,
      message: result.message,
      attempt: decision.attempt,
      metadata: { idempotencyKey: decision.idempotencyKey, nextRetryAt: nextRetryAt ? nextRetryAt.toISOString() : null },
    }),
    notification: {
      title: "Auto top-up failed",
      body:
        `Charging your card failed (${result.code}: ${result.message}). ` +
        (nextRetryAt
          ? `We will retry at ${nextRetryAt.toISOString()}. Update your payment method in Org → Wallet to avoid ads pausing.`
          : "No more automatic retries: update your payment method in Org → Wallet and top up manually to keep ads running."),
      severity: nextRetryAt ? "warning" : "critical",
    },
  };
}
