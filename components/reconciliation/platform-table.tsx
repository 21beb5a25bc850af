import { Badge, Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { platformLabel, type ReconciliationRow, type ReconciliationStatus } from "@/lib/reconciliation/reconcile";

const STATUS: Record<ReconciliationStatus, { label: string; tone: "green" | "slate" | "amber" | "red" }> = {
  match: { label: "Match", tone: "green" },
  within_tolerance: { label: "Within 20%", tone: "slate" },
  drift: { label: "Drift > 20%", tone: "amber" },
  platform_only: { label: "Only the platform saw conversions", tone: "red" },
  awaiting_platform_data: { label: "Awaiting platform data", tone: "slate" },
};

const signedPct = (pct: number | null) => (pct === null ? "—" : `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`);
const signed = (n: number | null) => (n === null ? "—" : `${n > 0 ? "+" : ""}${formatNumber(n)}`);

export interface PlatformTableProps {
  platform: string;
  /** Project days, oldest first; the last is today. */
  days: string[];
  rows: ReconciliationRow[];
  accounts: { name: string; accountTimezone: string }[];
}

export function PlatformTable({ platform, days, rows, accounts }: PlatformTableProps) {
  const label = platformLabel(platform);
  const byDay = new Map(rows.map((r) => [r.date, r]));
  const today = days[days.length - 1];
  const timezones = [...new Set(accounts.map((a) => a.accountTimezone))];
  return (
    <Card title={label} action={
      <span className="text-xs text-slate-500">
        {accounts.length === 0 ? "No layer connected" : `Ad account timezone: ${timezones.join(", ")}`}
      </span>
    }>
      <table className="w-full text-sm" data-testid={`reconciliation-${platform}`}>
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Day</th><th className="text-right">Layers</th><th className="text-right">{label} reported</th><th className="text-right">Difference</th><th className="text-right">Drift</th><th className="pl-4">Status</th></tr>
        </thead>
        <tbody>
          {[...days].reverse().map((day) => {
            const row = byDay.get(day);
            return (
              <tr key={day} className={`border-t border-slate-100 ${row?.flagged && day !== today ? "bg-amber-50" : ""}`} data-flagged={row?.flagged ? "true" : undefined}>
                <td className="py-1.5">{day}{day === today && <span className="ml-1 text-xs text-slate-500">(today, partial)</span>}</td>
                <td className="text-right tabular-nums">{row ? formatNumber(row.layers) : "—"}</td>
                <td className="text-right tabular-nums">{row && row.platformReported !== null ? formatNumber(row.platformReported) : "—"}</td>
                <td className="text-right tabular-nums">{row ? signed(row.difference) : "—"}</td>
                <td className={`text-right tabular-nums ${row?.flagged ? "font-semibold text-amber-800" : ""}`}>{row ? signedPct(row.driftPct) : "—"}</td>
                <td className="pl-4">{row ? <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge> : <span className="text-xs text-slate-400">no data</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
