import { describe, expect, it } from "vitest";
import {
  createSimulatedPaymentProvider,
  decideAutoTopUp,
  DEFAULT_RETRY_SCHEDULE_MS,
  executeAutoTopUp,
  platformFeeMinor,
  type AutoTopUpInput,
  type PaymentProvider,
} from "./auto-top-up";
import { walletBalance } from "./ledger";

const now = new Date("2026-03-10T12:00:00Z");
const MIN = 60_000;
const input: AutoTopUpInput = {
  orgId: "org_1",
  balanceMinor: 15_000,
  thresholdMinor: 20_000,
  amountMinor: 30_000,
  dailyCapMinor: 60_000,
  toppedUpTodayMinor: 0,
  lastFailureAt: null,
  now,
};

describe("decideAutoTopUp", () => {
  it("charges when the balance is below the threshold", () => {
    expect(decideAutoTopUp(input)).toEqual({
      action: "charge",
      reason: "below_threshold",
      amountMinor: 30_000,
      capped: false,
      attempt: 1,
      idempotencyKey: "autotopup:org_1:2026-03-10:0:1",
    });
  });

  it("does nothing at or above the threshold, or when disabled", () => {
    expect(decideAutoTopUp({ ...input, balanceMinor: 20_000 })).toEqual({ action: "none", reason: "above_threshold" });
    expect(decideAutoTopUp({ ...input, balanceMinor: 19_999 }).action).toBe("charge");
    expect(decideAutoTopUp({ ...input, enabled: false })).toEqual({ action: "none", reason: "disabled" });
  });

  it("respects the daily cap: partial charge, then wait", () => {
    expect(decideAutoTopUp({ ...input, toppedUpTodayMinor: 50_000 })).toMatchObject({ action: "charge", amountMinor: 10_000, capped: true });
    expect(decideAutoTopUp({ ...input, toppedUpTodayMinor: 60_000 })).toEqual({ action: "wait", reason: "daily_cap_reached", retryAt: null });
    expect(decideAutoTopUp({ ...input, dailyCapMinor: 0 }).action).toBe("wait");
  });

  it("waits while a charge is in flight", () => {
    expect(decideAutoTopUp({ ...input, chargeInFlight: true })).toEqual({ action: "wait", reason: "charge_in_flight", retryAt: null });
  });

  it("retries failures on the 15m / 1h / 4h / 24h schedule, then stops", () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([15 * MIN, 60 * MIN, 240 * MIN, 1440 * MIN]);
    DEFAULT_RETRY_SCHEDULE_MS.forEach((delay, i) => {
      const failures = i + 1;
      const lastFailureAt = new Date(now.getTime() - delay + 1);
      const waiting = decideAutoTopUp({ ...input, consecutiveFailures: failures, lastFailureAt });
      expect(waiting).toEqual({ action: "wait", reason: "retry_backoff", retryAt: new Date(now.getTime() + 1) });
      const due = decideAutoTopUp({ ...input, consecutiveFailures: failures, lastFailureAt: new Date(now.getTime() - delay) });
      expect(due).toMatchObject({ action: "charge", reason: "retry_due", attempt: failures + 1 });
    });
    expect(decideAutoTopUp({ ...input, consecutiveFailures: 5, lastFailureAt: new Date(0) })).toEqual({ action: "none", reason: "retries_exhausted" });
    // lastFailureAt alone counts as one failure
    expect(decideAutoTopUp({ ...input, lastFailureAt: new Date(now.getTime() - 5 * MIN) })).toMatchObject({ action: "wait", reason: "retry_backoff" });
    // custom schedule
    expect(decideAutoTopUp({ ...input, retrySchedule: [MIN], consecutiveFailures: 2, lastFailureAt: new Date(0) }).action).toBe("none");
  });

  it("a recovered balance stops retries", () => {
    expect(decideAutoTopUp({ ...input, balanceMinor: 25_000, consecutiveFailures: 5, lastFailureAt: now }).action).toBe("none");
  });

  it("validates", () => {
    expect(() => decideAutoTopUp({ ...input, amountMinor: 0 })).toThrow(RangeError);
    expect(() => decideAutoTopUp({ ...input, thresholdMinor: -1 })).toThrow(RangeError);
    expect(() => decideAutoTopUp({ ...input, balanceMinor: 1.5 })).toThrow(RangeError);
    expect(() => decideAutoTopUp({ ...input, consecutiveFailures: 1 })).toThrow(RangeError);
  });
});

describe("executeAutoTopUp + simulated provider", () => {
  const decision = decideAutoTopUp(input);

  it("success: charges amount + 5% fee and returns a top_up entry", async () => {
    const provider = createSimulatedPaymentProvider();
    const r = await executeAutoTopUp({ decision, provider, orgId: "org_1", currency: "USD", now });
    expect(r.status).toBe("succeeded");
    if (r.status !== "succeeded") return;
    expect(r.chargedMinor).toBe(31_500);
    expect(provider.charges[0].request).toEqual({ orgId: "org_1", amountMinor: 31_500, currency: "USD", idempotencyKey: "autotopup:org_1:2026-03-10:0:1" });
    expect(r.transaction).toMatchObject({ id: "topup:autotopup:org_1:2026-03-10:0:1", kind: "top_up", metadata: { providerRef: "sim_ch_1", feeMinor: 1500 } });
    expect(walletBalance([r.transaction])).toBe(30_000);
  });

  it("the simulated provider is idempotent per key", async () => {
    const provider = createSimulatedPaymentProvider();
    const req = { orgId: "o", amountMinor: 100, currency: "USD", idempotencyKey: "k" };
    expect(await provider.charge(req)).toEqual(await provider.charge(req));
    expect(provider.charges).toHaveLength(1);
    expect(await provider.charge({ ...req, idempotencyKey: "k2", amountMinor: 0 })).toMatchObject({ ok: false, code: "invalid_amount" });
  });

  it("failure: a top_up_failed entry, next retry time and a notification", async () => {
    const provider = createSimulatedPaymentProvider({ failOnCalls: [1] });
    const r = await executeAutoTopUp({ decision, provider, orgId: "org_1", currency: "USD", now });
    expect(r.status).toBe("failed");
    if (r.status !== "failed") return;
    expect(r.transaction).toMatchObject({ kind: "top_up_failed", postings: [], metadata: { code: "card_declined", attempt: 1 } });
    expect(r.nextRetryAt?.toISOString()).toBe("2026-03-10T12:15:00.000Z");
    expect(r.notification).toMatchObject({ title: "Auto top-up failed", severity: "warning" });
  });

  it("last attempt failing is critical; a throwing provider counts as a failure", async () => {
    const throwing: PaymentProvider = { charge: async () => { throw new Error("network down"); } };
    const last = decideAutoTopUp({ ...input, consecutiveFailures: 4, lastFailureAt: new Date(0) });
    const r = await executeAutoTopUp({ decision: last, provider: throwing, orgId: "org_1", currency: "USD", now });
    expect(r.status).toBe("failed");
    if (r.status !== "failed") return;
    expect(r.transaction.metadata).toMatchObject({ code: "provider_error", message: "network down", attempt: 5 });
    expect(r.nextRetryAt).toBeNull();
    expect(r.notification.severity).toBe("critical");
  });

  it("non-charge decisions are skipped", async () => {
    const provider = createSimulatedPaymentProvider();
    const r = await executeAutoTopUp({ decision: { action: "none", reason: "above_threshold" }, provider, orgId: "o", currency: "USD", now });
    expect(r.status).toBe("skipped");
    expect(provider.charges).toHaveLength(0);
  });

  it("platform fee rounds half up", () => {
    expect(platformFeeMinor(10_000)).toBe(500);
    expect(platformFeeMinor(10)).toBe(1);
    expect(platformFeeMinor(9)).toBe(0);
    expect(platformFeeMinor(1000, 2.9)).toBe(29);
  });
});
