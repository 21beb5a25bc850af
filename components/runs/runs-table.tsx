import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatDateTime, formatDuration } from "@/lib/format";
import { RUN_KIND_LABEL } from "@/lib/format/decisions";

export interface RunRow {
  id: string;
  kind: string;
  trigger: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: unknown;
  error: string | null;
  skipReason: string | null;
  layer: { id: string; name: string } | null;
}

const TONE = { completed: "green", failed: "red", running: "indigo", skipped: "amber", refused: "amber" } as const;

function summary(counts: unknown): string {
  const c = (counts ?? {}) as Record<string, number>;
  const parts = [
    c.entities !== undefined && `${c.entities} entities`,
    c.approved !== undefined && `${c.approved} approved`,
    c.rejected !== undefined && `${c.rejected} rejected`,
    c.executed ? `${c.executed} executed` : null,
    c.pendingApproval ? `${c.pendingApproval} awaiting approval` : null,
    c.launched ? `${c.launched} launched` : null,
    c.rows !== undefined && `${c.rows} metric rows`,
  ].filter(Boolean);
  return parts.join(" · ");
}

export function RunsTable({ projectId, runs, timezone }: { projectId: string; runs: RunRow[]; timezone: string }) {
  return (
    <table className="w-full text-sm" data-testid="runs-table">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr><th className="py-2">Started</th><th>Kind</th><th>Layer</th><th>Trigger</th><th>Status</th><th>Took</th><th>What it did</th></tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} className="border-t border-slate-100 align-top">
            <td className="py-2"><Link className="text-indigo-700 hover:underline" href={`/p/${projectId}/runs/${run.id}`}>{formatDateTime(run.startedAt, timezone)}</Link></td>
            <td>{RUN_KIND_LABEL[run.kind] ?? run.kind}</td>
            <td>{run.layer?.name ?? "—"}</td>
            <td>{run.trigger}</td>
            <td><Badge tone={TONE[run.status as keyof typeof TONE] ?? "slate"}>{run.status}</Badge></td>
            <td>{formatDuration(run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null)}</td>
            <td className="max-w-md text-slate-600">{run.error ?? run.skipReason ?? summary(run.counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
