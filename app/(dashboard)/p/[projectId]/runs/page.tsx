import { Suspense } from "react";
import { RunFilters } from "@/components/runs/run-filters";
import { RunsTable } from "@/components/runs/runs-table";
import { SchedulesPanel } from "@/components/runs/schedules-panel";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { listLayers } from "@/lib/db/queries/layers";
import { listRuns } from "@/lib/db/queries/runs";
import { lastRunsByKindAndPlatform } from "@/lib/db/queries/schedules";
import { inngestConfigured } from "@/lib/schedules/runner";
import { scheduleStatuses } from "@/lib/schedules/status";
import { SCHEDULES } from "@/lib/schedules/table";

const KINDS = ["ad_optimize", "watchdog", "content_refresh", "metrics_sync", "rescore_creatives", "wallet_top_up", "reconcile"] as const;
const STATUSES = ["running", "completed", "failed", "skipped", "refused"] as const;

async function Schedules({ projectId, timezone }: { projectId: string; timezone: string }) {
  const rows = scheduleStatuses(SCHEDULES, await lastRunsByKindAndPlatform(projectId), new Date());
  return <SchedulesPanel rows={rows} timezone={timezone} mode={inngestConfigured() ? "Inngest" : process.env.LAYERS_SCHEDULER === "off" ? "off" : "in-process"} />;
}

export default async function RunsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ kind?: string; status?: string; layerId?: string }> }) {
  const [{ projectId }, filters] = await Promise.all([params, searchParams]);
  const access = await requireProject(projectId);
  const kind = KINDS.find((k) => k === filters.kind);
  const status = STATUSES.find((s) => s === filters.status);
  const [runs, layers] = await Promise.all([listRuns(projectId, { kind, status, layerId: filters.layerId || undefined }), listLayers(projectId)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Workflow runs</h1>
      <Card title="Global schedules">
        <Suspense fallback={<Skeleton className="h-48" />}>
          <Schedules projectId={projectId} timezone={access.timezone} />
        </Suspense>
      </Card>
      <Card title="History" action={<RunFilters layers={layers} current={{ kind, status, layerId: filters.layerId }} />}>
        {runs.length === 0 ? (
          <EmptyState title="No runs match">The optimizer, watchdog, content refresh and metrics sync record every run here, newest first.</EmptyState>
        ) : (
          <RunsTable projectId={projectId} runs={runs} timezone={access.timezone} />
        )}
      </Card>
    </div>
  );
}
