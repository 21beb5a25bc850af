import type { PersistentDriftAlert } from "@/lib/reconciliation/reconcile";

export function DriftAlerts({ alerts }: { alerts: PersistentDriftAlert[] }) {
  if (alerts.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="drift-alerts">
      {alerts.map((alert) => (
        <div key={alert.platform} role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{alert.notification.title}</p>
          <p className="mt-1">{alert.notification.body}</p>
        </div>
      ))}
    </div>
  );
}
