import { notFound } from "next/navigation";
import { LayerDangerZone, LayerModeToggle } from "@/components/layers/layer-controls";
import { RunNow } from "@/components/layers/run-now";
import { PendingActions } from "@/components/runs/pending-actions";
import { RunsTable } from "@/components/runs/runs-table";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { roleAllows } from "@/lib/auth/roles";
import { requireProject } from "@/lib/auth/session";
import { countEntitiesByLevel, getLayerDetail } from "@/lib/db/queries/layers";
import { listPendingProposals } from "@/lib/db/queries/run-detail";
import { listRuns } from "@/lib/db/queries/runs";
import { formatDateTime } from "@/lib/format";
import { describeChange } from "@/lib/format/decisions";
import { AccountHealthCard } from "./account-health-card";

export default async function LayerPage({ params }: { params: Promise<{ projectId: string; layerId: string }> }) {
  const { projectId, layerId } = await params;
  const access = await requireProject(projectId);
  const layer = await getLayerDetail(projectId, layerId);
  if (!layer) notFound();
  const [levels, runs, pending] = await Promise.all([countEntitiesByLevel(layerId), listRuns(projectId, { layerId, take: 25 }), listPendingProposals(projectId, new Date(), layerId)]);
  const paused = layer.status === "paused";
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{layer.name}</h1>
        <Badge tone={paused ? "amber" : "green"}>{layer.status}</Badge>
        <Badge tone="indigo">{layer.mode === "autopilot" ? "autopilot" : "approve first"}</Badge>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title="Connection">
          <dl className="space-y-1 text-sm">
            <div><dt className="inline text-slate-500">Account </dt><dd className="inline">{layer.adAccountId ?? "—"} ({layer.credentialsRef ? "connected" : "simulated market"})</dd></div>
            <div><dt className="inline text-slate-500">Account timezone </dt><dd className="inline">{layer.accountTimezone}</dd></div>
            <div><dt className="inline text-slate-500">Last metrics sync </dt><dd className="inline">{formatDateTime(layer.lastSyncAt, access.timezone)}</dd></div>
            <div><dt className="inline text-slate-500">Health </dt><dd className="inline">{layer.lastSyncError ? <span className="text-red-700">{layer.lastSyncError}</span> : "OK"}</dd></div>
            <div><dt className="inline text-slate-500">Entities </dt><dd className="inline">{levels.filter((l) => l.status === "active").map((l) => `${l.count} active ${l.level}s`).join(", ")}</dd></div>
          </dl>
        </Card>
        <Card title="Run now">
          <RunNow projectId={projectId} layerId={layer.id} disabled={!roleAllows(access.role, "layer.run")} />
        </Card>
        <Card title="Settings">
          {roleAllows(access.role, "layer.pause") ? <LayerModeToggle layerId={layer.id} mode={layer.mode} /> : <p className="text-sm">Mode: {layer.mode}</p>}
        </Card>
      </div>
      <AccountHealthCard layer={layer} timezone={access.timezone} />
      <Card title={`Pending actions (${pending.length})`}>
        {pending.length === 0 ? (
          <EmptyState title="Nothing waiting for approval">In approve-first mode, approved optimizer actions wait here for 7 days.</EmptyState>
        ) : (
          <PendingActions canDecide={roleAllows(access.role, "proposal.decide")} items={pending.map((p) => ({
            id: p.id, subject: p.entity ? `${p.entity.level} "${p.entity.name}"` : p.entityId, layer: p.run.layer?.name ?? "", action: p.action,
            change: describeChange(p.action, p.fromValue, p.toValue, access.currency), sentence: p.sentence, expires: formatDateTime(p.expiresAt, access.timezone),
          }))} />
        )}
      </Card>
      <Card title="Recent runs">
        {runs.length === 0 ? <EmptyState title="No runs yet" /> : <RunsTable projectId={projectId} runs={runs} timezone={access.timezone} />}
      </Card>
      <Card title="Danger zone">
        {roleAllows(access.role, "layer.pause") ? <LayerDangerZone layerId={layer.id} paused={paused} pausedReason={layer.pausedReason} /> : <p className="text-sm text-slate-500">Only admins can pause or resume a layer.</p>}
      </Card>
    </div>
  );
}
