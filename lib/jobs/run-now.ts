// "Run now": starts a job for one layer out of cycle and returns its run id at once, so the page can follow
// its progress. With Inngest configured the run goes through Inngest (same function, same concurrency key).
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { startRun } from "@/lib/db/queries/run-records";
import { runJob } from "@/lib/schedules/jobs";
import { inngestConfigured } from "@/lib/schedules/runner";
import type { JobName } from "@/lib/schedules/table";

export async function startLayerJobNow(job: Extract<JobName, "ad-optimize" | "watchdog" | "content-refresh" | "metrics-sync">, layer: { id: string; projectId: string }): Promise<string> {
  const runId = randomUUID();
  if (inngestConfigured()) {
    const { inngest, jobEventName } = await import("@/inngest/client");
    await inngest.send({ name: jobEventName(job), data: { targetId: layer.id, trigger: "manual", runId } });
    return runId;
  }
  const kind = ({ "ad-optimize": "ad_optimize", watchdog: "watchdog", "content-refresh": "content_refresh", "metrics-sync": "metrics_sync" } as const)[job];
  // Recorded as running before returning, so the page has something to follow immediately.
  await startRun({ id: runId, projectId: layer.projectId, layerId: layer.id, kind, trigger: "manual", startedAt: new Date() });
  void runJob(getDb(), job, layer.id, { now: new Date(), trigger: "manual", runId }).catch((error: unknown) => {
    console.error(`[run-now] ${job} on ${layer.id} failed:`, error instanceof Error ? error.message : error);
  });
  return runId;
}
