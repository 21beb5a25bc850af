// The stored ledger: atomic, append-only, balanced; the balance, running balance and history read back right.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createWalletOrg, postingSum } from "@/lib/jobs/wallet-test-fixtures";
import { buildAdjustment, buildRefund, buildSpendDrawdown, buildTopUp, LedgerError, walletBalance, type WalletTransaction } from "@/lib/wallet";
import { appendLedgerTransaction, getLedgerPage, getWallet, getWalletBalanceMinor, getWalletHistory, getWalletSpendByDay } from "./wallet";

const db = createDb(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());
const actor = { type: "system", id: "test" } as const;

async function walletOf(label: string) {
  const f = await createWalletOrg(db, label);
  const w = (await getWallet(db, f.orgId))!;
  return { f, ref: { id: w.id, orgId: f.orgId, currency: w.currency } };
}

describe("appendLedgerTransaction", () => {
  it("refuses an unbalanced or foreign transaction and writes nothing", async () => {
    const { f, ref } = await walletOf("reject");
    const good = buildTopUp({ id: "t1", orgId: f.orgId, currency: "USD", occurredAt: new Date(), actor, amountMinor: 1_000, feeMinor: 50, providerRef: "x" });
    const unbalanced: WalletTransaction = { ...good, id: "t-bad", postings: [{ account: "org_wallet", direction: "credit", amountMinor: 1_000 }, { account: "cash", direction: "debit", amountMinor: 999 }] };
    await expect(appendLedgerTransaction(db, ref, unbalanced)).rejects.toBeInstanceOf(LedgerError);
    await expect(appendLedgerTransaction(db, ref, { ...good, orgId: "another-org" })).rejects.toThrow(/belongs to org/);
    await expect(appendLedgerTransaction(db, ref, { ...good, currency: "EUR" })).rejects.toThrow(/currency/);
    expect(await db.ledgerTransaction.count({ where: { walletId: ref.id } })).toBe(0);
    expect(await db.ledgerPosting.count({ where: { transaction: { walletId: ref.id } } })).toBe(0);
  });

  it("is idempotent per id and never edits an entry", async () => {
    const { f, ref } = await walletOf("idem");
    const tx = buildTopUp({ id: "topup:abc", orgId: f.orgId, currency: "USD", occurredAt: new Date("2026-03-01T10:00:00Z"), actor, amountMinor: 10_000, feeMinor: 500, providerRef: "ch_1" });
    expect(await appendLedgerTransaction(db, ref, tx)).toBe("appended");
    expect(await appendLedgerTransaction(db, ref, { ...tx, occurredAt: new Date() })).toBe("duplicate");
    const changed = buildTopUp({ id: "topup:abc", orgId: f.orgId, currency: "USD", occurredAt: new Date(), actor, amountMinor: 20_000, providerRef: "ch_1" });
    await expect(appendLedgerTransaction(db, ref, changed)).rejects.toThrow(/different content/);
    const stored = await db.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: "topup:abc" }, include: { postings: true } });
    expect(stored.postings.map((p) => [p.account, p.amountMinor]).sort()).toEqual([["cash", 10_500n], ["platform_fees", -500n], ["wallet", -10_000n]]);
    expect(await getWalletBalanceMinor(db, ref.id)).toBe(10_000);
  });

  it("keeps every replayed sequence balanced: Σ postings = 0 and the stored balance equals lib/wallet's", async () => {
    const { f, ref } = await walletOf("replay");
    const entry = fc.oneof(
      fc.record({ kind: fc.constant("top_up" as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
      fc.record({ kind: fc.constant("spend" as const), amount: fc.integer({ min: 0, max: 200_000 }) }),
      fc.record({ kind: fc.constant("refund" as const), amount: fc.integer({ min: 1, max: 50_000 }) }),
      fc.record({ kind: fc.constant("adjustment" as const), amount: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0) }),
    );
    let run = 0;
    const appended: WalletTransaction[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), async (entries) => {
        run++;
        for (const [i, e] of entries.entries()) {
          const base = { orgId: f.orgId, currency: "USD", occurredAt: new Date(Date.UTC(2026, 2, 1, 0, run, i)), actor };
          const id = `r${run}-${i}`;
          const txs =
            e.kind === "top_up" ? [buildTopUp({ ...base, id, amountMinor: e.amount, feeMinor: Math.round(e.amount / 20), providerRef: id })]
            : e.kind === "refund" ? [buildRefund({ ...base, id, amountMinor: e.amount, reason: "test" })]
            : e.kind === "adjustment" ? [buildAdjustment({ ...base, id, amountMinor: e.amount, reason: "test" })]
            : buildSpendDrawdown({ ...base, source: id, dailySpendByDay: { "2026-03-01": e.amount } });
          for (const tx of txs) {
            await appendLedgerTransaction(db, ref, tx);
            appended.push(tx);
          }
        }
        expect(await postingSum(db, f.orgId)).toBe(0n);
        expect(await getWalletBalanceMinor(db, ref.id)).toBe(walletBalance(appended));
      }),
      { numRuns: 12 },
    );
  });
});

describe("ledger reads", () => {
  it("pages newest first with the running balance, and sums spend and history per day", async () => {
    const { f, ref } = await walletOf("pages");
    const base = { orgId: f.orgId, currency: "USD", actor };
    await appendLedgerTransaction(db, ref, buildTopUp({ ...base, id: "p-top", occurredAt: new Date("2026-03-01T09:00:00Z"), amountMinor: 100_000, feeMinor: 5_000, providerRef: "c" }));
    for (const [day, spend] of [["2026-03-01", 20_000], ["2026-03-02", 30_000], ["2026-03-03", 10_000]] as const) {
      for (const tx of buildSpendDrawdown({ ...base, occurredAt: new Date(`${day}T23:00:00Z`), source: "meta", dailySpendByDay: { [day]: spend } })) await appendLedgerTransaction(db, ref, tx);
    }
    const first = await getLedgerPage(db, ref.id, { take: 2 });
    expect(first.total).toBe(4);
    expect(first.lines.map((l) => [l.kind, l.amountMinor, l.balanceMinor])).toEqual([["ad_spend", -10_000, 40_000], ["ad_spend", -30_000, 50_000]]);
    const second = await getLedgerPage(db, ref.id, { take: 2, skip: 2 });
    expect(second.lines.map((l) => [l.kind, l.amountMinor, l.feeMinor, l.balanceMinor])).toEqual([["ad_spend", -20_000, 0, 80_000], ["top_up", 100_000, 5_000, 100_000]]);

    expect(await getWalletSpendByDay(db, ref.id, "2026-02-28", "2026-03-03")).toEqual([
      { day: "2026-02-28", spendMinor: 0 }, { day: "2026-03-01", spendMinor: 20_000 }, { day: "2026-03-02", spendMinor: 30_000 }, { day: "2026-03-03", spendMinor: 10_000 },
    ]);
    const history = await getWalletHistory(db, ref.id, new Date("2026-03-03T12:00:00Z"), 3);
    expect(history).toEqual([
      { day: "2026-03-01", balanceMinor: 80_000, spendMinor: 20_000, topUpsMinor: 100_000 },
      { day: "2026-03-02", balanceMinor: 50_000, spendMinor: 30_000, topUpsMinor: 0 },
      { day: "2026-03-03", balanceMinor: 40_000, spendMinor: 10_000, topUpsMinor: 0 },
    ]);
  });
});
