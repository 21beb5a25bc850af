// The cron side: one function per row of the schedule table, fanning out one event per target.
import { getDb } from "@/lib/db/client";
import { listTargets } from "@/lib/schedules/jobs";
import { SCHEDULES, type ScheduleEntry } from "@/lib/schedules/table";
import { inngest, jobEventName } from "../client";

export function createTickFunction(entry: ScheduleEntry) {
  return inngest.createFunction(
    { id: `${entry.id}-tick`, name: `Tick: ${entry.description}`, triggers: [{ cron: `TZ=UTC ${entry.cron}` }] },
    async ({ step }) => {
      const targets = await step.run("list-targets", () => listTargets(getDb(), entry));
      if (targets.length > 0) {
        await step.sendEvent("fan-out", targets.map((targetId) => ({ name: jobEventName(entry.job), data: { targetId, trigger: "schedule" } })));
      }
      return { schedule: entry.id, targets: targets.length };
    },
  );
}

export const scheduledTicks = SCHEDULES.map(createTickFunction);
