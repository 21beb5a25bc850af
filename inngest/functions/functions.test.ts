// Each Inngest function calls the right job for the right target; the crons are the schedule table's.
import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ runJob: [] as unknown[][], targets: ["layer-1", "layer-2"] }));
vi.mock("@/lib/db/client", () => ({ getDb: () => ({ marker: "db" }) }));
vi.mock("@/lib/schedules/jobs", () => ({
  runJob: async (...args: unknown[]) => {
    calls.runJob.push(args);
    return { status: "completed" };
  },
  listTargets: async () => calls.targets,
}));

const { functions, jobFunctions } = await import("./index");
const { scheduledTicks } = await import("./scheduled-ticks");
const { SCHEDULES } = await import("@/lib/schedules/table");

beforeEach(() => {
  calls.runJob = [];
});

describe("job functions", () => {
  for (const job of ["ad-optimize", "watchdog", "content-refresh", "metrics-sync", "rescore-creatives", "wallet-top-up", "reconcile", "deliver-notifications"]) {
    it(`${job} runs the ${job} job for the event's target, once, with a stable run id`, async () => {
      const fn = jobFunctions.find((f) => f.id() === job)!;
      expect(fn, `no Inngest function for ${job}`).toBeDefined();
      const engine = new InngestTestEngine({ function: fn, events: [{ name: `layers/${job}.requested`, data: { targetId: "layer-7", trigger: "schedule" } }] });
      const { result } = await engine.execute();
      expect(calls.runJob).toHaveLength(1);
      const [, calledJob, target, context] = calls.runJob[0] as [unknown, string, string, { trigger: string; runId: string }];
      expect(calledJob).toBe(job);
      expect(target).toBe("layer-7");
      expect(context.trigger).toBe("schedule");
      expect((result as { runId: string }).runId).toBe(context.runId);
    });
  }

  it("uses the run id that Run now chose, so the page can follow it", async () => {
    const fn = jobFunctions.find((f) => f.id() === "ad-optimize")!;
    const engine = new InngestTestEngine({ function: fn, events: [{ name: "layers/ad-optimize.requested", data: { targetId: "layer-9", trigger: "manual", runId: "run-from-page" } }] });
    const { result } = await engine.execute();
    expect((result as { runId: string }).runId).toBe("run-from-page");
    expect((calls.runJob[0] as [unknown, string, string, { runId: string }])[3].runId).toBe("run-from-page");
  });

  it("limits each job to one concurrent run per target", () => {
    for (const fn of jobFunctions) expect(fn.opts.concurrency).toEqual([{ key: "event.data.targetId", limit: 1 }]);
  });
});

describe("scheduled ticks", () => {
  it("come from the same schedule table as the in-process runner", () => {
    expect(scheduledTicks.map((f) => f.id())).toEqual(SCHEDULES.map((s) => `${s.id}-tick`));
    expect(scheduledTicks.map((f) => (f.opts.triggers as { cron: string }[])[0]!.cron)).toEqual(SCHEDULES.map((s) => `TZ=UTC ${s.cron}`));
    expect(functions).toHaveLength(jobFunctions.length + SCHEDULES.length);
  });

  it("fan out one event per target", async () => {
    const tick = scheduledTicks.find((f) => f.id() === "watchdog-tick")!;
    const engine = new InngestTestEngine({ function: tick, steps: [{ id: "fan-out", handler: () => ({ ids: ["e1", "e2"] }) }] });
    const { ctx, result } = await engine.execute();
    expect(result).toEqual({ schedule: "watchdog", targets: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("fan-out", [
      { name: "layers/watchdog.requested", data: { targetId: "layer-1", trigger: "schedule" } },
      { name: "layers/watchdog.requested", data: { targetId: "layer-2", trigger: "schedule" } },
    ]);
  });
});
