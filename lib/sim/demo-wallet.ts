// The demo wallet's history, replayed through the real jobs so it is exactly what production would have written:
// an opening top-up, a daily spend drawdown from the seeded metrics, auto top-ups (one declined, then retried
// 6 hours later), a platform refund and a recent manual top-up. Deterministic for a given `now`.
import type { Db } from "@/lib/db/client";
import { createSimulatedPaymentProvider } from "@/lib/wallet";
import { topUpWallet, recordWalletCorrection } from "@/lib/jobs/wallet-manual";
import { runAutoTopUp, syncWalletSpend } from "@/lib/jobs/wallet";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const at = (day: string, time: string) => new Date(`${day}T${time}:00.000Z`);
const addDays = (day: string, n: number) => isoDay(new Date(at(day, "00:00").getTime() + n * DAY));

/** Days before `now` at which the first auto top-up charge is declined. */
const DECLINE_DAYS_AGO = 18;

export async function seedDemoWallet(db: Db, orgId: string, options: { now: Date }) {
  const { now } = options;
  const range = await db.dailyMetric.aggregate({ where: { entity: { layer: { project: { orgId } } } }, _min: { date: true }, _max: { date: true } });
  const firstDay = range._min.date ? isoDay(range._min.date) : isoDay(now);
  const lastDay = range._max.date ? isoDay(range._max.date) : isoDay(now);
  const members = await db.membership.findMany({ where: { orgId, role: { in: ["owner", "admin"] } }, select: { userId: true, role: true, user: { select: { name: true, email: true } } } });
  const person = (role: "owner" | "admin") => {
    const m = members.find((x) => x.role === role) ?? members[0];
    return m ? { actor: { type: "user" as const, id: m.userId }, actorLabel: m.user.name ?? m.user.email } : { actor: { type: "system" as const, id: "demo-seed" }, actorLabel: "Layers" };
  };

  // The wallet existed before the first day of spend; settings as the demo seed configured them.
  await db.wallet.upsert({
    where: { orgId },
    update: { createdAt: at(firstDay, "08:00") },
    create: { orgId, currency: "USD", autoTopUpEnabled: true, thresholdMinor: 200_000, topUpAmountMinor: 500_000, dailyCapMinor: 1_500_000, createdAt: at(firstDay, "08:00") },
  });
  const wallet = await db.wallet.findUniqueOrThrow({ where: { orgId } });

  const declineFrom = isoDay(new Date(now.getTime() - DECLINE_DAYS_AGO * DAY));
  let declined = false;
  const provider = createSimulatedPaymentProvider({
    decline: (request) => {
      const day = request.idempotencyKey.split(":")[2] ?? "";
      if (declined || !request.idempotencyKey.startsWith("autotopup:") || day < declineFrom) return null;
      declined = true;
      return { code: "card_declined", message: "Your card was declined (insufficient funds)." };
    },
  });

  await topUpWallet(db, { orgId, currency: wallet.currency, amountMinor: 1_000_000, requestId: "demo-opening", ...person("owner"), now: at(firstDay, "09:00"), provider });
  const refundDay = addDays(firstDay, 25);
  const manualDay = addDays(lastDay, -1);
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    // The nightly sync posts the finished day; the scheduler's ticks top up after it and retry a decline.
    await syncWalletSpend(db, orgId, new Date(Math.min(at(next, "00:30").getTime(), now.getTime())), { throughDay: day });
    for (const tick of ["00:35", "06:35"]) {
      if (at(next, tick).getTime() > now.getTime()) break;
      await runAutoTopUp(db, orgId, at(next, tick), provider);
    }
    if (day === refundDay) {
      await recordWalletCorrection(db, { orgId, kind: "refund", amountMinor: 12_000, reason: "Meta invalid-activity credit", requestId: "demo-refund", ...person("owner"), now: at(day, "16:20") });
    }
    if (day === manualDay) {
      await topUpWallet(db, { orgId, currency: wallet.currency, amountMinor: 1_000_000, requestId: "demo-weekend", ...person("admin"), now: at(day, "15:10"), provider });
    }
  }
}
