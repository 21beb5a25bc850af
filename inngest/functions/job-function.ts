// One Inngest function per job: a thin shell of named steps over lib job code. The run id is allocated in its
// own step, so a retried run reuses it and the job's idempotency (decisions recorded once, actions keyed by
// run + entity + action) makes the retry safe.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { runJob, type Trigger } from "@/lib/schedules/jobs";
import type { JobName } from "@/lib/schedules/table";
import { inngest, jobEventName } from "../client";

export interface JobEventData {
  targetId: string;
  trigger?: Trigger;
  /** Set by "Run now", so the page can follow the run it started. */
  runId?: string;
}

export function createJobFunction(job: JobName) {
  return inngest.createFunction(
    {
      id: job,
      name: `Layers ${job}`,
      // One run per job and target at a time; the database lease guards the in-process runner the same way.
      concurrency: [{ key: "event.data.targetId", limit: 1 }],
      retries: 3,
      triggers: [{ event: jobEventName(job) }],
    },
    async ({ event, step }) => {
      const data = event.data as JobEventData;
      const runId = await step.run("allocate-run-id", () => data.runId ?? randomUUID());
      const result = await step.run(`run-${job}`, () => runJob(getDb(), job, data.targetId, { now: new Date(), trigger: data.trigger ?? "event", runId }));
      return { job, targetId: data.targetId, runId, result };
    },
  );
}
