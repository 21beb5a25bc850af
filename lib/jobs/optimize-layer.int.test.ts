// A cycle against PostgreSQL: what is recorded and what is executed, including crash-and-retry and overlap.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { buildWorld } from "@/lib/testing/world";
import { runLayerCycle } from "./optimize-layer";

const db = createDb(process.env.DATABASE_URL!, 4);
afterAll(() => db.$disconnect());
const now = new Date("2026-11-20T12:00:00Z");

// A burner ($12/day, no installs) beside two converting ads: the burner is CRITICAL and is paused.
const BURNER = { key: "burner", ageDays: 20, daily: { spendMinor: 1_200, impressions: 2_000, clicks: 40, installs: 0 } };
const GOOD = (key: string) => ({ key, ageDays: 20, daily: { spendMinor: 1_000, impressions: 3_000, clicks: 90, installs: 3 } });

describe("runLayerCycle", () => {
  it("classifies, records every decision, pauses the burner through the platform client and mirrors it", async () => {
    const w = await buildWorld(db, { now, ads: [BURNER, GOOD("a"), GOOD("b")] });
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "manual", now, clients: w.resolver });
    expect(outcome.status).toBe("completed");
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.status).toBe("completed");
    expect(await db.entityClassification.count({ where: { runId: run.id } })).toBe(5);
    const burner = await db.entityClassification.findFirstOrThrow({ where: { runId: run.id, entityId: w.ads.burner } });
    expect(burner.classification).toBe("CRITICAL");
    expect((burner.metrics as { inputs: { spend7dMinor: number } }).inputs.spend7dMinor).toBe(8_400);
    const pause = await db.proposal.findFirstOrThrow({ where: { runId: run.id, entityId: w.ads.burner } });
    expect(pause).toMatchObject({ action: "pause", status: "approved" });
    expect(pause.guardrailsPassed.length).toBeGreaterThan(0);
    expect(w.client.callsTo("pause").map((c) => c.args[0])).toEqual([`a-burner-${w.adset.platformId.slice(2)}`]);
    expect((await db.adEntity.findUniqueOrThrow({ where: { id: w.ads.burner } })).status).toBe("paused");
    expect(await db.actionExecution.count({ where: { entityId: w.ads.burner, status: "succeeded" } })).toBe(1);
  });

  it("never applies an action twice when a crashed run is retried with the same run id", async () => {
    const w = await buildWorld(db, { now, ads: [BURNER, GOOD("a"), GOOD("b")] });
    const runId = crypto.randomUUID();
    await expect(runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, runId, clients: w.resolver, crashAfterRecord: true })).rejects.toThrow(/simulated crash/);
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("failed");
    expect(w.client.callsTo("pause")).toHaveLength(0);
    await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, runId, clients: w.resolver });
    await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, runId, clients: w.resolver });
    expect(w.client.callsTo("pause")).toHaveLength(1);
    expect(await db.entityClassification.count({ where: { runId } })).toBe(5);
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("completed");
  });

  it("records a failed action and still executes the others", async () => {
    const w = await buildWorld(db, { now, ads: [BURNER, { ...BURNER, key: "burner2" }, GOOD("a"), GOOD("b")] });
    w.client.failOn("pause", new Error("platform said no"), 1);
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "manual", now, clients: w.resolver });
    const executions = await db.actionExecution.findMany({ where: { layerId: w.layer.id } });
    expect(executions.map((e) => e.status).sort()).toEqual(["failed", "succeeded"]);
    expect(executions.find((e) => e.status === "failed")!.error).toContain("platform said no");
    expect(outcome.status).toBe("completed");
  });

  it("refuses a second cycle for the same layer while one holds the lock, and records it", async () => {
    const w = await buildWorld(db, { now, ads: [BURNER, GOOD("a"), GOOD("b")] });
    const [a, b] = await Promise.all([
      runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, clients: w.resolver }),
      runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "manual", now, clients: w.resolver }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["completed", "refused"]);
    const refused = await db.workflowRun.findFirstOrThrow({ where: { layerId: w.layer.id, status: "refused" } });
    expect(refused.skipReason).toMatch(/in progress/);
    expect(w.client.callsTo("pause")).toHaveLength(1);
  });

  it("runs nothing on a paused layer and records the skipped tick with the reason", async () => {
    const w = await buildWorld(db, { now, ads: [BURNER, GOOD("a")] });
    await db.layer.update({ where: { id: w.layer.id }, data: { status: "paused", pausedReason: "launch week" } });
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "watchdog", trigger: "schedule", now, clients: w.resolver });
    expect(outcome).toMatchObject({ status: "skipped" });
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({ status: "skipped", kind: "watchdog" });
    expect(run.skipReason).toContain("launch week");
    expect(w.client.calls).toHaveLength(0);
    expect(await db.actionExecution.count({ where: { layerId: w.layer.id } })).toBe(0);
  });

  it("holds everything on stale data and says why", async () => {
    const w = await buildWorld(db, { now, lastSyncAt: new Date(now.getTime() - 13 * 3_600_000), ads: [BURNER, GOOD("a")] });
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, clients: w.resolver });
    expect(outcome.status).toBe("completed");
    const rows = await db.entityClassification.findMany({ where: { runId: outcome.runId } });
    expect(rows.every((r) => r.reasons.includes("STALE_DATA"))).toBe(true);
    expect(await db.proposal.count({ where: { runId: outcome.runId } })).toBe(0);
    expect(w.client.calls.filter((c) => c.method !== "getAccountHealth")).toHaveLength(0);
  });

  it("in approve-first mode holds approved actions as pending until a marketer approves", async () => {
    const w = await buildWorld(db, { now, mode: "approve_first", ads: [BURNER, GOOD("a"), GOOD("b")] });
    const outcome = await runLayerCycle(db, { layerId: w.layer.id, mode: "cycle", trigger: "schedule", now, clients: w.resolver });
    const pending = await db.proposal.findFirstOrThrow({ where: { runId: outcome.runId, entityId: w.ads.burner } });
    expect(pending.approvalState).toBe("pending");
    expect(pending.expiresAt!.getTime()).toBe(now.getTime() + 7 * 86_400_000);
    expect(w.client.callsTo("pause")).toHaveLength(0);
  });
});
