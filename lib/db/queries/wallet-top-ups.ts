// Auto top-up bookkeeping (TopUpAttempt rows are auto top-up attempts; manual top-ups live in the ledger only)
// and the wallet overview shown on the wallet page and the dashboard widget.
import { DEFAULT_RETRY_SCHEDULE_MS, runway, type Runway, type WalletTransaction } from "@/lib/wallet";
import type { Db } from "../client";
import { appendLedgerTransaction, firstSpendDay, getLastTopUp, getWallet, getWalletBalanceMinor, getWalletSpendByDay, type DbClient, type WalletRef } from "./wallet";

const DAY = 86_400_000;
/** A pending attempt older than this is assumed crashed: the same idempotency key is charged again (the provider dedups). */
const IN_FLIGHT_MS = 10 * 60_000;
export const AUTO_TOP_UP_SETTINGS_ACTION = "wallet.auto_top_up.updated";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface AutoTopUpState {
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  lastError: string | null;
  nextRetryAt: Date | null;
  chargeInFlight: boolean;
  /** Auto top-up credit bought since UTC midnight (the daily cap counts this). */
  toppedUpTodayMinor: number;
  /** Failures up to this moment are settled: a later top-up succeeded or an admin saved the settings. */
  settledAt: Date | null;
}

export async function getAutoTopUpState(db: DbClient, wallet: WalletRef, now: Date): Promise<AutoTopUpState> {
  const midnight = new Date(`${isoDay(now)}T00:00:00.000Z`);
  const [lastTopUp, lastSettings, today] = await Promise.all([
    db.ledgerTransaction.findFirst({ where: { walletId: wallet.id, kind: "top_up" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    db.auditLog.findFirst({ where: { orgId: wallet.orgId, action: AUTO_TOP_UP_SETTINGS_ACTION, resourceId: wallet.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    db.topUpAttempt.aggregate({ where: { walletId: wallet.id, status: "succeeded", createdAt: { gte: midnight } }, _sum: { amountMinor: true } }),
  ]);
  const settled = [lastTopUp?.createdAt, lastSettings?.createdAt].filter((d): d is Date => !!d);
  const settledAt = settled.length ? new Date(Math.max(...settled.map((d) => d.getTime()))) : null;
  const open = await db.topUpAttempt.findMany({
    where: { walletId: wallet.id, status: { in: ["failed", "pending"] }, ...(settledAt ? { createdAt: { gt: settledAt } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { status: true, createdAt: true, error: true, nextRetryAt: true },
  });
  const failures = open.filter((a) => a.status === "failed");
  return {
    consecutiveFailures: failures.length,
    lastFailureAt: failures[0]?.createdAt ?? null,
    lastError: failures[0]?.error ?? null,
    nextRetryAt: failures[0]?.nextRetryAt ?? null,
    chargeInFlight: open.some((a) => a.status === "pending" && now.getTime() - a.createdAt.getTime() < IN_FLIGHT_MS),
    toppedUpTodayMinor: today._sum.amountMinor ?? 0,
    settledAt,
  };
}

/** Records that a charge is about to start (idempotent per attempt id, so a crashed worker reuses its row). */
export async function startTopUpAttempt(db: DbClient, data: { id: string; walletId: string; amountMinor: number; attempt: number; now: Date }) {
  await db.topUpAttempt.upsert({
    where: { id: data.id },
    update: {},
    create: { id: data.id, walletId: data.walletId, amountMinor: data.amountMinor, attempt: data.attempt, status: "pending", createdAt: data.now },
  });
}

/** The charge's outcome and its ledger entry, together or not at all. */
export async function finishTopUpAttempt(
  db: Db,
  wallet: WalletRef,
  attemptId: string,
  outcome: { status: "succeeded"; providerRef: string } | { status: "failed"; error: string; nextRetryAt: Date | null },
  transaction: WalletTransaction,
) {
  await db.$transaction(async (tx) => {
    await appendLedgerTransaction(tx, wallet, transaction);
    await tx.topUpAttempt.update({
      where: { id: attemptId },
      data: outcome.status === "succeeded"
        ? { status: "succeeded", providerRef: outcome.providerRef, error: null, nextRetryAt: null }
        : { status: "failed", error: outcome.error, nextRetryAt: outcome.nextRetryAt },
    });
  });
}

export async function updateAutoTopUpSettings(
  db: DbClient,
  walletId: string,
  settings: { autoTopUpEnabled: boolean; thresholdMinor: number; topUpAmountMinor: number; dailyCapMinor: number },
) {
  return db.wallet.update({ where: { id: walletId }, data: settings });
}

export interface TopUpFailure {
  id: string;
  at: Date;
  amountMinor: number;
  attempt: number;
  error: string | null;
  nextRetryAt: Date | null;
  /** A later top-up succeeded or the settings were saved since. */
  settled: boolean;
}

export async function listTopUpFailures(db: DbClient, wallet: WalletRef, now: Date, days = 30): Promise<TopUpFailure[]> {
  const [rows, state] = await Promise.all([
    db.topUpAttempt.findMany({
      where: { walletId: wallet.id, status: "failed", createdAt: { gte: new Date(now.getTime() - days * DAY) } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    getAutoTopUpState(db, wallet, now),
  ]);
  return rows.map((r) => ({
    id: r.id, at: r.createdAt, amountMinor: r.amountMinor, attempt: r.attempt, error: r.error, nextRetryAt: r.nextRetryAt,
    settled: !!state.settledAt && r.createdAt.getTime() <= state.settledAt.getTime(),
  }));
}

export interface WalletOverview {
  walletId: string;
  currency: string;
  balanceMinor: number;
  runway: Runway;
  lastTopUp: { at: Date; amountMinor: number; description: string } | null;
  autoTopUp: {
    enabled: boolean;
    thresholdMinor: number | null;
    amountMinor: number | null;
    dailyCapMinor: number | null;
    /** The current failure streak, when the last auto top-up failed. */
    failing: { consecutiveFailures: number; lastError: string | null; nextRetryAt: Date | null; exhausted: boolean } | null;
  };
}

/** Balance, runway (balance ÷ average spend over the last 7 complete UTC days), last top-up, auto top-up status. */
export async function getWalletOverview(db: DbClient, orgId: string, now: Date): Promise<WalletOverview | null> {
  const wallet = await getWallet(db, orgId);
  if (!wallet) return null;
  const yesterday = isoDay(new Date(now.getTime() - DAY));
  const weekAgo = isoDay(new Date(now.getTime() - 7 * DAY));
  const [balanceMinor, spend, first, lastTopUp, state] = await Promise.all([
    getWalletBalanceMinor(db, wallet.id),
    getWalletSpendByDay(db, wallet.id, weekAgo, yesterday),
    firstSpendDay(db, wallet.id),
    getLastTopUp(db, wallet.id),
    getAutoTopUpState(db, wallet, now),
  ]);
  // A younger wallet averages over the days it has had spend, not over zeros before it existed.
  const window = first ? spend.filter((d) => d.day >= first).map((d) => d.spendMinor) : [];
  return {
    walletId: wallet.id,
    currency: wallet.currency,
    balanceMinor,
    runway: runway({ balanceMinor, dailySpendMinorLast7: window, now }),
    lastTopUp,
    autoTopUp: {
      enabled: wallet.autoTopUpEnabled,
      thresholdMinor: wallet.thresholdMinor,
      amountMinor: wallet.topUpAmountMinor,
      dailyCapMinor: wallet.dailyCapMinor,
      failing: state.consecutiveFailures > 0
        ? { consecutiveFailures: state.consecutiveFailures, lastError: state.lastError, nextRetryAt: state.nextRetryAt, exhausted: state.consecutiveFailures > DEFAULT_RETRY_SCHEDULE_MS.length }
        : null,
    },
  };
}
