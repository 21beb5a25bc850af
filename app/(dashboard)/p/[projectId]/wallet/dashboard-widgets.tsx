// The dashboard's "Wallet" and "Tasks" widgets (runbook daily steps 4 and 6), each loading its own data.
import Link from "next/link";
import { TasksList } from "@/components/notifications/tasks-list";
import { Card, EmptyState } from "@/components/ui/card";
import { WalletSummary } from "@/components/wallet/wallet-summary";
import { roleAllows } from "@/lib/auth/roles";
import type { ProjectAccess } from "@/lib/db/access";
import { listOpenTasks } from "@/lib/db/queries/notifications";
import { loadWalletOverview } from "@/lib/db/queries/wallet-views";

export async function WalletWidget({ access }: { access: ProjectAccess }) {
  const overview = await loadWalletOverview(access.orgId, new Date());
  return (
    <Card title="Wallet" action={<Link href={`/p/${access.projectId}/wallet`} className="text-sm text-indigo-700 hover:underline">Open wallet →</Link>}>
      <div data-testid="wallet-widget">
        {overview ? <WalletSummary overview={overview} timezone={access.timezone} compact /> : <EmptyState title="No wallet yet">Top up from the wallet page to fund managed ad spend.</EmptyState>}
      </div>
    </Card>
  );
}

export async function TasksWidget({ access }: { access: ProjectAccess }) {
  const tasks = await listOpenTasks(access.projectId, 10);
  return (
    <Card title={`Tasks${tasks.length ? ` (${tasks.length})` : ""}`}>
      <div id="tasks" data-testid="tasks-widget">
        <TasksList
          projectId={access.projectId}
          timezone={access.timezone}
          canDecide={roleAllows(access.role, "proposal.decide")}
          tasks={tasks.map((t) => ({ id: t.id, title: t.title, body: t.body, link: t.link, createdAt: t.createdAt.toISOString() }))}
        />
      </div>
    </Card>
  );
}
