// What the wallet page and the dashboard widget read, by org, on the app's shared client.
import { db } from "../client";
import { getLedgerPage, getWallet, getWalletHistory } from "./wallet";
import { getWalletOverview, listTopUpFailures } from "./wallet-top-ups";

export const LEDGER_PAGE_SIZE = 25;

export function loadWalletOverview(orgId: string, now: Date) {
  return getWalletOverview(db, orgId, now);
}

export async function loadWalletHistory(orgId: string, now: Date, days = 30) {
  const wallet = await getWallet(db, orgId);
  return wallet ? { currency: wallet.currency, points: await getWalletHistory(db, wallet.id, now, days) } : null;
}

/** One page of the ledger, newest first (page 1 = the newest entries). */
export async function loadLedgerPage(orgId: string, page: number) {
  const wallet = await getWallet(db, orgId);
  if (!wallet) return null;
  const { lines, total } = await getLedgerPage(db, wallet.id, { take: LEDGER_PAGE_SIZE, skip: (Math.max(page, 1) - 1) * LEDGER_PAGE_SIZE });
  return { currency: wallet.currency, lines, total, pages: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)) };
}

export async function loadTopUpFailures(orgId: string, now: Date) {
  const wallet = await getWallet(db, orgId);
  return wallet ? { currency: wallet.currency, failures: await listTopUpFailures(db, { id: wallet.id, orgId, currency: wallet.currency }, now) } : null;
}

export async function loadAutoTopUpSettings(orgId: string) {
  const wallet = await getWallet(db, orgId);
  return {
    currency: wallet?.currency ?? null,
    settings: { enabled: wallet?.autoTopUpEnabled ?? false, thresholdMinor: wallet?.thresholdMinor ?? null, amountMinor: wallet?.topUpAmountMinor ?? null, dailyCapMinor: wallet?.dailyCapMinor ?? null },
  };
}
