import { Suspense } from "react";
import { DriftAlerts } from "@/components/reconciliation/drift-alerts";
import { DriftCauses } from "@/components/reconciliation/drift-causes";
import { PlatformTable } from "@/components/reconciliation/platform-table";
import { Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { CONVERSION_EVENT_NAMES, RECONCILED_PLATFORMS, loadReconciliationInput } from "@/lib/db/queries/reconciliation";
import { persistentDrift, reconcile } from "@/lib/reconciliation";

async function Reconciliation({ projectId }: { projectId: string }) {
  const now = new Date();
  const input = await loadReconciliationInput(projectId, now);
  const rows = reconcile(input);
  const alerts = persistentDrift(rows, now, { timeZone: input.timeZone });
  const platforms = RECONCILED_PLATFORMS.filter((p) => input.layers.some((l) => l.platform === p) || rows.some((r) => r.platform === p));
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <DriftAlerts alerts={alerts} />
        {platforms.length === 0 && <p className="text-sm text-slate-500">No ad layers are connected and no attributed conversions arrived yet.</p>}
        {platforms.map((platform) => (
          <PlatformTable key={platform} platform={platform} days={input.days} rows={rows.filter((r) => r.platform === platform)}
            accounts={input.layers.filter((l) => l.platform === platform)} />
        ))}
      </div>
      <DriftCauses projectTimezone={input.timeZone} conversionEvents={CONVERSION_EVENT_NAMES} />
    </div>
  );
}

export default async function ReconciliationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Reconciliation</h1>
        <p className="mt-1 text-sm text-slate-600">
          Layers&apos; own conversions (SDK events, the source of truth) against the installs each ad platform reports, per day in the project
          timezone ({access.timezone}), last 14 days.
        </p>
      </div>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Reconciliation projectId={projectId} />
      </Suspense>
    </div>
  );
}
