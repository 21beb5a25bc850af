/**
 * Prepaid wallet as a double-entry ledger in integer minor units.
 *
 * Accounts (normal balance in brackets):
 * - `org_wallet`    [credit] liability: what Layers owes the customer = the wallet balance.
 * - `cash`          [debit]  asset: payment-provider clearing (card charges land here).
 * - `ad_spend`      [credit] media spend drawn from the wallet on the customer's behalf
 *                            (pass-through clearing: it offsets what Meta/TikTok/Apple charge
 *                            Layers; those platform invoices are outside this ledger).
 * - `refunds`       [debit]  money credited back INTO the wallet (platform refunds of spend,
 *                            e.g. invalid-activity credits, or a goodwill refund of a charge).
 * - `adjustments`   [either] manual corrections by staff (always with a reason).
 * - `platform_fees` [credit] income: the fee charged on top of a top-up ("funding $100
 *                            charges $105 and credits $100", /docs/organizations/wallet).
 *
 * A transaction is a set of postings with Σ debits = Σ credits. The ledger is append-only:
 * nothing is edited in place; a correction is a new entry (an opposite spend delta, an
 * adjustment, or a reversal that points at the original with `reversesId`).
 *
 * Wallet balance = Σ credits − Σ debits on `org_wallet`
 *               = top-ups − spend + refunds ± adjustments.
 *
 * Cash-out of a wallet balance to the customer's card is not modelled (the docs page is cut).
 */
import { normalizeCurrency } from "@/lib/events/currency";

export const ACCOUNTS = ["org_wallet", "cash", "ad_spend", "refunds", "adjustments", "platform_fees"] as const;
export type Account = (typeof ACCOUNTS)[number];

export const ENTRY_KINDS = ["top_up", "ad_spend", "refund", "adjustment", "top_up_failed"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export type Direction = "debit" | "credit";

export interface Posting {
  readonly account: Account;
  readonly direction: Direction;
  /** Positive integer minor units. */
  readonly amountMinor: number;
}

/** Who caused the entry. */
export interface Actor {
  readonly type: "user" | "system" | "payment_provider" | "ad_platform";
  readonly id: string;
}

export type Metadata = Readonly<Record<string, string | number | boolean | null>>;

export interface WalletTransaction {
  /** Deterministic id (unique in the DB) so a retried job cannot post twice. */
  readonly id: string;
  readonly orgId: string;
  readonly kind: EntryKind;
  /** ISO 4217; one wallet = one currency. */
  readonly currency: string;
  /** Empty only for `top_up_failed` (an event, no money moves). */
  readonly postings: readonly Posting[];
  /** When. */
  readonly occurredAt: Date;
  /** Who. */
  readonly actor: Actor;
  /** What (human readable; shown in "Credit history"). */
  readonly memo: string;
  /** Set on a reversal: the id of the transaction it cancels. */
  readonly reversesId: string | null;
  readonly metadata: Metadata;
}

export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerError";
  }
}

/** Debit positive, credit negative. Σ over a balanced transaction is 0. */
export function signedAmount(p: Posting): number {
  return p.direction === "debit" ? p.amountMinor : -p.amountMinor;
}

const isMinor = (n: number) => Number.isSafeInteger(n);

/** Every problem with a transaction (empty array = valid and balanced). */
export function validateTransaction(tx: WalletTransaction): string[] {
  const errors: string[] = [];
  if (!tx.id) errors.push("id is required");
  if (!tx.orgId) errors.push("orgId is required");
  if (!ENTRY_KINDS.includes(tx.kind)) errors.push(`unknown kind ${String(tx.kind)}`);
  if (normalizeCurrency(tx.currency) !== tx.currency) errors.push(`currency ${tx.currency} is not an upper-case ISO 4217 code`);
  if (!(tx.occurredAt instanceof Date) || Number.isNaN(tx.occurredAt.getTime())) errors.push("occurredAt must be a valid Date");
  if (!tx.actor?.id) errors.push("actor is required");
  if (tx.kind === "top_up_failed") {
    if (tx.postings.length !== 0) errors.push("top_up_failed moves no money: it must have no postings");
  } else if (tx.postings.length < 2) {
    errors.push("a money-moving transaction needs at least two postings");
  }
  let debits = 0;
  let credits = 0;
  for (const p of tx.postings) {
    if (!ACCOUNTS.includes(p.account)) errors.push(`unknown account ${String(p.account)}`);
    if (p.direction !== "debit" && p.direction !== "credit") errors.push(`bad direction ${String(p.direction)}`);
    if (!isMinor(p.amountMinor) || p.amountMinor <= 0)
      errors.push(`posting amount must be a positive integer of minor units (got ${p.amountMinor})`);
    if (p.direction === "debit") debits += p.amountMinor;
    else credits += p.amountMinor;
  }
  if (debits !== credits) errors.push(`unbalanced: debits ${debits} ≠ credits ${credits}`);
  return errors;
}

/** @throws LedgerError unless the transaction is well-formed and Σ debits = Σ credits. */
export function assertBalanced(tx: WalletTransaction): void {
  const errors = validateTransaction(tx);
  if (errors.length) throw new LedgerError(`transaction ${tx.id}: ${errors.join("; ")}`);
}

function isTransaction(x: Posting | WalletTransaction): x is WalletTransaction {
  return (x as WalletTransaction).postings !== undefined;
}

function allPostings(items: ReadonlyArray<Posting | WalletTransaction>): Posting[] {
  return items.flatMap((x) => (isTransaction(x) ? x.postings : [x]));
}

/** Balance of the customer's wallet (credits − debits on `org_wallet`), from postings or transactions. */
export function walletBalance(items: ReadonlyArray<Posting | WalletTransaction>): number {
  let balance = 0;
  for (const p of allPostings(items)) if (p.account === "org_wallet") balance -= signedAmount(p);
  return balance;
}

/** Signed (debit-positive) balance per account. Σ over all accounts is always 0. */
export function accountBalances(items: ReadonlyArray<Posting | WalletTransaction>): Record<Account, number> {
  const out = Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) as Record<Account, number>;
  for (const p of allPostings(items)) out[p.account] += signedAmount(p);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Builders

export interface EntryBase {
  orgId: string;
  currency: string;
  occurredAt: Date;
  actor: Actor;
  memo?: string;
  metadata?: Metadata;
}

function finalize(tx: WalletTransaction): WalletTransaction {
  assertBalanced(tx);
  return Object.freeze({ ...tx, postings: Object.freeze(tx.postings.map((p) => Object.freeze({ ...p }))), metadata: Object.freeze({ ...tx.metadata }) });
}

function positive(name: string, n: number): void {
  if (!isMinor(n) || n <= 0) throw new RangeError(`${name} must be a positive integer of minor units (got ${n})`);
}

const post = (account: Account, direction: Direction, amountMinor: number): Posting => ({ account, direction, amountMinor });

/**
 * A successful top-up: the customer paid `amountMinor + feeMinor`; the wallet is credited
 * `amountMinor`, the fee is Layers income. `id` should be derived from the provider charge
 * (e.g. `topup:<idempotencyKey>`).
 */
export function buildTopUp(input: EntryBase & { id: string; amountMinor: number; feeMinor?: number; providerRef: string }): WalletTransaction {
  const fee = input.feeMinor ?? 0;
  positive("amountMinor", input.amountMinor);
  if (!isMinor(fee) || fee < 0) throw new RangeError(`feeMinor must be a non-negative integer (got ${fee})`);
  const postings = [post("cash", "debit", input.amountMinor + fee), post("org_wallet", "credit", input.amountMinor)];
  if (fee > 0) postings.push(post("platform_fees", "credit", fee));
  return finalize({
    id: input.id,
    orgId: input.orgId,
    kind: "top_up",
    currency: input.currency,
    postings,
    occurredAt: input.occurredAt,
    actor: input.actor,
    memo: input.memo ?? "Wallet top-up",
    reversesId: null,
    metadata: { ...input.metadata, providerRef: input.providerRef, amountMinor: input.amountMinor, feeMinor: fee },
  });
}

/** A declined/failed top-up: recorded for the audit trail and the retry schedule; no postings. */
export function buildTopUpFailed(
  input: EntryBase & { id: string; amountMinor: number; code: string; message: string; attempt: number },
): WalletTransaction {
  positive("amountMinor", input.amountMinor);
  return finalize({
    id: input.id,
    orgId: input.orgId,
    kind: "top_up_failed",
    currency: input.currency,
    postings: [],
    occurredAt: input.occurredAt,
    actor: input.actor,
    memo: input.memo ?? `Top-up failed: ${input.message}`,
    reversesId: null,
    metadata: { ...input.metadata, attemptedAmountMinor: input.amountMinor, code: input.code, message: input.message, attempt: input.attempt },
  });
}

/** Spend already posted for one day (from {@link postedSpendByDay}). */
export interface PostedSpend {
  amountMinor: number;
  /** Number of spend transactions already posted for that day (makes the next id unique). */
  entries: number;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Spend drawdown from platform-reported spend per day (`YYYY-MM-DD` → cumulative spend for that
 * day in minor units). Reported spend grows during the day and platforms restate it, so each
 * call posts only the DELTA against what is already in the ledger: a positive delta debits
 * `org_wallet` / credits `ad_spend`; a negative delta (restatement) is a new opposite entry.
 * Ids are `spend:<org>:<source>:<day>:<n>` with n = entries already posted, so re-running the
 * same sync is idempotent (same id) and later revisions never collide.
 */
export function buildSpendDrawdown(
  input: EntryBase & {
    dailySpendByDay: Readonly<Record<string, number>>;
    alreadyPosted?: Readonly<Record<string, PostedSpend>>;
    /** e.g. "meta_ads" — one stream of deltas per source. Default "ads". */
    source?: string;
  },
): WalletTransaction[] {
  const source = input.source ?? "ads";
  const out: WalletTransaction[] = [];
  for (const day of Object.keys(input.dailySpendByDay).sort()) {
    if (!DAY_KEY.test(day)) throw new RangeError(`day key must be YYYY-MM-DD (got ${day})`);
    const reported = input.dailySpendByDay[day];
    if (!isMinor(reported) || reported < 0) throw new RangeError(`spend for ${day} must be a non-negative integer (got ${reported})`);
    const prior = input.alreadyPosted?.[day] ?? { amountMinor: 0, entries: 0 };
    const delta = reported - prior.amountMinor;
    if (delta === 0) continue;
    const amount = Math.abs(delta);
    out.push(
      finalize({
        id: `spend:${input.orgId}:${source}:${day}:${prior.entries}`,
        orgId: input.orgId,
        kind: "ad_spend",
        currency: input.currency,
        postings:
          delta > 0
            ? [post("org_wallet", "debit", amount), post("ad_spend", "credit", amount)]
            : [post("ad_spend", "debit", amount), post("org_wallet", "credit", amount)],
        occurredAt: input.occurredAt,
        actor: input.actor,
        memo: input.memo ?? (delta > 0 ? `Ad spend ${day} (${source})` : `Ad spend restated ${day} (${source})`),
        reversesId: null,
        metadata: { ...input.metadata, spendDate: day, source, reportedMinor: reported, deltaMinor: delta },
      }),
    );
  }
  return out;
}

/** What the ledger already holds per spend day for `source` (input for {@link buildSpendDrawdown}). */
export function postedSpendByDay(transactions: readonly WalletTransaction[], source = "ads"): Record<string, PostedSpend> {
  const out: Record<string, PostedSpend> = {};
  for (const tx of transactions) {
    if (tx.kind !== "ad_spend" || tx.metadata.source !== source || typeof tx.metadata.spendDate !== "string") continue;
    const day = tx.metadata.spendDate;
    const net = 0 - walletBalance(tx.postings);
    const cur = out[day] ?? { amountMinor: 0, entries: 0 };
    out[day] = { amountMinor: cur.amountMinor + net, entries: cur.entries + 1 };
  }
  return out;
}

/** Money credited back into the wallet (platform refund of spend, goodwill refund). */
export function buildRefund(input: EntryBase & { id: string; amountMinor: number; reason: string }): WalletTransaction {
  positive("amountMinor", input.amountMinor);
  if (!input.reason.trim()) throw new RangeError("a refund needs a reason");
  return finalize({
    id: input.id,
    orgId: input.orgId,
    kind: "refund",
    currency: input.currency,
    postings: [post("refunds", "debit", input.amountMinor), post("org_wallet", "credit", input.amountMinor)],
    occurredAt: input.occurredAt,
    actor: input.actor,
    memo: input.memo ?? `Refund: ${input.reason}`,
    reversesId: null,
    metadata: { ...input.metadata, reason: input.reason },
  });
}

/** Manual correction: positive `amountMinor` credits the wallet, negative debits it. A reason is required. */
export function buildAdjustment(input: EntryBase & { id: string; amountMinor: number; reason: string }): WalletTransaction {
  const a = input.amountMinor;
  if (!isMinor(a) || a === 0) throw new RangeError(`adjustment must be a non-zero integer of minor units (got ${a})`);
  if (!input.reason.trim()) throw new RangeError("an adjustment needs a reason");
  const amount = Math.abs(a);
  return finalize({
    id: input.id,
    orgId: input.orgId,
    kind: "adjustment",
    currency: input.currency,
    postings:
      a > 0
        ? [post("adjustments", "debit", amount), post("org_wallet", "credit", amount)]
        : [post("org_wallet", "debit", amount), post("adjustments", "credit", amount)],
    occurredAt: input.occurredAt,
    actor: input.actor,
    memo: input.memo ?? `Adjustment: ${input.reason}`,
    reversesId: null,
    metadata: { ...input.metadata, reason: input.reason },
  });
}

/** Cancels a transaction with a new one (same kind, mirrored postings, `reversesId` set). */
export function buildReversal(
  original: WalletTransaction,
  input: { id: string; occurredAt: Date; actor: Actor; reason: string },
): WalletTransaction {
  if (original.kind === "top_up_failed") throw new LedgerError("a failed top-up moved no money and cannot be reversed");
  if (!input.reason.trim()) throw new RangeError("a reversal needs a reason");
  return finalize({
    id: input.id,
    orgId: original.orgId,
    kind: original.kind,
    currency: original.currency,
    postings: original.postings.map((p) => post(p.account, p.direction === "debit" ? "credit" : "debit", p.amountMinor)),
    occurredAt: input.occurredAt,
    actor: input.actor,
    memo: `Reversal of ${original.id}: ${input.reason}`,
    reversesId: original.id,
    metadata: { ...original.metadata, reason: input.reason },
  });
}

// ---------------------------------------------------------------------------------------------
// Append-only ledger

export type Ledger = readonly WalletTransaction[];

function sameTransaction(a: WalletTransaction, b: WalletTransaction): boolean {
  const norm = (t: WalletTransaction) => JSON.stringify({ ...t, occurredAt: t.occurredAt.getTime() });
  return norm(a) === norm(b);
}

/**
 * Appends to an immutable ledger (returns a new frozen array). Re-appending an identical
 * transaction is a no-op (`duplicate`, for retried jobs); the same id with different content,
 * an unbalanced transaction, another org or another currency throws.
 */
export function appendTransaction(ledger: Ledger, tx: WalletTransaction): { ledger: Ledger; status: "appended" | "duplicate" } {
  assertBalanced(tx);
  const existing = ledger.find((t) => t.id === tx.id);
  if (existing) {
    if (sameTransaction(existing, tx)) return { ledger, status: "duplicate" };
    throw new LedgerError(`transaction id ${tx.id} already exists with different content (entries are never edited)`);
  }
  if (ledger.length) {
    if (ledger[0].orgId !== tx.orgId) throw new LedgerError(`ledger belongs to ${ledger[0].orgId}, not ${tx.orgId}`);
    if (ledger[0].currency !== tx.currency) throw new LedgerError(`wallet currency is ${ledger[0].currency}, not ${tx.currency}`);
  }
  if (tx.reversesId && !ledger.some((t) => t.id === tx.reversesId))
    throw new LedgerError(`reversal target ${tx.reversesId} is not in the ledger`);
  if (tx.reversesId && ledger.some((t) => t.reversesId === tx.reversesId))
    throw new LedgerError(`${tx.reversesId} is already reversed`);
  return { ledger: Object.freeze([...ledger, tx]), status: "appended" };
}

export interface LedgerSummary {
  topUpsMinor: number;
  spendMinor: number;
  refundsMinor: number;
  /** Net (credits to the wallet positive). */
  adjustmentsMinor: number;
  feesMinor: number;
  failedTopUps: number;
  balanceMinor: number;
}

/** Totals by kind, as seen from the wallet (reversals net out). balance = topUps − spend + refunds + adjustments. */
export function summarizeLedger(transactions: Ledger): LedgerSummary {
  const s: LedgerSummary = { topUpsMinor: 0, spendMinor: 0, refundsMinor: 0, adjustmentsMinor: 0, feesMinor: 0, failedTopUps: 0, balanceMinor: 0 };
  for (const tx of transactions) {
    if (tx.kind === "top_up_failed") {
      s.failedTopUps++;
      continue;
    }
    const toWallet = walletBalance(tx.postings);
    if (tx.kind === "top_up") s.topUpsMinor += toWallet;
    else if (tx.kind === "ad_spend") s.spendMinor -= toWallet;
    else if (tx.kind === "refund") s.refundsMinor += toWallet;
    else s.adjustmentsMinor += toWallet;
    s.feesMinor -= accountBalances(tx.postings).platform_fees;
    s.balanceMinor += toWallet;
  }
  return s;
}
