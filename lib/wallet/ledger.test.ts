import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountBalances,
  appendTransaction,
  assertBalanced,
  buildAdjustment,
  buildRefund,
  buildReversal,
  buildSpendDrawdown,
  buildTopUp,
  buildTopUpFailed,
  LedgerError,
  postedSpendByDay,
  signedAmount,
  summarizeLedger,
  validateTransaction,
  walletBalance,
  type Ledger,
  type WalletTransaction,
} from "./ledger";

const at = new Date("2026-03-01T12:00:00Z");
const base = { orgId: "org_1", currency: "USD", occurredAt: at, actor: { type: "user" as const, id: "user_1" } };

describe("builders", () => {
  it("top-up with fee: cash 105 = wallet 100 + fee 5", () => {
    const tx = buildTopUp({ ...base, id: "t1", amountMinor: 10_000, feeMinor: 500, providerRef: "ch_1" });
    expect(tx.postings).toEqual([
      { account: "cash", direction: "debit", amountMinor: 10_500 },
      { account: "org_wallet", direction: "credit", amountMinor: 10_000 },
      { account: "platform_fees", direction: "credit", amountMinor: 500 },
    ]);
    expect(walletBalance([tx])).toBe(10_000);
    expect(tx).toMatchObject({ kind: "top_up", actor: base.actor, occurredAt: at, memo: "Wallet top-up", metadata: { providerRef: "ch_1" } });
    expect(Object.isFrozen(tx) && Object.isFrozen(tx.postings) && Object.isFrozen(tx.postings[0])).toBe(true);
  });

  it("failed top-up moves no money", () => {
    const tx = buildTopUpFailed({ ...base, id: "f1", amountMinor: 5000, code: "card_declined", message: "Declined", attempt: 1 });
    expect(tx.postings).toEqual([]);
    expect(walletBalance([tx])).toBe(0);
    expect(tx.metadata).toMatchObject({ attemptedAmountMinor: 5000, code: "card_declined", attempt: 1 });
  });

  it("spend drawdown posts only deltas, including restatements, with idempotent ids", () => {
    const first = buildSpendDrawdown({ ...base, source: "meta_ads", dailySpendByDay: { "2026-03-02": 3000, "2026-03-01": 2000 } });
    expect(first.map((t) => t.id)).toEqual(["spend:org_1:meta_ads:2026-03-01:0", "spend:org_1:meta_ads:2026-03-02:0"]);
    expect(walletBalance(first)).toBe(-5000);
    // same sync again → nothing new
    const posted = postedSpendByDay(first, "meta_ads");
    expect(posted).toEqual({ "2026-03-01": { amountMinor: 2000, entries: 1 }, "2026-03-02": { amountMinor: 3000, entries: 1 } });
    expect(buildSpendDrawdown({ ...base, source: "meta_ads", dailySpendByDay: { "2026-03-01": 2000 }, alreadyPosted: posted })).toEqual([]);
    // day grows, then gets restated down
    const grow = buildSpendDrawdown({ ...base, source: "meta_ads", dailySpendByDay: { "2026-03-02": 4500 }, alreadyPosted: posted });
    expect(grow).toHaveLength(1);
    expect(grow[0].id).toBe("spend:org_1:meta_ads:2026-03-02:1");
    expect(walletBalance(grow)).toBe(-1500);
    const posted2 = postedSpendByDay([...first, ...grow], "meta_ads");
    const restate = buildSpendDrawdown({ ...base, source: "meta_ads", dailySpendByDay: { "2026-03-02": 3000 }, alreadyPosted: posted2 });
    expect(restate[0].postings).toEqual([
      { account: "ad_spend", direction: "debit", amountMinor: 1500 },
      { account: "org_wallet", direction: "credit", amountMinor: 1500 },
    ]);
    expect(grow[0].postings).toEqual([
      { account: "org_wallet", direction: "debit", amountMinor: 1500 },
      { account: "ad_spend", direction: "credit", amountMinor: 1500 },
    ]);
    expect(restate[0].id).toBe("spend:org_1:meta_ads:2026-03-02:2");
    expect(walletBalance([...first, ...grow, ...restate])).toBe(-5000);
    // another source is a separate stream
    expect(postedSpendByDay(first, "tiktok_ads")).toEqual({});
  });

  it("spend drawdown validates input", () => {
    expect(() => buildSpendDrawdown({ ...base, dailySpendByDay: { "03/01/2026": 1 } })).toThrow(RangeError);
    expect(() => buildSpendDrawdown({ ...base, dailySpendByDay: { "2026-03-01": -1 } })).toThrow(RangeError);
    expect(() => buildSpendDrawdown({ ...base, dailySpendByDay: { "2026-03-01": 1.5 } })).toThrow(RangeError);
  });

  it("refunds credit the wallet; adjustments go either way and need a reason", () => {
    expect(walletBalance([buildRefund({ ...base, id: "r1", amountMinor: 700, reason: "Meta invalid-activity credit" })])).toBe(700);
    expect(walletBalance([buildAdjustment({ ...base, id: "a1", amountMinor: 250, reason: "goodwill" })])).toBe(250);
    expect(walletBalance([buildAdjustment({ ...base, id: "a2", amountMinor: -250, reason: "double credit" })])).toBe(-250);
    expect(() => buildAdjustment({ ...base, id: "a3", amountMinor: 0, reason: "x" })).toThrow(RangeError);
    expect(() => buildAdjustment({ ...base, id: "a4", amountMinor: 5, reason: " " })).toThrow(RangeError);
    expect(() => buildRefund({ ...base, id: "r2", amountMinor: -5, reason: "x" })).toThrow(RangeError);
    expect(() => buildTopUp({ ...base, id: "t", amountMinor: 1.5, providerRef: "x" })).toThrow(RangeError);
  });

  it("reversal mirrors the original and points at it", () => {
    const tx = buildTopUp({ ...base, id: "t1", amountMinor: 1000, feeMinor: 50, providerRef: "ch" });
    const rev = buildReversal(tx, { id: "t1-rev", occurredAt: at, actor: { type: "user", id: "admin" }, reason: "chargeback" });
    expect(rev.reversesId).toBe("t1");
    expect(rev.kind).toBe("top_up");
    expect(walletBalance([tx, rev])).toBe(0);
    expect(Object.values(accountBalances([tx, rev])).every((v) => v === 0)).toBe(true);
    const failed = buildTopUpFailed({ ...base, id: "f", amountMinor: 1, code: "x", message: "y", attempt: 1 });
    expect(() => buildReversal(failed, { id: "x", occurredAt: at, actor: base.actor, reason: "r" })).toThrow(LedgerError);
  });
});

describe("assertBalanced / validateTransaction", () => {
  const good = buildRefund({ ...base, id: "r", amountMinor: 100, reason: "x" });
  it.each([
    ["unbalanced", { ...good, postings: [{ account: "refunds", direction: "debit", amountMinor: 100 }, { account: "org_wallet", direction: "credit", amountMinor: 99 }] }],
    ["negative amount", { ...good, postings: [{ account: "refunds", direction: "debit", amountMinor: -100 }, { account: "org_wallet", direction: "credit", amountMinor: -100 }] }],
    ["fractional amount", { ...good, postings: [{ account: "refunds", direction: "debit", amountMinor: 0.5 }, { account: "org_wallet", direction: "credit", amountMinor: 0.5 }] }],
    ["unknown account", { ...good, postings: [{ account: "bank", direction: "debit", amountMinor: 100 }, { account: "org_wallet", direction: "credit", amountMinor: 100 }] }],
    ["single posting", { ...good, postings: [] }],
    ["failed top-up with postings", { ...good, kind: "top_up_failed" }],
    ["lower-case currency", { ...good, currency: "usd" }],
    ["no actor", { ...good, actor: { type: "user", id: "" } }],
  ])("rejects %s", (_label, tx) => {
    expect(validateTransaction(tx as WalletTransaction).length).toBeGreaterThan(0);
    expect(() => assertBalanced(tx as WalletTransaction)).toThrow(LedgerError);
  });
  it("accepts a good one", () => {
    expect(validateTransaction(good)).toEqual([]);
  });
});

describe("appendTransaction (append-only)", () => {
  const t1 = buildTopUp({ ...base, id: "t1", amountMinor: 1000, providerRef: "ch" });
  it("appends immutably, treats identical re-append as duplicate, refuses edits", () => {
    const empty: Ledger = [];
    const a = appendTransaction(empty, t1);
    expect(a.status).toBe("appended");
    expect(empty).toHaveLength(0);
    expect(Object.isFrozen(a.ledger)).toBe(true);
    const again = appendTransaction(a.ledger, buildTopUp({ ...base, id: "t1", amountMinor: 1000, providerRef: "ch" }));
    expect(again).toEqual({ ledger: a.ledger, status: "duplicate" });
    expect(() => appendTransaction(a.ledger, buildTopUp({ ...base, id: "t1", amountMinor: 2000, providerRef: "ch" }))).toThrow(/never edited/);
    expect(() => appendTransaction(a.ledger, buildTopUp({ ...base, orgId: "org_2", id: "t2", amountMinor: 1, providerRef: "c" }))).toThrow(LedgerError);
    expect(() => appendTransaction(a.ledger, buildTopUp({ ...base, currency: "EUR", id: "t2", amountMinor: 1, providerRef: "c" }))).toThrow(LedgerError);
  });
  it("reversal must target an existing, not yet reversed entry", () => {
    const rev = buildReversal(t1, { id: "t1-rev", occurredAt: at, actor: base.actor, reason: "oops" });
    expect(() => appendTransaction([], rev)).toThrow(/not in the ledger/);
    const l = appendTransaction(appendTransaction([], t1).ledger, rev).ledger;
    const rev2 = buildReversal(t1, { id: "t1-rev2", occurredAt: at, actor: base.actor, reason: "again" });
    expect(() => appendTransaction(l, rev2)).toThrow(/already reversed/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property test

type Op =
  | { t: "top_up"; amount: number; fee: number }
  | { t: "spend"; day: number; reported: number }
  | { t: "refund"; amount: number }
  | { t: "adjust"; amount: number }
  | { t: "failed"; amount: number }
  | { t: "reverse"; pick: number };

const amount = fc.integer({ min: 1, max: 5_000_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant("top_up" as const), amount, fee: fc.integer({ min: 0, max: 250_000 }) }),
  fc.record({ t: fc.constant("spend" as const), day: fc.integer({ min: 1, max: 9 }), reported: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ t: fc.constant("refund" as const), amount }),
  fc.record({ t: fc.constant("adjust" as const), amount: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0) }),
  fc.record({ t: fc.constant("failed" as const), amount }),
  fc.record({ t: fc.constant("reverse" as const), pick: fc.nat() }),
);

describe("ledger invariants (property)", () => {
  it("every transaction balances, all postings sum to zero, balance = top-ups − spend + refunds ± adjustments", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        let ledger: Ledger = [];
        // independent model
        let topUps = 0, refunds = 0, adjustments = 0, fees = 0, failed = 0;
        const reportedByDay: Record<string, number> = {};
        const reversible: WalletTransaction[] = [];
        const reversed = new Set<string>();
        const effect = (tx: WalletTransaction, sign: 1 | -1) => {
          const w = tx.postings.find((p) => p.account === "org_wallet")!;
          const toWallet = (w.direction === "credit" ? w.amountMinor : -w.amountMinor) * sign;
          if (tx.kind === "top_up") { topUps += toWallet; fees += Number(tx.metadata.feeMinor) * sign; }
          else if (tx.kind === "refund") refunds += toWallet;
          else if (tx.kind === "adjustment") adjustments += toWallet;
        };
        const add = (tx: WalletTransaction) => {
          expect(validateTransaction(tx)).toEqual([]);
          ledger = appendTransaction(ledger, tx).ledger;
        };
        ops.forEach((op, i) => {
          const common = { ...base, occurredAt: new Date(at.getTime() + i * 60_000) };
          switch (op.t) {
            case "top_up": {
              const tx = buildTopUp({ ...common, id: `t${i}`, amountMinor: op.amount, feeMinor: op.fee, providerRef: `ch${i}` });
              add(tx); effect(tx, 1); reversible.push(tx); break;
            }
            case "refund": {
              const tx = buildRefund({ ...common, id: `r${i}`, amountMinor: op.amount, reason: "platform credit" });
              add(tx); effect(tx, 1); reversible.push(tx); break;
            }
            case "adjust": {
              const tx = buildAdjustment({ ...common, id: `a${i}`, amountMinor: op.amount, reason: "fix" });
              add(tx); effect(tx, 1); reversible.push(tx); break;
            }
            case "failed":
              add(buildTopUpFailed({ ...common, id: `f${i}`, amountMinor: op.amount, code: "card_declined", message: "no", attempt: 1 }));
              failed++;
              break;
            case "spend": {
              const day = `2026-03-0${op.day}`;
              reportedByDay[day] = op.reported;
              for (const tx of buildSpendDrawdown({ ...common, dailySpendByDay: { [day]: op.reported }, alreadyPosted: postedSpendByDay(ledger) })) add(tx);
              break;
            }
            case "reverse": {
              const candidates = reversible.filter((t) => !reversed.has(t.id));
              if (!candidates.length) break;
              const target = candidates[op.pick % candidates.length];
              const tx = buildReversal(target, { id: `${target.id}-rev`, occurredAt: common.occurredAt, actor: base.actor, reason: "undo" });
              add(tx); effect(target, -1); reversed.add(target.id); break;
            }
          }
        });
        const spend = Object.values(reportedByDay).reduce((a, b) => a + b, 0);
        const allPostings = ledger.flatMap((t) => t.postings);
        expect(allPostings.reduce((s, p) => s + signedAmount(p), 0)).toBe(0);
        expect(Object.values(accountBalances(ledger)).reduce((a, b) => a + b, 0)).toBe(0);
        expect(walletBalance(ledger)).toBe(topUps - spend + refunds + adjustments);
        expect(walletBalance(allPostings)).toBe(walletBalance(ledger));
        expect(summarizeLedger(ledger)).toEqual({
          topUpsMinor: topUps, spendMinor: spend, refundsMinor: refunds, adjustmentsMinor: adjustments,
          feesMinor: fees, failedTopUps: failed, balanceMinor: topUps - spend + refunds + adjustments,
        });
        expect(accountBalances(ledger).ad_spend + spend).toBe(0);
        // the cash account holds what customers paid (top-ups + fees)
        expect(accountBalances(ledger).cash).toBe(topUps + fees);
      }),
      { numRuns: 300 },
    );
  });
});
