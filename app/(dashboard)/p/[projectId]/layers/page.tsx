import Link from "next/link";
import { EmergencyStop } from "@/components/layers/emergency-stop";
import { roleAllows } from "@/lib/auth/roles";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { listLayers } from "@/lib/db/queries/layers";
import { formatDateTime } from "@/lib/format";

const PLATFORM_LABEL = { meta: "Meta Ads", tiktok: "TikTok Ads", apple_search_ads: "Apple Search Ads", social: "Social Distribution" } as const;

export default async function LayersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const layers = await listLayers(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Layers</h1>
      <Card>
        {layers.length === 0 ? (
          <EmptyState title="No layers connected">Connect Meta, TikTok or Apple Search Ads from Settings.</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="layers-table">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr><th className="py-2">Layer</th><th>Platform</th><th>Status</th><th>Mode</th><th>Entities</th><th>Last sync</th></tr>
            </thead>
            <tbody>
              {layers.map((layer) => (
                <tr key={layer.id} className="border-t border-slate-100">
                  <td className="py-2 font-medium"><Link className="text-indigo-700 hover:underline" href={`/p/${projectId}/layers/${layer.id}`}>{layer.name}</Link></td>
                  <td>{PLATFORM_LABEL[layer.platform]}</td>
                  <td><Badge tone={layer.status === "active" ? "green" : "amber"}>{layer.status}</Badge></td>
                  <td>{layer.mode === "autopilot" ? "Autopilot" : "Approve first"}</td>
                  <td>{layer._count.entities}</td>
                  <td>{formatDateTime(layer.lastSyncAt, access.timezone)}{layer.lastSyncError && <span className="ml-2 text-red-600">{layer.lastSyncError}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {roleAllows(access.role, "org.emergency_stop") && (
        <Card title="Org-wide emergency stop">
          <EmergencyStop projectId={projectId} orgName={access.orgName} active={access.emergencyStopAt !== null} />
        </Card>
      )}
    </div>
  );
}
