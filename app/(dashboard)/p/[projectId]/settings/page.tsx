import { ProjectAlertsForm } from "@/components/settings/project-alerts-form";
import { Card } from "@/components/ui/card";
import { roleAllows } from "@/lib/auth/roles";
import { requireProject } from "@/lib/auth/session";
import { getProjectSettings } from "@/lib/db/queries/projects";

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const settings = await getProjectSettings(projectId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <div className="flex gap-4">
        <a href={`/p/${projectId}/settings/api-keys`} className="text-sm font-medium text-indigo-700 hover:underline">API keys →</a>
        <a href={`/p/${projectId}/settings/layers`} className="text-sm font-medium text-indigo-700 hover:underline">Layers →</a>
      </div>
      <Card title="Targets and alerts">
        <ProjectAlertsForm projectId={projectId} canEdit={roleAllows(access.role, "project.settings")} webhookSet={Boolean(settings.alertWebhookUrl)}
          targetCpa={settings.targetCpaMinor === null ? "" : (settings.targetCpaMinor / 100).toFixed(2)} />
      </Card>
      <Card title="Project">
        <dl className="space-y-1 text-sm">
          <div><dt className="inline text-slate-500">Timezone </dt><dd className="inline">{settings.timezone}</dd></div>
          <div><dt className="inline text-slate-500">Currency </dt><dd className="inline">{settings.currency}</dd></div>
          <div><dt className="inline text-slate-500">Creative slots </dt><dd className="inline">{settings.generatedSlots} generated · {settings.ugcSlots} UGC · {settings.manualSlots} manual · at most {settings.maxCreativesPerAdset} per ad set · score weight {settings.organicScoreWeight}</dd></div>
        </dl>
      </Card>
    </div>
  );
}
