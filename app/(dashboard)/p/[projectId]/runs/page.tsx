import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { listRuns } from "@/lib/db/queries/runs";
import { formatDateTime } from "@/lib/format";

export default async function RunsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const runs = await listRuns(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Workflow runs</h1>
      <Card>
        {runs.length === 0 ? (
          <EmptyState title="No runs yet">The optimizer, watchdog, content refresh and metrics sync record every run here.</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="runs-table">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr><th className="py-2">Started</th><th>Kind</th><th>Layer</th><th>Trigger</th><th>Status</th><th>Detail</th></tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-slate-100">
                  <td className="py-2">{formatDateTime(run.startedAt, access.timezone)}</td>
                  <td>{run.kind.replace(/_/g, "-")}</td>
                  <td>{run.layer?.name ?? "—"}</td>
                  <td>{run.trigger}</td>
                  <td><Badge tone={run.status === "completed" ? "green" : run.status === "failed" ? "red" : "amber"}>{run.status}</Badge></td>
                  <td className="text-slate-500">{run.error ?? run.skipReason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
