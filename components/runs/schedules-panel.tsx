import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { ScheduleStatus } from "@/lib/schedules/status";

function cadence(minutes: number): string {
  return minutes >= 60 ? `every ${minutes / 60} h` : `every ${minutes} min`;
}

export function SchedulesPanel({ rows, timezone, mode }: { rows: ScheduleStatus[]; timezone: string; mode: string }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">Scheduler: {mode}. A loop is flagged when its last success is older than twice its cadence.</p>
      <table className="w-full text-sm" data-testid="schedules-panel">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Loop</th><th>Cadence (UTC cron)</th><th>Last success</th><th>Last failure</th><th>Next run</th><th /></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="py-2">{row.description}</td>
              <td>{cadence(row.intervalMinutes)} <code className="text-xs text-slate-400">{row.cron}</code></td>
              <td>{formatDateTime(row.lastSuccess, timezone)}</td>
              <td>{row.lastFailure ? <span title={row.lastFailureError ?? undefined} className="text-red-700">{formatDateTime(row.lastFailure, timezone)}</span> : "—"}</td>
              <td>{formatDateTime(row.nextRun, timezone)}</td>
              <td>{row.overdue ? <Badge tone="red">overdue</Badge> : <Badge tone="green">ok</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
