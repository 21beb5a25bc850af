import type { WalletOverview } from "@/lib/db/queries/wallet-top-ups";
import { Badge } from "@/components/ui/card";
import { formatDateTime, formatMoney } from "@/lib/format";
import { formatRunwayDays, RUNWAY_TEXT, RUNWAY_TONE } from "./wallet-format";

const RUNWAY_HINT = { red: "under 3 days: top up now", amber: "under 7 days", ok: "7 days or more" } as const;

export function AutoTopUpStatus({ overview, timezone }: { overview: WalletOverview; timezone: string }) {
  const { autoTopUp, currency } = overview;
  if (autoTopUp.failing) {
    const f = autoTopUp.failing;
    return (
      <p className="text-sm text-red-700" data-testid="auto-top-up-status">
        <Badge tone="red">Failing</Badge>{" "}
        {f.exhausted
          ? `${f.consecutiveFailures} attempts failed; no more automatic retries. Fix the card, then save the settings or top up.`
          : `${f.consecutiveFailures} failed attempt${f.consecutiveFailures === 1 ? "" : "s"}; next retry ${formatDateTime(f.nextRetryAt, timezone)}.`}
        {f.lastError && <span className="block text-xs text-red-600">{f.lastError}</span>}
      </p>
    );
  }
  if (!autoTopUp.enabled) return <p className="text-sm text-slate-600" data-testid="auto-top-up-status"><Badge>Off</Badge> Ads stop when the balance runs out.</p>;
  return (
    <p className="text-sm text-slate-600" data-testid="auto-top-up-status">
      <Badge tone="green">On</Badge> {formatMoney(autoTopUp.amountMinor, currency)} when below {formatMoney(autoTopUp.thresholdMinor, currency)}
      {autoTopUp.dailyCapMinor !== null && <>, at most {formatMoney(autoTopUp.dailyCapMinor, currency)}/day</>}
    </p>
  );
}

/** Balance, runway with its colour level, last top-up and auto top-up status. */
export function WalletSummary({ overview, timezone, compact = false }: { overview: WalletOverview; timezone: string; compact?: boolean }) {
  const { runway, currency } = overview;
  return (
    <div className={`grid gap-4 sm:grid-cols-2 ${compact ? "xl:grid-cols-4" : "lg:grid-cols-4"}`}>
      <div>
        <p className="text-xs uppercase text-slate-500">Balance</p>
        <p data-testid="wallet-balance" className={`text-2xl font-semibold ${overview.balanceMinor <= 0 ? "text-red-700" : ""}`}>{formatMoney(overview.balanceMinor, currency)}</p>
      </div>
      <div>
        <p className="text-xs uppercase text-slate-500">Runway</p>
        <p data-testid="wallet-runway" data-level={runway.level} className={`text-2xl font-semibold ${RUNWAY_TEXT[runway.level]}`}>
          {formatRunwayDays(runway.days)} <Badge tone={RUNWAY_TONE[runway.level]}>{RUNWAY_HINT[runway.level]}</Badge>
        </p>
        <p className="text-xs text-slate-500">
          at {formatMoney(Math.round(runway.averageDailySpendMinor), currency)}/day (7-day average)
          {runway.projectedEmptyAt && !compact && <> · empty around {formatDateTime(runway.projectedEmptyAt, timezone)}</>}
        </p>
      </div>
      <div>
        <p className="text-xs uppercase text-slate-500">Last top-up</p>
        {overview.lastTopUp ? (
          <p className="text-sm"><span className="font-medium">{formatMoney(overview.lastTopUp.amountMinor, currency)}</span> · {overview.lastTopUp.description}<span className="block text-xs text-slate-500">{formatDateTime(overview.lastTopUp.at, timezone)}</span></p>
        ) : (
          <p className="text-sm text-slate-500">None yet</p>
        )}
      </div>
      <div>
        <p className="text-xs uppercase text-slate-500">Auto top-up</p>
        <AutoTopUpStatus overview={overview} timezone={timezone} />
      </div>
    </div>
  );
}
