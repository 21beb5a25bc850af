// Wallet jobs (load → decide with lib/wallet → persist): spend drawdown from synced metrics and auto top-up with
// retries. Both are safe to re-run and to run concurrently: every ledger entry has a deterministic id.
import { getOrgLayerSpendByDay, getOrgProjects, getWallet, getWalletBalanceMinor, loadSpendTransactions, appendLedgerTransaction } from "@/lib/db/queries/wallet";
import { finishTopUpAttempt, getAutoTopUpState, startTopUpAttempt } from "@/lib/db/queries/wallet-top-ups";
import { hasOpenTask, notify, openTask, resolveOpenTasks } from "@/lib/db/queries/notifications";
import type { Db } from "@/lib/db/client";
import { formatDateTime, formatMoney } from "@/lib/format";
import {
  buildSpendDrawdown, createSimulatedPaymentProvider, decideAutoTopUp, executeAutoTopUp, postedSpendByDay,
  type AutoTopUpDecision, type PaymentProvider, type WalletTransaction,
} from "@/lib/wallet";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const TOP_UP_FAILED_TASK = "wallet.top_up_failed";

/**
 * The payment provider the app charges. Layers has no real processor wired yet, so it is the deterministic
 * simulated one, shared by every bundle of the process (its idempotency memory must be one).
 */
export function getPaymentProvider(): PaymentProvider {
  const g = globalThis as unknown as { layersPaymentProvider?: PaymentProvider };
  g.layersPaymentProvider ??= createSimulatedPaymentProvider();
  return g.layersPaymentProvider;
}

export async function notifyOrgProjects(
  db: Db,
  orgId: string,
  build: (project: { id: string; timezone: string }) => { kind: string; title: string; body: string; dedupeKey?: string; createdAt?: Date },
) {
  for (const project of await getOrgProjects(db, orgId)) {
    await notify({ projectId: project.id, link: `/p/${project.id}/wallet`, ...build(project) }, db);
  }
}

export type SpendSyncResult =
  | { status: "no_wallet" }
  | { status: "synced"; posted: number; spendDeltaMinor: number; skippedLayers: string[] };

/**
 * Draws the wallet down by the platform-reported spend of every layer of the org since the wallet exists, one stream
 * of deltas per layer (so a removed layer never "refunds" its history). Posts only differences against the ledger:
 * a re-run posts nothing, a restated day posts the correction. `throughDay` (YYYY-MM-DD) bounds the replay (seed).
 */
export async function syncWalletSpend(db: Db, orgId: string, now: Date, options: { throughDay?: string } = {}): Promise<SpendSyncResult> {
  const wallet = await getWallet(db, orgId);
  if (!wallet) return { status: "no_wallet" };
  const ref = { id: wallet.id, orgId, currency: wallet.currency };
  const [rows, posted] = await Promise.all([
    getOrgLayerSpendByDay(db, orgId, isoDay(wallet.createdAt), options.throughDay ?? isoDay(now)),
    loadSpendTransactions(db, ref),
  ]);
  const layers = new Map<string, { name: string; platform: string; currency: string; days: Record<string, number> }>();
  for (const r of rows) {
    const layer = layers.get(r.layerId) ?? { name: r.layerName, platform: r.platform, currency: r.currency, days: {} };
    layer.days[r.day] = r.spendMinor;
    layers.set(r.layerId, layer);
  }
  let count = 0;
  let spendDeltaMinor = 0;
  const skippedLayers: string[] = [];
  for (const [layerId, layer] of layers) {
    // A layer billed in another currency cannot be drawn from this wallet without an FX rate we do not have.
    if (layer.currency !== wallet.currency) {
      skippedLayers.push(layerId);
      continue;
    }
    const txs = buildSpendDrawdown({
      orgId, currency: wallet.currency, occurredAt: now, actor: { type: "ad_platform", id: layer.platform },
      dailySpendByDay: layer.days, alreadyPosted: postedSpendByDay(posted, layerId), source: layerId,
    });
    for (const tx of txs) {
      const delta = Number(tx.metadata.deltaMinor);
      const memo = `${delta > 0 ? "Ad spend" : "Ad spend restated"} ${tx.metadata.spendDate} — ${layer.name}`;
      if ((await appendLedgerTransaction(db, ref, { ...tx, memo })) === "appended") {
        count++;
        spendDeltaMinor += delta;
      }
    }
  }
  return { status: "synced", posted: count, spendDeltaMinor, skippedLayers };
}

export type AutoTopUpResult =
  | { status: "skipped"; reason: "no_wallet" | "disabled" | "not_configured" }
  | { status: "waiting"; decision: AutoTopUpDecision }
  | { status: "succeeded"; transaction: WalletTransaction; chargedMinor: number }
  | { status: "failed"; transaction: WalletTransaction; nextRetryAt: Date | null };

/**
 * One auto top-up tick: decideAutoTopUp on the current balance and failure streak → charge → ledger entry and
 * TopUpAttempt together. A failure notifies every project of the org and opens one task per failure streak; the
 * retry happens on a later tick when lib/wallet's schedule says it is due. A success closes the streak's tasks.
 */
export async function runAutoTopUp(db: Db, orgId: string, now: Date, provider: PaymentProvider): Promise<AutoTopUpResult> {
  const wallet = await getWallet(db, orgId);
  if (!wallet) return { status: "skipped", reason: "no_wallet" };
  if (!wallet.autoTopUpEnabled) return { status: "skipped", reason: "disabled" };
  if (!wallet.topUpAmountMinor || wallet.thresholdMinor === null) return { status: "skipped", reason: "not_configured" };
  const ref = { id: wallet.id, orgId, currency: wallet.currency };
  const [balanceMinor, state] = await Promise.all([getWalletBalanceMinor(db, wallet.id), getAutoTopUpState(db, ref, now)]);
  const decision = decideAutoTopUp({
    orgId, balanceMinor, thresholdMinor: wallet.thresholdMinor, amountMinor: wallet.topUpAmountMinor,
    // No cap configured: at most one top-up a day rather than unlimited charges.
    dailyCapMinor: wallet.dailyCapMinor ?? wallet.topUpAmountMinor,
    toppedUpTodayMinor: state.toppedUpTodayMinor, lastFailureAt: state.lastFailureAt, consecutiveFailures: state.consecutiveFailures,
    chargeInFlight: state.chargeInFlight, now,
  });
  if (decision.action !== "charge") return { status: "waiting", decision };

  const attemptId = `attempt:${decision.idempotencyKey}`;
  await startTopUpAttempt(db, { id: attemptId, walletId: wallet.id, amountMinor: decision.amountMinor, attempt: decision.attempt, now });
  const execution = await executeAutoTopUp({ decision, provider, orgId, currency: wallet.currency, now });
  if (execution.status === "skipped") return { status: "waiting", decision };
  const tx = execution.transaction;
  const projects = await getOrgProjects(db, orgId);

  if (execution.status === "succeeded") {
    await finishTopUpAttempt(db, ref, attemptId, { status: "succeeded", providerRef: String(tx.metadata.providerRef) }, tx);
    const resolved = await resolveOpenTasks({ projectIds: projects.map((p) => p.id), kind: TOP_UP_FAILED_TASK }, now, db);
    if (decision.attempt > 1 || resolved > 0) {
      await notifyOrgProjects(db, orgId, (p) => ({
        kind: "wallet.top_up_recovered", dedupeKey: `${tx.id}:${p.id}`, createdAt: now,
        title: "Auto top-up succeeded on retry",
        body: `Attempt ${decision.attempt} charged ${formatMoney(execution.chargedMinor, wallet.currency)} and added ${formatMoney(decision.amountMinor, wallet.currency)} to the wallet.`,
      }));
    }
    return { status: "succeeded", transaction: tx, chargedMinor: execution.chargedMinor };
  }

  await finishTopUpAttempt(db, ref, attemptId, { status: "failed", error: `${tx.metadata.code}: ${tx.metadata.message}`, nextRetryAt: execution.nextRetryAt }, tx);
  const amount = formatMoney(decision.amountMinor, wallet.currency);
  for (const project of projects) {
    const when = execution.nextRetryAt ? `We retry automatically at ${formatDateTime(execution.nextRetryAt, project.timezone)}.` : "No more automatic retries.";
    await notify({
      projectId: project.id, kind: TOP_UP_FAILED_TASK, link: `/p/${project.id}/wallet`, dedupeKey: `${tx.id}:${project.id}`, createdAt: now,
      title: execution.nextRetryAt ? "Auto top-up failed" : "Auto top-up failed — retries exhausted",
      body: `Adding ${amount} to the wallet failed: ${String(tx.metadata.message).replace(/\.$/, "")}. ${when} Ads pause when the balance runs out.`,
    }, db);
    if (!(await hasOpenTask(project.id, TOP_UP_FAILED_TASK, db))) {
      await openTask({
        projectId: project.id, kind: TOP_UP_FAILED_TASK, link: `/p/${project.id}/wallet`, dedupeKey: `${TOP_UP_FAILED_TASK}:${project.id}:${tx.id}`, createdAt: now,
        title: "Fix the wallet's payment method",
        body: `An auto top-up of ${amount} was declined. Update the card, then save the auto top-up settings (that retries at once) or top up manually.`,
      }, db);
    }
  }
  return { status: "failed", transaction: tx, nextRetryAt: execution.nextRetryAt };
}

/** The scheduled "wallet-top-up" job for one org: draw down spend first, so the top-up decision sees today's balance. */
export async function runWalletCycle(db: Db, orgId: string, now: Date, provider: PaymentProvider = getPaymentProvider()) {
  const spend = await syncWalletSpend(db, orgId, now);
  const topUp = await runAutoTopUp(db, orgId, now, provider);
  return { spend, topUp };
}
