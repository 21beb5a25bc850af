import type { ProjectKpis } from "@/lib/db/queries/kpis";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";

export function KpiTiles({ kpis, currency, targetCpaMinor }: { kpis: ProjectKpis; currency: string; targetCpaMinor: number | null }) {
  const cpaOver = targetCpaMinor !== null && kpis.cpa7dMinor !== null && kpis.cpa7dMinor > targetCpaMinor;
  const tiles: [string, string, string?][] = [
    ["Spend (latest day)", formatMoney(kpis.spendTodayMinor, currency)],
    ["Impressions (7d)", formatNumber(kpis.impressions7d)],
    ["Clicks (7d)", formatNumber(kpis.clicks7d)],
    ["CTR (7d)", formatPercent(kpis.ctr7d)],
    ["CPA (7d)", formatMoney(kpis.cpa7dMinor, currency), targetCpaMinor !== null ? `target ${formatMoney(targetCpaMinor, currency)}` : undefined],
    ["ROAS (7d)", kpis.roas7d === null ? "—" : `${kpis.roas7d.toFixed(2)}×`],
    ["Conversions (7d)", formatNumber(kpis.installs7d)],
  ];
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" data-testid="kpi-tiles">
      {tiles.map(([label, value, hint]) => (
        <div key={label} className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-xs text-slate-500">{label}</p>
          <p className={`mt-1 text-xl font-semibold ${label.startsWith("CPA") && cpaOver ? "text-red-600" : ""}`}>{value}</p>
          {hint && <p className="text-xs text-slate-400">{hint}</p>}
        </div>
      ))}
    </div>
  );
}
