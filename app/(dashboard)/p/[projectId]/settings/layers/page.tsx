import Link from "next/link";
import { Suspense } from "react";
import { ConnectLayerForm } from "@/components/settings/connect-layer-form";
import { LayerConnectionsTable } from "@/components/settings/layer-connections-table";
import { Card, Skeleton } from "@/components/ui/card";
import { roleAllows } from "@/lib/auth/roles";
import { requireProject } from "@/lib/auth/session";
import { listLayerConnections } from "@/lib/db/queries/layer-connections";

function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

async function ConnectedLayers({ projectId, timezone, canConnect }: { projectId: string; timezone: string; canConnect: boolean }) {
  return <LayerConnectionsTable projectId={projectId} layers={await listLayerConnections(projectId, new Date())} timezone={timezone} canConnect={canConnect} />;
}

export default async function LayerConnectionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const canConnect = roleAllows(access.role, "layer.connect");
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/p/${projectId}/settings`} className="text-sm text-indigo-700 hover:underline">← Settings</Link>
        <h1 className="text-2xl font-semibold">Layers</h1>
        <p className="mt-1 text-sm text-slate-600">Each layer is one ad account the autopilot manages. Credentials are stored encrypted and never shown again.</p>
      </div>
      <Card title="Connected layers">
        <Suspense fallback={<Skeleton className="h-24" />}>
          <ConnectedLayers projectId={projectId} timezone={access.timezone} canConnect={canConnect} />
        </Suspense>
      </Card>
      {canConnect ? (
        <Card title="Connect a layer">
          <ConnectLayerForm projectId={projectId} timezones={timeZones()} defaultTimezone={access.timezone} defaultCurrency={access.currency} />
        </Card>
      ) : (
        <p className="text-sm text-slate-500">Your role ({access.role}) can see layer connections; connecting a layer needs admin or above.</p>
      )}
    </div>
  );
}
