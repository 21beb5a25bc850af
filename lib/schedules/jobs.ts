// What each scheduled job does for one target. Both schedulers (Inngest and in-process) call `runJob`.
import type { Db } from "@/lib/db/client";
import { syncLayerMetrics } from "@/lib/jobs/metrics-sync";
import { runLayerCycle } from "@/lib/jobs/optimize-layer";
import type { JobName, ScheduleEntry } from "./table";

export type Trigger = "schedule" | "manual" | "event";
export interface JobContext {
  now: Date;
  trigger: Trigger;
  /** Stable across retries of the same scheduled run (Inngest memoises it in a step). */
  runId?: string;
}

type Handler = (db: Db, targetId: string, context: JobContext) => Promise<unknown>;

const MODE = { "ad-optimize": "cycle", watchdog: "watchdog", "content-refresh": "refresh" } as const;

const layerCycle = (job: keyof typeof MODE): Handler => (db, layerId, c) => runLayerCycle(db, { layerId, mode: MODE[job], trigger: c.trigger, now: c.now, runId: c.runId });

/** Project- and org-scoped jobs owned by other modules register here (see lib/schedules/register.ts). */
const extraHandlers = new Map<JobName, Handler>();
export function registerJob(job: JobName, handler: Handler) {
  extraHandlers.set(job, handler);
}

export const HANDLERS: Partial<Record<JobName, Handler>> = {
  "ad-optimize": layerCycle("ad-optimize"),
  watchdog: layerCycle("watchdog"),
  "content-refresh": layerCycle("content-refresh"),
  "metrics-sync": (db, layerId, c) => syncLayerMetrics(db, { layerId, now: c.now, trigger: c.trigger, runId: c.runId }),
};

export async function runJob(db: Db, job: JobName, targetId: string, context: JobContext): Promise<unknown> {
  const handler = HANDLERS[job] ?? extraHandlers.get(job);
  if (!handler) throw new Error(`No handler registered for job ${job}`);
  return handler(db, targetId, context);
}

/** Targets of a schedule tick. Paused layers are included: their job records the skipped tick and why. */
export async function listTargets(db: Db, entry: ScheduleEntry): Promise<string[]> {
  if (entry.scope.kind === "layer") {
    const layers = await db.layer.findMany({ where: { platform: { in: entry.scope.platforms } }, select: { id: true }, orderBy: { id: "asc" } });
    return layers.map((l) => l.id);
  }
  if (entry.scope.kind === "global") return ["global"];
  if (entry.scope.kind === "project") return (await db.project.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  return (await db.org.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((o) => o.id);
}
