import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { listProjectCreatives } from "@/lib/db/queries/creatives";

export default async function CreativesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProject(projectId);
  const creatives = await listProjectCreatives(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Creative library</h1>
      <Card>
        {creatives.length === 0 ? (
          <EmptyState title="No creatives yet">Upload a manual creative or connect a generation source.</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="creatives-table">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr><th className="py-2">Creative</th><th>Pool</th><th>Score</th><th>Approval</th><th>Override</th><th>Safety</th><th>Running on</th></tr>
            </thead>
            <tbody>
              {creatives.map((c) => (
                <tr key={c.id} className="border-t border-slate-100">
                  <td className="py-2 font-medium">{c.title}</td>
                  <td>{c.pool}</td>
                  <td>{c.organicScore === null ? "unscored" : c.organicScore.toFixed(1)}</td>
                  <td><Badge tone={c.approval === "approved" ? "green" : c.approval === "pending" ? "amber" : "red"}>{c.approval}</Badge></td>
                  <td>{c.override ?? "auto"}</td>
                  <td>{c.safetyFailed ? <Badge tone="red">safety failed</Badge> : "ok"}</td>
                  <td>{c.activeAds} ad sets</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
