import { describe, expect, it } from "vitest";
import { createSimulatedPaymentProvider, decideAutoTopUp, executeAutoTopUp } from "./auto-top-up";
import {
  accountBalances,
  appendTransaction,
  buildSpendDrawdown,
  buildTopUp,
  postedSpendByDay,
  signedAmount,
  summarizeLedger,
  walletBalance,
  type Ledger,
} from "./ledger";
import { runway } from "./runway";

const ORG = "org_acme";
const CUR = "USD";
const MIN = 60_000;
const config = { thresholdMinor: 20_000, amountMinor: 30_000, dailyCapMinor: 60_000 };
const spendFor = (d: number) => 8_000 + (d % 5) * 1_000; // $80–$120 a day

describe("a month of daily spend with auto top-ups (one declined)", () => {
  it("replays March 2026", async () => {
    // the 3rd distinct charge is declined
    const provider = createSimulatedPaymentProvider({ failOnCalls: [3] });
    let ledger: Ledger = [];
    const append = (tx: Parameters<typeof appendTransaction>[1]) => {
      ledger = appendTransaction(ledger, tx).ledger;
    };
    append(buildTopUp({ id: "manual:1", orgId: ORG, currency: CUR, occurredAt: new Date("2026-03-01T09:00:00Z"), actor: { type: "user", id: "owner" }, amountMinor: 50_000, feeMinor: 2_500, providerRef: "ch_manual" }));

    let consecutiveFailures = 0;
    let lastFailureAt: Date | null = null;
    const decisions: string[] = [];
    let totalSpend = 0;
    let minBalance = Infinity;

    for (let d = 1; d <= 31; d++) {
      const day = `2026-03-${String(d).padStart(2, "0")}`;
      const noon = new Date(`${day}T12:00:00Z`);
      // metrics sync: the platform reports the day's spend (twice: morning partial, noon total)
      for (const [hour, reported] of [[6, Math.floor(spendFor(d) / 2)], [12, spendFor(d)]] as const) {
        const txs = buildSpendDrawdown({ orgId: ORG, currency: CUR, occurredAt: new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`), actor: { type: "ad_platform", id: "meta_ads" }, source: "meta_ads", dailySpendByDay: { [day]: reported }, alreadyPosted: postedSpendByDay(ledger, "meta_ads") });
        txs.forEach(append);
        // re-running the same sync posts nothing
        expect(buildSpendDrawdown({ orgId: ORG, currency: CUR, occurredAt: noon, actor: { type: "ad_platform", id: "meta_ads" }, source: "meta_ads", dailySpendByDay: { [day]: reported }, alreadyPosted: postedSpendByDay(ledger, "meta_ads") })).toEqual([]);
      }
      totalSpend += spendFor(d);
      minBalance = Math.min(minBalance, walletBalance(ledger));

      // auto top-up scheduler ticks every 15 minutes from noon to midnight
      let toppedUpToday = 0;
      for (let t = noon.getTime(); t < noon.getTime() + 12 * 60 * MIN; t += 15 * MIN) {
        const now = new Date(t);
        const decision = decideAutoTopUp({ orgId: ORG, ...config, balanceMinor: walletBalance(ledger), toppedUpTodayMinor: toppedUpToday, lastFailureAt, consecutiveFailures, now });
        if (decision.action === "none" && decision.reason === "above_threshold") break;
        decisions.push(`${now.toISOString()} ${decision.action}:${decision.reason}`);
        const result = await executeAutoTopUp({ decision, provider, orgId: ORG, currency: CUR, now });
        if (result.status === "succeeded") {
          append(result.transaction);
          toppedUpToday += decision.action === "charge" ? decision.amountMinor : 0;
          consecutiveFailures = 0;
          lastFailureAt = null;
        } else if (result.status === "failed") {
          append(result.transaction);
          consecutiveFailures++;
          lastFailureAt = now;
        }
      }
    }

    // --- the declined charge and its retry
    const failed = ledger.filter((t) => t.kind === "top_up_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0].postings).toEqual([]);
    const failedAt = failed[0].occurredAt.getTime();
    const i = decisions.findIndex((s) => s.startsWith(failed[0].occurredAt.toISOString()));
    expect(decisions.slice(i, i + 2)).toEqual([
      `${new Date(failedAt).toISOString()} charge:below_threshold`,
      `${new Date(failedAt + 15 * MIN).toISOString()} charge:retry_due`,
    ]);
    const retry = ledger.find((t) => t.kind === "top_up" && t.occurredAt.getTime() === failedAt + 15 * MIN);
    expect(retry?.metadata.attempt).toBe(2);

    // --- money
    const autoTopUps = ledger.filter((t) => t.kind === "top_up" && t.id.startsWith("topup:"));
    expect(provider.charges.filter((c) => c.result.ok)).toHaveLength(autoTopUps.length);
    expect(provider.charges.every((c) => c.request.amountMinor === 31_500)).toBe(true);
    const expectedBalance = 50_000 + autoTopUps.length * 30_000 - totalSpend;
    expect(walletBalance(ledger)).toBe(expectedBalance);
    expect(summarizeLedger(ledger)).toEqual({
      topUpsMinor: 50_000 + autoTopUps.length * 30_000,
      spendMinor: totalSpend,
      refundsMinor: 0,
      adjustmentsMinor: 0,
      feesMinor: 2_500 + autoTopUps.length * 1_500,
      failedTopUps: 1,
      balanceMinor: expectedBalance,
    });
    expect(ledger.flatMap((t) => t.postings).reduce((s, p) => s + signedAmount(p), 0)).toBe(0);
    expect(accountBalances(ledger).cash).toBe(52_500 + autoTopUps.length * 31_500);
    // the wallet never ran dry: spend never outran auto top-up
    expect(minBalance).toBeGreaterThan(0);
    // 62 spend entries (partial + final per day)
    expect(ledger.filter((t) => t.kind === "ad_spend")).toHaveLength(62);

    // --- runway at month end from the last 7 days of spend
    const last7 = Array.from({ length: 7 }, (_, k) => spendFor(25 + k));
    const r = runway({ balanceMinor: walletBalance(ledger), dailySpendMinorLast7: last7 });
    expect(r.days).toBeCloseTo(expectedBalance / (last7.reduce((a, b) => a + b, 0) / 7), 10);
  });
});
