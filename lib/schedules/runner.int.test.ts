// The in-process scheduler on a database of its own: a paused layer records skipped ticks and executes nothing,
// while metrics sync keeps collecting; an active layer runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePgPool } from "@/lib/db/bulk";
import { closeDb, createDb, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seedDemo } from "@/prisma/seed-demo";
import { tick } from "./runner";
import { scheduleById } from "./table";

let database: TestDatabase;
let db: Db;
const original = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await createTestDatabase("sched");
  process.env.DATABASE_URL = database.url;
  await seedDemo(database.url, { now: new Date() });
  db = createDb(database.url, 4);
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
  await Promise.all([closeDb(), closePgPool()]);
  if (original === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = original;
  await database.cleanup();
});

describe("in-process scheduler", () => {
  it("records skipped watchdog ticks on a paused layer and executes nothing there", async () => {
    const meta = await db.layer.findFirstOrThrow({ where: { platform: "meta" } });
    await db.layer.update({ where: { id: meta.id }, data: { status: "paused", pausedReason: "regulatory review" } });
    const pausedAt = new Date();
    const inFlight = new Set<string>();
    await tick(db, scheduleById("watchdog"), inFlight);
    await tick(db, scheduleById("watchdog"), inFlight);
    const metaRuns = await db.workflowRun.findMany({ where: { layerId: meta.id, kind: "watchdog", startedAt: { gte: pausedAt } } });
    expect(metaRuns).toHaveLength(2);
    expect(metaRuns.every((r) => r.status === "skipped" && r.skipReason!.includes("regulatory review"))).toBe(true);
    // The seed's first cycle acted before the pause; nothing may be executed after it.
    expect(await db.actionExecution.count({ where: { layerId: meta.id, createdAt: { gte: pausedAt } } })).toBe(0);
    const others = await db.workflowRun.findMany({ where: { kind: "watchdog", layerId: { not: meta.id } } });
    expect(others.length).toBe(4);
    expect(others.every((r) => r.status === "completed")).toBe(true);
  });

  it("keeps syncing metrics on a paused layer", async () => {
    const meta = await db.layer.findFirstOrThrow({ where: { platform: "meta" } });
    await tick(db, scheduleById("metrics-sync-meta"), new Set());
    const run = await db.workflowRun.findFirstOrThrow({ where: { layerId: meta.id, kind: "metrics_sync" } });
    expect(run.status).toBe("completed");
  });

  it("runs the optimizer on active layers of the demo and records what it decided", async () => {
    await tick(db, scheduleById("ad-optimize-meta-tiktok"), new Set());
    const tiktok = await db.layer.findFirstOrThrow({ where: { platform: "tiktok" } });
    const run = await db.workflowRun.findFirstOrThrow({ where: { layerId: tiktok.id, kind: "ad_optimize" }, orderBy: { startedAt: "desc" } });
    expect(run.status).toBe("completed");
    expect(await db.entityClassification.count({ where: { runId: run.id } })).toBeGreaterThan(20);
  });
});
