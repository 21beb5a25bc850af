// The global schedules panel, computed from the schedule table and the last runs: cadence, last success,
// last failure, next run, and a flag when the last success is older than twice the cadence.
import { Cron } from "croner";
import type { ScheduleEntry } from "./table";

export interface LastRuns {
  kind: string;
  platform: string | null;
  last_success: Date | null;
  last_failure: Date | null;
  last_failure_error: string | null;
}

export interface ScheduleStatus {
  id: string;
  description: string;
  cron: string;
  intervalMinutes: number;
  lastSuccess: Date | null;
  lastFailure: Date | null;
  lastFailureError: string | null;
  nextRun: Date | null;
  overdue: boolean;
}

const KIND_OF_JOB: Record<string, string> = {
  "ad-optimize": "ad_optimize", watchdog: "watchdog", "content-refresh": "content_refresh", "metrics-sync": "metrics_sync",
  "rescore-creatives": "rescore_creatives", "wallet-top-up": "wallet_top_up", reconcile: "reconcile",
};

const latest = (dates: (Date | null)[]) => dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

export function scheduleStatuses(entries: readonly ScheduleEntry[], runs: LastRuns[], now: Date): ScheduleStatus[] {
  // Loops that record no workflow run (the minutely webhook delivery) have no history to judge.
  return entries.filter((entry) => KIND_OF_JOB[entry.job]).map((entry) => {
    const platforms = entry.scope.kind === "layer" ? new Set<string>(entry.scope.platforms) : null;
    const mine = runs.filter((r) => r.kind === KIND_OF_JOB[entry.job] && (!platforms || (r.platform !== null && platforms.has(r.platform))));
    const lastSuccess = latest(mine.map((r) => r.last_success));
    const lastFailure = latest(mine.map((r) => r.last_failure));
    const failureRow = mine.find((r) => r.last_failure && lastFailure && r.last_failure.getTime() === lastFailure.getTime());
    return {
      id: entry.id,
      description: entry.description,
      cron: entry.cron,
      intervalMinutes: entry.intervalMinutes,
      lastSuccess,
      lastFailure,
      lastFailureError: failureRow?.last_failure_error ?? null,
      nextRun: new Cron(entry.cron, { paused: true, timezone: "UTC" }).nextRun(now),
      overdue: !lastSuccess || now.getTime() - lastSuccess.getTime() > 2 * entry.intervalMinutes * 60_000,
    };
  });
}
