// Daily-ish job shell: load Layers vs platform conversions → persistentDrift (pure) → open a task and notify
// once per streak when a platform stays more than 30% away from Layers for over 24 hours.
import type { Db } from "@/lib/db/client";
import { loadReconciliationInput, raiseDriftAlert } from "@/lib/db/queries/reconciliation";
import { persistentDrift, reconcile, type PersistentDriftAlert, type ReconciliationRow } from "@/lib/reconciliation";

export interface ReconciliationRunResult {
  rows: ReconciliationRow[];
  alerts: PersistentDriftAlert[];
  /** Dedupe keys of tasks this run opened (already-open streaks are not repeated). */
  opened: string[];
}

export async function runReconciliation(db: Db, projectId: string, now: Date): Promise<ReconciliationRunResult> {
  const input = await loadReconciliationInput(projectId, now, { db });
  const rows = reconcile(input);
  const alerts = persistentDrift(rows, now, { timeZone: input.timeZone });
  const opened: string[] = [];
  for (const alert of alerts)
    if (await raiseDriftAlert(projectId, alert, { db, link: `/p/${projectId}/reconciliation` })) opened.push(alert.task.dedupeKey);
  return { rows, alerts, opened };
}
