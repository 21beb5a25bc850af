// The wallet page's data sections, each loaded on its own so each streams in behind its own skeleton.
import { Card, EmptyState } from "@/components/ui/card";
import { AutoTopUpForm } from "@/components/wallet/auto-top-up-form";
import { BalanceChart } from "@/components/wallet/balance-chart";
import { CorrectionForm } from "@/components/wallet/correction-form";
import { FailedTopUps } from "@/components/wallet/failed-top-ups";
import { LedgerTable } from "@/components/wallet/ledger-table";
import { TopUpForm } from "@/components/wallet/top-up-form";
import { WalletSummary } from "@/components/wallet/wallet-summary";
import type { ProjectAccess } from "@/lib/db/access";
import { loadAutoTopUpSettings, loadLedgerPage, loadTopUpFailures, loadWalletHistory, loadWalletOverview } from "@/lib/db/queries/wallet-views";

export async function SummarySection({ access, now }: { access: ProjectAccess; now: Date }) {
  const overview = await loadWalletOverview(access.orgId, now);
  if (!overview) return <EmptyState title="No wallet yet">The first top-up creates {access.orgName}&apos;s wallet.</EmptyState>;
  return <WalletSummary overview={overview} timezone={access.timezone} />;
}

export async function ChartSection({ access, now }: { access: ProjectAccess; now: Date }) {
  const history = await loadWalletHistory(access.orgId, now, 30);
  if (!history) return <p className="text-sm text-slate-500">No history yet.</p>;
  return <BalanceChart points={history.points} currency={history.currency} />;
}

export async function FailuresSection({ access, now }: { access: ProjectAccess; now: Date }) {
  const data = await loadTopUpFailures(access.orgId, now);
  return <FailedTopUps failures={data?.failures ?? []} currency={data?.currency ?? access.currency} timezone={access.timezone} />;
}

export async function ManageSection({ access, canManage }: { access: ProjectAccess; canManage: boolean }) {
  const { currency, settings } = await loadAutoTopUpSettings(access.orgId);
  const cur = currency ?? access.currency;
  if (!canManage) {
    return (
      <Card title="Top up and auto top-up">
        <p className="text-sm text-slate-600">Only admins and owners can add funds or change auto top-up (your role: {access.role}).</p>
      </Card>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Add funds"><TopUpForm projectId={access.projectId} currency={cur} /></Card>
      <Card title="Auto top-up"><AutoTopUpForm projectId={access.projectId} currency={cur} settings={settings} /></Card>
      <div className="lg:col-span-2">
        <Card title="Refund or adjustment"><CorrectionForm projectId={access.projectId} currency={cur} /></Card>
      </div>
    </div>
  );
}

export async function LedgerSection({ access, page }: { access: ProjectAccess; page: number }) {
  const data = await loadLedgerPage(access.orgId, page);
  if (!data) return <EmptyState title="No wallet activity yet">Top-ups and daily ad-spend drawdowns appear here as ledger entries.</EmptyState>;
  return <LedgerTable lines={data.lines} currency={data.currency} timezone={access.timezone} page={Math.min(page, data.pages)} pages={data.pages} basePath={`/p/${access.projectId}/wallet`} />;
}
