// The org wallet's books: lib/wallet's transactions stored append-only. The builder's deterministic id is the
// unique idempotencyKey (a re-run posts nothing); postings are signed debit-positive, so the wallet balance
// (a liability) is −Σ of its postings and Σ over every posting of a wallet is always 0.
import { assertBalanced, LedgerError, signedAmount, type Account, type WalletTransaction } from "@/lib/wallet";
import type { Db } from "../client";
import type { LedgerAccount, Prisma } from "../generated/client";

export type DbClient = Db | Prisma.TransactionClient;
export interface WalletRef {
  id: string;
  orgId: string;
  currency: string;
}

const TO_DB: Record<Account, LedgerAccount> = {
  org_wallet: "wallet", cash: "cash", ad_spend: "ad_spend", refunds: "refunds", adjustments: "adjustments", platform_fees: "platform_fees",
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([k, v]) => [v, k])) as Record<LedgerAccount, Account>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

export async function getWallet(db: DbClient, orgId: string) {
  return db.wallet.findUnique({ where: { orgId } });
}

/** The org's wallet, created on first use (a top-up) in the project's currency. */
export async function ensureWallet(db: DbClient, orgId: string, currency: string) {
  return db.wallet.upsert({ where: { orgId }, update: {}, create: { orgId, currency } });
}

function samePostings(a: { account: LedgerAccount; amountMinor: bigint }[], b: { account: LedgerAccount; amountMinor: bigint }[]) {
  const key = (ps: typeof a) => ps.map((p) => `${p.account}:${p.amountMinor}`).sort().join("|");
  return key(a) === key(b);
}

/**
 * Appends one transaction with its postings (one INSERT, so all or nothing). Unbalanced or malformed → LedgerError,
 * nothing written. The same id again with the same money movement → "duplicate" (retried jobs); with a different
 * one → LedgerError (entries are never edited).
 */
export async function appendLedgerTransaction(db: DbClient, wallet: WalletRef, tx: WalletTransaction): Promise<"appended" | "duplicate"> {
  assertBalanced(tx);
  if (tx.orgId !== wallet.orgId) throw new LedgerError(`transaction ${tx.id} belongs to org ${tx.orgId}, not ${wallet.orgId}`);
  if (tx.currency !== wallet.currency) throw new LedgerError(`wallet currency is ${wallet.currency}, not ${tx.currency}`);
  const postings = tx.postings.map((p) => ({ account: TO_DB[p.account], amountMinor: BigInt(signedAmount(p)) }));
  const checkExisting = async () => {
    const existing = await db.ledgerTransaction.findUnique({
      where: { idempotencyKey: tx.id },
      select: { walletId: true, kind: true, postings: { select: { account: true, amountMinor: true } } },
    });
    if (!existing) return null;
    if (existing.walletId === wallet.id && existing.kind === tx.kind && samePostings(existing.postings, postings)) return "duplicate" as const;
    throw new LedgerError(`transaction ${tx.id} already exists with different content (entries are never edited)`);
  };
  if ((await checkExisting()) === "duplicate") return "duplicate";
  const spendDate = tx.metadata.spendDate;
  try {
    await db.ledgerTransaction.create({
      data: {
        walletId: wallet.id,
        kind: tx.kind,
        description: tx.memo,
        actorType: tx.actor.type,
        actorId: tx.actor.id,
        idempotencyKey: tx.id,
        effectiveDate: asDate(typeof spendDate === "string" ? spendDate : isoDay(tx.occurredAt)),
        createdAt: tx.occurredAt,
        postings: { create: postings },
      },
    });
    return "appended";
  } catch (error) {
    // A concurrent run inserted the same id first.
    if ((error as { code?: string }).code === "P2002" && (await checkExisting().catch(() => null)) === "duplicate") return "duplicate";
    throw error;
  }
}

export async function getWalletBalanceMinor(db: DbClient, walletId: string): Promise<number> {
  const sum = await db.ledgerPosting.aggregate({ where: { account: "wallet", transaction: { walletId } }, _sum: { amountMinor: true } });
  return -Number(sum._sum.amountMinor ?? 0n);
}

/**
 * The spend entries already posted, as lib/wallet transactions (input for postedSpendByDay). Source and day come
 * from the deterministic id `spend:<org>:<source>:<day>:<n>`.
 */
export async function loadSpendTransactions(db: DbClient, wallet: WalletRef): Promise<WalletTransaction[]> {
  const rows = await db.ledgerTransaction.findMany({
    where: { walletId: wallet.id, kind: "ad_spend" },
    select: { idempotencyKey: true, description: true, actorType: true, actorId: true, createdAt: true, postings: { select: { account: true, amountMinor: true } } },
  });
  return rows.map((row) => {
    const [, , source, spendDate] = row.idempotencyKey.split(":");
    return {
      id: row.idempotencyKey,
      orgId: wallet.orgId,
      kind: "ad_spend",
      currency: wallet.currency,
      postings: row.postings.map((p) => ({
        account: FROM_DB[p.account],
        direction: p.amountMinor > 0n ? "debit" : "credit",
        amountMinor: Math.abs(Number(p.amountMinor)),
      })),
      occurredAt: row.createdAt,
      actor: { type: row.actorType as WalletTransaction["actor"]["type"], id: row.actorId ?? "" },
      memo: row.description,
      reversesId: null,
      metadata: { source, spendDate },
    };
  });
}

/** Spend drawn from the wallet per spend day (YYYY-MM-DD → minor units), zeros included, oldest first. */
export async function getWalletSpendByDay(db: DbClient, walletId: string, fromDay: string, toDay: string): Promise<{ day: string; spendMinor: number }[]> {
  const rows = await db.$queryRaw<{ day: string; spend: bigint }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, COALESCE((
      SELECT sum(p."amountMinor") FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t.id = p."transactionId"
      WHERE t."walletId" = ${walletId} AND t.kind = 'ad_spend' AND p.account = 'wallet' AND t."effectiveDate" = d::date
    ), 0)::bigint AS spend
    FROM generate_series(${fromDay}::date, ${toDay}::date, interval '1 day') AS d ORDER BY d`;
  return rows.map((r) => ({ day: r.day, spendMinor: Number(r.spend) }));
}

export async function firstSpendDay(db: DbClient, walletId: string): Promise<string | null> {
  const first = await db.ledgerTransaction.findFirst({ where: { walletId, kind: "ad_spend" }, orderBy: { effectiveDate: "asc" }, select: { effectiveDate: true } });
  return first ? isoDay(first.effectiveDate) : null;
}

export interface LedgerLine {
  id: string;
  at: Date;
  kind: string;
  description: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  /** Change to the wallet balance (credits positive). */
  amountMinor: number;
  feeMinor: number;
  /** Balance after this entry. */
  balanceMinor: number;
}

/** The ledger, newest first, with the running balance after each entry. */
export async function getLedgerPage(db: DbClient, walletId: string, options: { take?: number; skip?: number } = {}): Promise<{ lines: LedgerLine[]; total: number }> {
  const take = Math.min(Math.max(options.take ?? 25, 1), 200);
  const skip = Math.max(options.skip ?? 0, 0);
  const [rows, total] = await Promise.all([
    db.$queryRaw<{ id: string; at: Date; kind: string; description: string; actor_type: string; actor_id: string | null; actor_name: string | null; delta: bigint; fee: bigint; running: bigint }[]>`
      WITH tx AS (
        SELECT t.id, t."createdAt", t.kind, t.description, t."actorType", t."actorId",
          COALESCE((SELECT -sum(p."amountMinor") FROM "LedgerPosting" p WHERE p."transactionId" = t.id AND p.account = 'wallet'), 0)::bigint AS delta,
          COALESCE((SELECT -sum(p."amountMinor") FROM "LedgerPosting" p WHERE p."transactionId" = t.id AND p.account = 'platform_fees'), 0)::bigint AS fee
        FROM "LedgerTransaction" t WHERE t."walletId" = ${walletId}
      ), ranked AS (
        SELECT tx.*, sum(delta) OVER (ORDER BY "createdAt", id ROWS UNBOUNDED PRECEDING)::bigint AS running FROM tx
      )
      SELECT r.id, r."createdAt" AS at, r.kind, r.description, r."actorType" AS actor_type, r."actorId" AS actor_id,
        COALESCE(u.name, u.email) AS actor_name, r.delta, r.fee, r.running
      FROM ranked r LEFT JOIN "User" u ON r."actorType" = 'user' AND u.id = r."actorId"
      ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${take} OFFSET ${skip}`,
    db.ledgerTransaction.count({ where: { walletId } }),
  ]);
  return {
    total,
    lines: rows.map((r) => ({
      id: r.id, at: r.at, kind: r.kind, description: r.description, actorType: r.actor_type, actorId: r.actor_id, actorName: r.actor_name,
      amountMinor: Number(r.delta), feeMinor: Number(r.fee), balanceMinor: Number(r.running),
    })),
  };
}

export interface WalletHistoryPoint {
  day: string;
  /** Balance at the end of the (UTC) day. */
  balanceMinor: number;
  spendMinor: number;
  topUpsMinor: number;
}

/** One point per UTC day for the last `days` days up to `now`: closing balance, spend drawn, top-ups credited. */
export async function getWalletHistory(db: DbClient, walletId: string, now: Date, days = 30): Promise<WalletHistoryPoint[]> {
  const to = isoDay(now);
  const from = isoDay(new Date(now.getTime() - (days - 1) * 86_400_000));
  const rows = await db.$queryRaw<{ day: string; balance: bigint; spend: bigint; topups: bigint }[]>`
    WITH w AS (
      SELECT t."createdAt", t.kind, t."effectiveDate", -p."amountMinor" AS delta
      FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t.id = p."transactionId"
      WHERE t."walletId" = ${walletId} AND p.account = 'wallet'
    )
    SELECT to_char(d, 'YYYY-MM-DD') AS day,
      COALESCE((SELECT sum(delta) FROM w WHERE w."createdAt" < d + interval '1 day'), 0)::bigint AS balance,
      COALESCE((SELECT -sum(delta) FROM w WHERE w.kind = 'ad_spend' AND w."effectiveDate" = d::date), 0)::bigint AS spend,
      COALESCE((SELECT sum(delta) FROM w WHERE w.kind = 'top_up' AND w."createdAt"::date = d::date), 0)::bigint AS topups
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d ORDER BY d`;
  return rows.map((r) => ({ day: r.day, balanceMinor: Number(r.balance), spendMinor: Number(r.spend), topUpsMinor: Number(r.topups) }));
}

export async function getLastTopUp(db: DbClient, walletId: string): Promise<{ at: Date; amountMinor: number; description: string } | null> {
  const last = await db.ledgerTransaction.findFirst({
    where: { walletId, kind: "top_up" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, description: true, postings: { where: { account: "wallet" }, select: { amountMinor: true } } },
  });
  if (!last) return null;
  return { at: last.createdAt, description: last.description, amountMinor: -last.postings.reduce((s, p) => s + Number(p.amountMinor), 0) };
}

export interface LayerSpendDay {
  layerId: string;
  layerName: string;
  platform: string;
  currency: string;
  day: string;
  spendMinor: number;
}

/** Platform-reported spend per layer and day across the org (ad/keyword level only: parents are roll-ups). */
export async function getOrgLayerSpendByDay(db: DbClient, orgId: string, fromDay: string, toDay: string): Promise<LayerSpendDay[]> {
  const rows = await db.$queryRaw<{ layer_id: string; layer_name: string; platform: string; currency: string; day: string; spend: bigint }[]>`
    SELECT l.id AS layer_id, l.name AS layer_name, l.platform::text AS platform, l.currency, to_char(m.date, 'YYYY-MM-DD') AS day, sum(m."spendMinor")::bigint AS spend
    FROM "DailyMetric" m
    JOIN "Layer" l ON l.id = m."layerId"
    JOIN "Project" p ON p.id = l."projectId"
    JOIN "AdEntity" e ON e.id = m."entityId"
    WHERE p."orgId" = ${orgId} AND e.level IN ('ad', 'keyword') AND m.date BETWEEN ${fromDay}::date AND ${toDay}::date
    GROUP BY l.id, l.name, l.platform, l.currency, m.date ORDER BY m.date`;
  return rows.map((r) => ({ layerId: r.layer_id, layerName: r.layer_name, platform: r.platform, currency: r.currency, day: r.day, spendMinor: Number(r.spend) }));
}

/** The org's projects: wallet events are announced in each project's notification centre. */
export async function getOrgProjects(db: DbClient, orgId: string) {
  return db.project.findMany({ where: { orgId }, select: { id: true, timezone: true }, orderBy: { createdAt: "asc" } });
}

/** How a person is named in wallet notifications. */
export async function getUserLabel(db: DbClient, userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return user?.name ?? user?.email ?? "Someone";
}
