import { Suspense } from "react";
import { TrendChart } from "@/components/charts/trend-chart";
import { KpiTiles } from "@/components/dashboard/kpi-tiles";
import { OptimizerActivity } from "@/components/dashboard/optimizer-activity";
import { Card, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { getProjectKpis } from "@/lib/db/queries/kpis";
import { getProjectSettings } from "@/lib/db/queries/projects";
import { listPendingProposals, listRecentActivity } from "@/lib/db/queries/run-detail";
import { getProjectTrend } from "@/lib/db/queries/trend";
import type { ProjectAccess } from "@/lib/db/access";
import { TasksWidget, WalletWidget } from "./wallet/dashboard-widgets";

async function Kpis({ projectId }: { projectId: string }) {
  const [kpis, settings] = await Promise.all([getProjectKpis(projectId), getProjectSettings(projectId)]);
  return <KpiTiles kpis={kpis} currency={settings.currency} targetCpaMinor={settings.targetCpaMinor} />;
}

async function Trend({ projectId, currency }: { projectId: string; currency: string }) {
  const points = await getProjectTrend(projectId, 30);
  const data = points.map((p) => ({ date: p.date.slice(5), spend: p.spendMinor / 100, cpa: p.installs ? p.spendMinor / p.installs / 100 : null }));
  return <TrendChart data={data} currency={currency} />;
}

async function Activity({ access }: { access: ProjectAccess }) {
  const [activity, pending] = await Promise.all([listRecentActivity(access.projectId, 10), listPendingProposals(access.projectId, new Date())]);
  return <OptimizerActivity access={access} activity={activity} pendingCount={pending.length} />;
}

export default async function DashboardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{access.projectName}</h1>
      <Suspense fallback={<Skeleton className="h-24" />}>
        <Kpis projectId={projectId} />
      </Suspense>
      <Card title="Trend — spend and CPA, 30 days">
        <Suspense fallback={<Skeleton className="h-64" />}>
          <Trend projectId={projectId} currency={access.currency} />
        </Suspense>
      </Card>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <Activity access={access} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <TasksWidget access={access} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-40" />}>
        <WalletWidget access={access} />
      </Suspense>
    </div>
  );
}
