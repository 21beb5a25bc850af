import type { TopUpFailure } from "@/lib/db/queries/wallet-top-ups";
import { Badge } from "@/components/ui/card";
import { formatDateTime, formatMoney } from "@/lib/format";

/** Failed auto top-ups of the last 30 days with when they are retried (or that they were settled since). */
export function FailedTopUps({ failures, currency, timezone }: { failures: TopUpFailure[]; currency: string; timezone: string }) {
  if (failures.length === 0) return <p className="text-sm text-slate-500">No failed top-ups in the last 30 days.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="failed-top-ups">
      {failures.map((f, i) => (
        <li key={f.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            <span className="font-medium">{formatMoney(f.amountMinor, currency)}</span> · attempt {f.attempt} · {formatDateTime(f.at, timezone)}
            {f.error && <span className="block text-xs text-red-700">{f.error}</span>}
          </span>
          {f.settled ? (
            <Badge tone="green">Resolved</Badge>
          ) : i > 0 ? (
            <Badge>Retried</Badge>
          ) : f.nextRetryAt ? (
            <Badge tone="amber">Retry at {formatDateTime(f.nextRetryAt, timezone)}</Badge>
          ) : (
            <Badge tone="red">No more retries — fix the card</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
