// The demo wallet history: built by the real jobs from the seeded metrics, deterministic, balanced, idempotent.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { getLedgerPage, getWallet, getWalletBalanceMinor } from "@/lib/db/queries/wallet";
import { getWalletOverview } from "@/lib/db/queries/wallet-top-ups";
import { createWalletOrg, dayAfter, postingSum, reportSpend } from "@/lib/jobs/wallet-test-fixtures";
import { seedDemoWallet } from "./demo-wallet";

const db = createDb(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());
const now = new Date("2026-03-01T12:00:00Z");
const FIRST_DAY = "2025-12-31";
const spendFor = (d: number) => 200_000 + ((d * 7_919) % 60_000);

async function demoOrg(label: string) {
  const f = await createWalletOrg(db, label, { wallet: { thresholdMinor: 200_000, topUpAmountMinor: 500_000, dailyCapMinor: 1_500_000 } });
  let total = 0;
  for (let d = 0, day = FIRST_DAY; d < 60; d++, day = dayAfter(day)) {
    await reportSpend(db, f, day, spendFor(d));
    total += spendFor(d);
  }
  return { f, total };
}

async function shape(orgId: string) {
  const wallet = (await getWallet(db, orgId))!;
  const { lines } = await getLedgerPage(db, wallet.id, { take: 200 });
  return lines.map((l) => `${l.at.toISOString()} ${l.kind} ${l.amountMinor} ${l.balanceMinor}`);
}

describe("seedDemoWallet", () => {
  it("replays 60 days: opening and manual top-ups, daily drawdowns, auto top-ups with one decline retried, a refund", async () => {
    const { f, total } = await demoOrg("demo-1");
    await seedDemoWallet(db, f.orgId, { now });
    const wallet = (await getWallet(db, f.orgId))!;
    const { lines } = await getLedgerPage(db, wallet.id, { take: 200 });

    expect(lines.filter((l) => l.kind === "ad_spend")).toHaveLength(60);
    expect(-lines.filter((l) => l.kind === "ad_spend").reduce((s, l) => s + l.amountMinor, 0)).toBe(total);
    const topUps = lines.filter((l) => l.kind === "top_up");
    const manual = topUps.filter((l) => l.actorType === "user");
    expect(manual.map((l) => l.amountMinor)).toEqual([1_000_000, 1_000_000]);
    expect(lines.filter((l) => l.kind === "refund").map((l) => l.amountMinor)).toEqual([12_000]);
    const topUpSum = topUps.reduce((s, l) => s + l.amountMinor, 0);
    expect(await getWalletBalanceMinor(db, wallet.id)).toBe(topUpSum + 12_000 - total);
    expect(await postingSum(db, f.orgId)).toBe(0n);

    const failed = lines.filter((l) => l.kind === "top_up_failed");
    expect(failed).toHaveLength(1);
    const attempts = await db.topUpAttempt.findMany({ where: { walletId: wallet.id }, orderBy: { createdAt: "asc" } });
    const i = attempts.findIndex((a) => a.status === "failed");
    expect(attempts[i + 1]).toMatchObject({ status: "succeeded", attempt: 2, createdAt: new Date(attempts[i].createdAt.getTime() + 6 * 3_600_000) });
    expect(await db.task.findMany({ where: { projectId: f.projectId }, select: { status: true } })).toEqual([{ status: "done" }]);
    const kinds = (await db.notification.findMany({ where: { projectId: f.projectId }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((n) => n.kind);
    expect(kinds).toEqual(["wallet.top_up", "wallet.refund", "wallet.top_up_failed", "wallet.top_up_recovered", "wallet.top_up"]);

    const overview = await getWalletOverview(db, f.orgId, now);
    expect(overview?.autoTopUp.failing).toBeNull();
    expect(overview?.lastTopUp?.at.getTime()).toBe(Math.max(...topUps.map((l) => l.at.getTime())));
    expect(overview?.runway.days).toBeGreaterThan(0);
  });

  it("is deterministic for the same metrics and `now`, and a re-run adds nothing", async () => {
    const one = await demoOrg("demo-2");
    const two = await demoOrg("demo-3");
    await seedDemoWallet(db, one.f.orgId, { now });
    await seedDemoWallet(db, two.f.orgId, { now });
    const first = await shape(one.f.orgId);
    expect(await shape(two.f.orgId)).toEqual(first);
    await seedDemoWallet(db, one.f.orgId, { now });
    expect(await shape(one.f.orgId)).toEqual(first);
  });
});
