// The in-process scheduler for deployments without Inngest (the embedded demo): the same table, one runner per
// process, no overlapping runs of the same job and target (in memory here, and by database lease across processes).
import { Cron } from "croner";
import type { Db } from "@/lib/db/client";
import { listTargets, runJob } from "./jobs";
import { SCHEDULES, type ScheduleEntry } from "./table";

export interface SchedulerHandle {
  stop(): void;
  crons: { id: string; cron: string; nextRun: Date | null }[];
}

const globalForRunner = globalThis as unknown as { layersScheduler?: SchedulerHandle };

export async function tick(db: Db, entry: ScheduleEntry, inFlight: Set<string>, now = new Date()): Promise<void> {
  const targets = await listTargets(db, entry);
  await Promise.all(
    targets.map(async (targetId) => {
      const key = `${entry.job}:${targetId}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      try {
        await runJob(db, entry.job, targetId, { now, trigger: "schedule" });
      } catch (error) {
        console.error(`[scheduler] ${entry.id} on ${targetId} failed:`, error instanceof Error ? error.message : error);
      } finally {
        inFlight.delete(key);
      }
    }),
  );
}

export function startInProcessScheduler(db: Db, entries: readonly ScheduleEntry[] = SCHEDULES): SchedulerHandle {
  if (globalForRunner.layersScheduler) return globalForRunner.layersScheduler;
  const inFlight = new Set<string>();
  const jobs = entries.map(
    (entry) => new Cron(entry.cron, { name: entry.id, timezone: "UTC", protect: true, catch: true }, () => tick(db, entry, inFlight)),
  );
  const handle: SchedulerHandle = {
    stop: () => jobs.forEach((j) => j.stop()),
    crons: jobs.map((j, i) => ({ id: entries[i]!.id, cron: entries[i]!.cron, nextRun: j.nextRun() })),
  };
  globalForRunner.layersScheduler = handle;
  return handle;
}

export function inngestConfigured(): boolean {
  return Boolean(process.env.INNGEST_SIGNING_KEY || process.env.INNGEST_DEV || process.env.INNGEST_BASE_URL);
}
