import Link from "next/link";
import type { LedgerLine } from "@/lib/db/queries/wallet";
import { Badge, EmptyState } from "@/components/ui/card";
import { formatDateTime, formatMoney } from "@/lib/format";
import { actorLabel, KIND_LABEL } from "./wallet-format";

const KIND_TONE = { top_up: "green", top_up_failed: "red", ad_spend: "slate", refund: "indigo", adjustment: "amber" } as const;

/** The wallet's ledger, newest first: when, what, who, amount, balance after. */
export function LedgerTable({ lines, currency, timezone, page, pages, basePath }: {
  lines: LedgerLine[]; currency: string; timezone: string; page: number; pages: number; basePath: string;
}) {
  if (lines.length === 0) return <EmptyState title="No wallet activity yet">Top-ups and daily ad-spend drawdowns appear here as ledger entries.</EmptyState>;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="ledger-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2">When</th><th>What</th><th>Who</th><th className="pl-4 text-right">Amount</th><th className="pl-4 text-right">Balance</th></tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{formatDateTime(line.at, timezone)}</td>
                <td className="pr-3">
                  <Badge tone={KIND_TONE[line.kind as keyof typeof KIND_TONE] ?? "slate"}>{KIND_LABEL[line.kind] ?? line.kind}</Badge>{" "}
                  <span>{line.description}</span>
                  {line.feeMinor > 0 && <span className="block text-xs text-slate-500">Card charged {formatMoney(line.amountMinor + line.feeMinor, currency)} incl. {formatMoney(line.feeMinor, currency)} platform fee</span>}
                </td>
                <td className="pr-3 text-slate-600">{actorLabel(line.actorType, line.actorId, line.actorName)}</td>
                <td className={`whitespace-nowrap pl-4 text-right font-medium ${line.amountMinor > 0 ? "text-emerald-700" : line.amountMinor < 0 ? "text-slate-900" : "text-slate-400"}`}>
                  {line.kind === "top_up_failed" ? "—" : `${line.amountMinor > 0 ? "+" : ""}${formatMoney(line.amountMinor, currency)}`}
                </td>
                <td className="whitespace-nowrap pl-4 text-right text-slate-600">{formatMoney(line.balanceMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Ledger pages" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`${basePath}?page=${page - 1}`} className="text-indigo-700 hover:underline">← Newer</Link> : <span />}
          <span className="text-slate-500">Page {page} of {pages}</span>
          {page < pages ? <Link href={`${basePath}?page=${page + 1}`} className="text-indigo-700 hover:underline">Older →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
