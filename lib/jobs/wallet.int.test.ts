// The wallet jobs against PostgreSQL: spend drawdown, auto top-up with a declined charge and its retry, replay.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { getLedgerPage, getWallet, getWalletBalanceMinor } from "@/lib/db/queries/wallet";
import { getWalletOverview } from "@/lib/db/queries/wallet-top-ups";
import { createSimulatedPaymentProvider } from "@/lib/wallet";
import { runAutoTopUp, syncWalletSpend } from "./wallet";
import { topUpWallet } from "./wallet-manual";
import { createWalletOrg, dayAfter, postingSum, reportSpend } from "./wallet-test-fixtures";

const db = createDb(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());
const MIN = 60_000;
const at = (day: string, time: string) => new Date(`${day}T${time}:00.000Z`);

describe("syncWalletSpend", () => {
  it("draws down ad-level spend once, posts only restatement deltas, and a re-run posts nothing", async () => {
    const f = await createWalletOrg(db, "sync", { walletCreatedAt: at("2026-03-01", "00:00") });
    await reportSpend(db, f, "2026-02-28", 99_999); // before the wallet existed: not drawn
    await reportSpend(db, f, "2026-03-01", 10_000);
    await reportSpend(db, f, "2026-03-02", 4_000); // partial day
    const first = await syncWalletSpend(db, f.orgId, at("2026-03-02", "06:00"));
    expect(first).toEqual({ status: "synced", posted: 2, spendDeltaMinor: 14_000, skippedLayers: [] });
    expect(await syncWalletSpend(db, f.orgId, at("2026-03-02", "06:30"))).toMatchObject({ posted: 0, spendDeltaMinor: 0 });

    await reportSpend(db, f, "2026-03-02", 9_000); // the day grows
    await reportSpend(db, f, "2026-03-01", 9_500); // the platform restates yesterday down
    expect(await syncWalletSpend(db, f.orgId, at("2026-03-02", "12:00"))).toMatchObject({ posted: 2, spendDeltaMinor: 4_500 });
    expect(await syncWalletSpend(db, f.orgId, at("2026-03-02", "12:30"))).toMatchObject({ posted: 0 });

    const wallet = (await getWallet(db, f.orgId))!;
    expect(await getWalletBalanceMinor(db, wallet.id)).toBe(-18_500);
    expect(await postingSum(db, f.orgId)).toBe(0n);
    const { lines } = await getLedgerPage(db, wallet.id);
    expect(lines.map((l) => `${l.description} ${l.amountMinor}`).sort()).toEqual([
      "Ad spend 2026-03-01 — Meta sync -10000",
      "Ad spend 2026-03-02 — Meta sync -4000",
      "Ad spend 2026-03-02 — Meta sync -5000",
      "Ad spend restated 2026-03-01 — Meta sync 500",
    ]);
    expect([lines[0].balanceMinor, lines[3].balanceMinor]).toEqual([-18_500, -10_000]);
    expect(lines.every((l) => l.actorType === "ad_platform" && l.actorId === "meta")).toBe(true);
  });

  it("does nothing for an org without a wallet", async () => {
    const f = await createWalletOrg(db, "nowallet", { wallet: null });
    await reportSpend(db, f, "2026-03-01", 10_000);
    expect(await syncWalletSpend(db, f.orgId, at("2026-03-02", "00:00"))).toEqual({ status: "no_wallet" });
  });
});

describe("runAutoTopUp", () => {
  it("a declined charge raises one task and one notification, waits out the backoff, and is retried later", async () => {
    const f = await createWalletOrg(db, "decline", { walletCreatedAt: at("2026-03-01", "00:00"), wallet: { thresholdMinor: 20_000, topUpAmountMinor: 30_000, dailyCapMinor: 60_000 } });
    const provider = createSimulatedPaymentProvider({ failOnCalls: [1, 2] });
    const t0 = at("2026-03-03", "10:00");

    const failed = await runAutoTopUp(db, f.orgId, t0, provider);
    expect(failed).toMatchObject({ status: "failed", nextRetryAt: new Date(t0.getTime() + 15 * MIN) });
    const countOf = async () => ({
      tasks: await db.task.count({ where: { projectId: f.projectId, kind: "wallet.top_up_failed", status: "open" } }),
      notifications: await db.notification.count({ where: { projectId: f.projectId, kind: "wallet.top_up_failed" } }),
      attempts: await db.topUpAttempt.count({ where: { wallet: { orgId: f.orgId } } }),
    });
    expect(await countOf()).toEqual({ tasks: 1, notifications: 1, attempts: 1 });
    const attempt = await db.topUpAttempt.findFirstOrThrow({ where: { wallet: { orgId: f.orgId } } });
    expect(attempt).toMatchObject({ status: "failed", attempt: 1, amountMinor: 30_000, nextRetryAt: new Date(t0.getTime() + 15 * MIN) });
    expect(attempt.error).toContain("card_declined");

    // Inside the backoff: nothing is charged or raised again.
    expect(await runAutoTopUp(db, f.orgId, new Date(t0.getTime() + 5 * MIN), provider)).toMatchObject({ status: "waiting", decision: { reason: "retry_backoff" } });
    expect(await countOf()).toEqual({ tasks: 1, notifications: 1, attempts: 1 });
    const overview = await getWalletOverview(db, f.orgId, new Date(t0.getTime() + 5 * MIN));
    expect(overview?.autoTopUp.failing).toMatchObject({ consecutiveFailures: 1, nextRetryAt: new Date(t0.getTime() + 15 * MIN), exhausted: false });

    // Retry 2 is declined too: a second notification, still one open task; retry 3 waits an hour.
    const t1 = new Date(t0.getTime() + 15 * MIN);
    expect(await runAutoTopUp(db, f.orgId, t1, provider)).toMatchObject({ status: "failed", nextRetryAt: new Date(t1.getTime() + 60 * MIN) });
    expect(await countOf()).toEqual({ tasks: 1, notifications: 2, attempts: 2 });
    expect(await runAutoTopUp(db, f.orgId, new Date(t1.getTime() + 30 * MIN), provider)).toMatchObject({ status: "waiting" });

    const t2 = new Date(t1.getTime() + 60 * MIN);
    expect(await runAutoTopUp(db, f.orgId, t2, provider)).toMatchObject({ status: "succeeded", chargedMinor: 31_500 });
    expect(await countOf()).toEqual({ tasks: 0, notifications: 2, attempts: 3 });
    expect(await db.task.findFirstOrThrow({ where: { projectId: f.projectId } })).toMatchObject({ status: "done", resolvedAt: t2 });
    expect(await db.notification.count({ where: { projectId: f.projectId, kind: "wallet.top_up_recovered" } })).toBe(1);
    const wallet = (await getWallet(db, f.orgId))!;
    expect(await getWalletBalanceMinor(db, wallet.id)).toBe(30_000);
    expect(provider.charges.map((c) => c.result.ok)).toEqual([false, false, true]);
    const kinds = (await getLedgerPage(db, wallet.id)).lines.map((l) => l.kind);
    expect(kinds).toEqual(["top_up", "top_up_failed", "top_up_failed"]);
    // Above the threshold now: nothing more.
    expect(await runAutoTopUp(db, f.orgId, new Date(t2.getTime() + MIN), provider)).toMatchObject({ status: "waiting", decision: { reason: "above_threshold" } });
  });

  it("skips a wallet with auto top-up off", async () => {
    const f = await createWalletOrg(db, "off", { wallet: { thresholdMinor: 20_000, topUpAmountMinor: 30_000, dailyCapMinor: 60_000, autoTopUpEnabled: false } });
    expect(await runAutoTopUp(db, f.orgId, new Date(), createSimulatedPaymentProvider())).toEqual({ status: "skipped", reason: "disabled" });
  });
});

describe("a month of spend and top-ups, replayed through the jobs", () => {
  it("ends at the expected balance with balanced books, one declined charge and its retry", async () => {
    const start = "2026-03-01";
    const f = await createWalletOrg(db, "month", { walletCreatedAt: at(start, "08:00"), wallet: { thresholdMinor: 20_000, topUpAmountMinor: 30_000, dailyCapMinor: 60_000 } });
    const spendFor = (d: number) => 8_000 + (d % 5) * 1_000;
    const cardProvider = createSimulatedPaymentProvider({ failOnCalls: [3] });
    const opening = await topUpWallet(db, { orgId: f.orgId, currency: "USD", amountMinor: 50_000, requestId: "opening-balance", actor: { type: "user", id: f.users.owner }, now: at(start, "09:00"), provider: createSimulatedPaymentProvider() });
    expect(opening).toMatchObject({ status: "succeeded", chargedMinor: 52_500, balanceMinor: 50_000 });

    let totalSpend = 0;
    for (let d = 1, day = start; d <= 31; d++, day = dayAfter(day)) {
      await reportSpend(db, f, day, Math.floor(spendFor(d) / 2));
      await syncWalletSpend(db, f.orgId, at(day, "06:00"));
      await reportSpend(db, f, day, spendFor(d));
      await syncWalletSpend(db, f.orgId, at(day, "12:00"));
      expect(await syncWalletSpend(db, f.orgId, at(day, "12:05"))).toMatchObject({ posted: 0 });
      totalSpend += spendFor(d);
      for (let t = at(day, "12:00").getTime(); t < at(day, "18:00").getTime(); t += 15 * MIN) {
        const outcome = await runAutoTopUp(db, f.orgId, new Date(t), cardProvider);
        if (outcome.status === "waiting" && outcome.decision.action === "none") break;
      }
    }

    const wallet = (await getWallet(db, f.orgId))!;
    const autoTopUps = await db.topUpAttempt.findMany({ where: { walletId: wallet.id }, orderBy: { createdAt: "asc" } });
    const succeeded = autoTopUps.filter((a) => a.status === "succeeded");
    const failed = autoTopUps.filter((a) => a.status === "failed");
    expect(failed).toHaveLength(1);
    const retry = autoTopUps[autoTopUps.indexOf(failed[0]) + 1];
    expect(retry).toMatchObject({ status: "succeeded", attempt: 2, createdAt: new Date(failed[0].createdAt.getTime() + 15 * MIN) });

    const expected = 50_000 + succeeded.length * 30_000 - totalSpend;
    expect(await getWalletBalanceMinor(db, wallet.id)).toBe(expected);
    expect(await postingSum(db, f.orgId)).toBe(0n);
    const ledger = await getLedgerPage(db, wallet.id, { take: 200 });
    expect(ledger.lines[0].balanceMinor).toBe(expected);
    expect(ledger.lines.filter((l) => l.kind === "ad_spend")).toHaveLength(62);
    expect(ledger.lines.filter((l) => l.kind === "top_up_failed")).toHaveLength(1);
    const fees = await db.ledgerPosting.aggregate({ where: { account: "platform_fees", transaction: { walletId: wallet.id } }, _sum: { amountMinor: true } });
    expect(fees._sum.amountMinor).toBe(BigInt(-(2_500 + succeeded.length * 1_500)));
    expect(await db.task.count({ where: { projectId: f.projectId, status: "open" } })).toBe(0);

    // Replaying the whole month's syncs again changes nothing.
    expect(await syncWalletSpend(db, f.orgId, at("2026-04-01", "00:00"))).toMatchObject({ posted: 0, spendDeltaMinor: 0 });
    expect(await getWalletBalanceMinor(db, wallet.id)).toBe(expected);
  });
});
