// Wallet entries a person makes: a manual top-up charged through the payment provider, and refunds/adjustments.
// Each is keyed by a request id from the form, so a double submit posts once.
import type { Db } from "@/lib/db/client";
import { resolveOpenTasks } from "@/lib/db/queries/notifications";
import { appendLedgerTransaction, ensureWallet, getOrgProjects, getWallet, getWalletBalanceMinor } from "@/lib/db/queries/wallet";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/format";
import { buildAdjustment, buildRefund, buildTopUp, buildTopUpFailed, platformFeeMinor, type Actor, type ChargeResult, type PaymentProvider, type WalletTransaction } from "@/lib/wallet";
import { notifyOrgProjects, TOP_UP_FAILED_TASK } from "./wallet";

export type ManualTopUpResult =
  | { status: "succeeded"; walletId: string; transaction: WalletTransaction; chargedMinor: number; balanceMinor: number }
  | { status: "failed"; walletId: string; code: string; message: string };

export async function topUpWallet(
  db: Db,
  input: { orgId: string; currency: string; amountMinor: number; requestId: string; actor: Actor; actorLabel?: string; now: Date; provider: PaymentProvider },
): Promise<ManualTopUpResult> {
  const wallet = await ensureWallet(db, input.orgId, input.currency);
  const ref = { id: wallet.id, orgId: input.orgId, currency: wallet.currency };
  const key = `manual:${input.orgId}:${input.requestId}`;
  const feeMinor = platformFeeMinor(input.amountMinor);
  let result: ChargeResult;
  try {
    result = await input.provider.charge({ orgId: input.orgId, amountMinor: input.amountMinor + feeMinor, currency: wallet.currency, idempotencyKey: key });
  } catch (error) {
    result = { ok: false, code: "provider_error", message: error instanceof Error ? error.message : String(error) };
  }
  const base = { id: `topup:${key}`, orgId: input.orgId, currency: wallet.currency, occurredAt: input.now, actor: input.actor };
  if (!result.ok) {
    await appendLedgerTransaction(db, ref, buildTopUpFailed({ ...base, amountMinor: input.amountMinor, code: result.code, message: result.message, attempt: 1, memo: `Manual top-up failed: ${result.message}` }));
    return { status: "failed", walletId: wallet.id, code: result.code, message: result.message };
  }
  const tx = buildTopUp({ ...base, amountMinor: input.amountMinor, feeMinor, providerRef: result.providerRef, memo: "Manual top-up" });
  if ((await appendLedgerTransaction(db, ref, tx)) === "appended") {
    // The card just worked: a pending "fix the payment method" task is moot.
    await resolveOpenTasks({ projectIds: (await getOrgProjects(db, input.orgId)).map((p) => p.id), kind: TOP_UP_FAILED_TASK }, input.now, db);
    await notifyOrgProjects(db, input.orgId, (p) => ({
      kind: "wallet.top_up", dedupeKey: `${tx.id}:${p.id}`, createdAt: input.now,
      title: `Wallet topped up: ${formatMoney(input.amountMinor, wallet.currency)}`,
      body: `${input.actorLabel ?? "Someone"} added ${formatMoney(input.amountMinor, wallet.currency)} (card charged ${formatMoney(input.amountMinor + feeMinor, wallet.currency)} including the platform fee).`,
    }));
  }
  return { status: "succeeded", walletId: wallet.id, transaction: tx, chargedMinor: input.amountMinor + feeMinor, balanceMinor: await getWalletBalanceMinor(db, wallet.id) };
}

/** A refund credits the wallet; an adjustment moves it either way (negative = debit). Both need a reason. */
export async function recordWalletCorrection(
  db: Db,
  input: { orgId: string; kind: "refund" | "adjustment"; amountMinor: number; reason: string; requestId: string; actor: Actor; actorLabel?: string; now: Date },
) {
  const wallet = await getWallet(db, input.orgId);
  if (!wallet) throw new AppError("CONFLICT", "This organisation has no wallet yet: top it up first.");
  const ref = { id: wallet.id, orgId: input.orgId, currency: wallet.currency };
  const base = { orgId: input.orgId, currency: wallet.currency, occurredAt: input.now, actor: input.actor, amountMinor: input.amountMinor, reason: input.reason };
  const tx = input.kind === "refund"
    ? buildRefund({ ...base, id: `refund:${input.orgId}:${input.requestId}`, memo: `Refund: ${input.reason}` })
    : buildAdjustment({ ...base, id: `adjustment:${input.orgId}:${input.requestId}`, memo: `Adjustment: ${input.reason}` });
  if ((await appendLedgerTransaction(db, ref, tx)) === "appended") {
    const signed = formatMoney(input.amountMinor, wallet.currency);
    await notifyOrgProjects(db, input.orgId, (p) => ({
      kind: `wallet.${input.kind}`, dedupeKey: `${tx.id}:${p.id}`, createdAt: input.now,
      title: input.kind === "refund" ? `Wallet refund: ${signed}` : `Wallet adjustment: ${signed}`,
      body: `${input.actorLabel ?? "Someone"} recorded ${input.kind === "refund" ? "a refund" : "an adjustment"} of ${signed}: ${input.reason}`,
    }));
  }
  return { walletId: wallet.id, transaction: tx, balanceMinor: await getWalletBalanceMinor(db, wallet.id) };
}
