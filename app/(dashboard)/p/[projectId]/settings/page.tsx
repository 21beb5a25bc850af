import { Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProject(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <a href={`/p/${projectId}/settings/api-keys`} className="inline-block text-sm font-medium text-indigo-700 hover:underline">API keys →</a>
      <a href={`/p/${projectId}/settings/layers`} className="ml-4 inline-block text-sm font-medium text-indigo-700 hover:underline">Layers →</a>
      <Card>
        <EmptyState title="Project settings">Target CPA, creative slots, API keys and layer connections are managed here.</EmptyState>
      </Card>
    </div>
  );
}
