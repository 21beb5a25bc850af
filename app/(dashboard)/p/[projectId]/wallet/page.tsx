import { Suspense } from "react";
import { Card, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { ChartSection, FailuresSection, LedgerSection, ManageSection, SummarySection } from "./sections";

export default async function WalletPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Wallet</h1>
        <p className="text-sm text-slate-500">{access.orgName}&apos;s prepaid wallet, shared by all its projects: top-ups credit it, ad spend is drawn from it daily.</p>
      </div>
      <Card>
        <Suspense fallback={<Skeleton className="h-20" />}>
          <SummarySection access={access} now={now} />
        </Suspense>
      </Card>
      <Card title="Balance and spend — 30 days (UTC)">
        <Suspense fallback={<Skeleton className="h-64" />}>
          <ChartSection access={access} now={now} />
        </Suspense>
      </Card>
      <Card title="Failed top-ups">
        <Suspense fallback={<Skeleton className="h-12" />}>
          <FailuresSection access={access} now={now} />
        </Suspense>
      </Card>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <ManageSection access={access} canManage={roleAllows(access.role, "wallet.manage")} />
      </Suspense>
      <Card title="Ledger">
        <Suspense fallback={<Skeleton className="h-96" />}>
          <LedgerSection access={access} page={page} />
        </Suspense>
      </Card>
    </div>
  );
}
