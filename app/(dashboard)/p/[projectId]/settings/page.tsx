import { Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProject(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Card>
        <EmptyState title="Project settings">Target CPA, creative slots, API keys and layer connections are managed here.</EmptyState>
      </Card>
    </div>
  );
}
