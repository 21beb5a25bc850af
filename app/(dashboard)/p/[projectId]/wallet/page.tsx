import { Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";

export default async function WalletPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProject(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Wallet</h1>
      <Card>
        <EmptyState title="No wallet activity yet">Top-ups and daily ad-spend drawdowns appear here as ledger entries.</EmptyState>
      </Card>
    </div>
  );
}
