import { USUAL_DRIFT_CAUSES } from "@/lib/reconciliation/reconcile";

/** The runbook's usual causes, shown beside the numbers they explain. */
export function DriftCauses({ projectTimezone, conversionEvents }: { projectTimezone: string; conversionEvents: readonly string[] }) {
  return (
    <aside className="space-y-4 text-sm" data-testid="drift-causes">
      <div>
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Why the numbers differ</h2>
        <ul className="mt-2 space-y-3">
          {USUAL_DRIFT_CAUSES.map((cause) => (
            <li key={cause.id}>
              <p className="font-medium text-slate-800">{cause.title}</p>
              <p className="text-slate-600">{cause.body}</p>
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded-lg bg-slate-50 p-3 text-slate-600">
        <p className="font-medium text-slate-800">How this is counted</p>
        <p className="mt-1">
          Layers: production <code>{conversionEvents.join(" / ")}</code> SDK events attributed to the platform (<code>ad_platform</code> or
          {" "}<code>utm_source</code>), deduplicated by event id and install id, by day in the project timezone ({projectTimezone}).
        </p>
        <p className="mt-1">Platform: installs reported on ads and keywords, by the day the platform reports them (its account timezone).</p>
        <p className="mt-1">Drift = (platform − Layers) ÷ Layers. Flagged above 20%; above 30% for more than 24 hours, a task is opened: if the causes above do not explain it, file it with support.</p>
      </div>
    </aside>
  );
}
