import { Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";

export default async function EventsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProject(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Events</h1>
      <Card>
        <EmptyState title="No events yet">Send SDK or server-side events to POST /api/v1/events with a project API key; they appear here newest first.</EmptyState>
      </Card>
    </div>
  );
}
