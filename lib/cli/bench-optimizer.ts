// Optimizer benchmark: N entities with 30 days of metrics in PostgreSQL, one full cycle, against one plain SQL
// aggregation over the same rows. `npm run bench` (BENCH_ENTITIES to change N, default 100,000).
import { getPgPool } from "@/lib/db/bulk";
import { createDb, getDb } from "@/lib/db/client";
import { withProcessDatabase } from "@/lib/db/scoped";
import { refreshEntityWindows } from "@/lib/db/queries/entity-windows";
import { runLayerCycle } from "@/lib/jobs/optimize-layer";
import type { AdPlatformClient } from "@/lib/platforms/types";
import { createTestDatabase } from "@/lib/testing/test-database";

const noopClient: AdPlatformClient = {
  platform: "meta",
  listEntities: async () => [],
  fetchDailyMetrics: async () => [],
  pause: async () => {},
  resume: async () => {},
  setDailyBudget: async () => {},
  setBid: async () => {},
  createAd: async (input) => ({ platformId: `bench-${input.idempotencyKey}` }),
  getAccountHealth: async () => ({ status: "ok", spendCapReached: false, paymentIssue: false, message: null }),
};

export async function seedBench(url: string, entities: number, now: Date) {
  const pool = getPgPool();
  const campaigns = Math.max(1, Math.round(entities / 200));
  const adsets = campaigns * 10;
  const ads = entities - campaigns - adsets;
  const today = now.toISOString().slice(0, 10);
  await pool.query(`INSERT INTO "Org" (id, name, slug) VALUES ('bench-org', 'Bench', 'bench')`);
  await pool.query(`INSERT INTO "Project" (id, "orgId", name, slug, "targetCpaMinor") VALUES ('bench-project', 'bench-org', 'Bench', 'bench', 600)`);
  await pool.query(`INSERT INTO "Layer" (id, "projectId", platform, name, "lastSyncAt") VALUES ('bench-layer', 'bench-project', 'meta', 'Bench Meta', $1)`, [now]);
  await pool.query(`INSERT INTO "AdEntity" (id, "layerId", level, "platformId", name, "platformCreatedAt", "updatedAt")
    SELECT 'c' || g, 'bench-layer', 'campaign', 'c' || g, 'Campaign ' || g, $2::timestamptz - interval '90 days', now() FROM generate_series(1, $1::int) g`, [campaigns, now]);
  await pool.query(`INSERT INTO "AdEntity" (id, "layerId", level, "platformId", "parentId", name, "platformCreatedAt", "dailyBudgetMinor", "updatedAt")
    SELECT 's' || g, 'bench-layer', 'adset', 's' || g, 'c' || (1 + (g - 1) % $2::int), 'Adset ' || g, $3::timestamptz - interval '60 days', 5000 + (g % 50) * 500, now() FROM generate_series(1, $1::int) g`, [adsets, campaigns, now]);
  await pool.query(`INSERT INTO "AdEntity" (id, "layerId", level, "platformId", "parentId", name, "platformCreatedAt", "updatedAt")
    SELECT 'a' || g, 'bench-layer', 'ad', 'a' || g, 's' || (1 + (g - 1) % $2::int), 'Ad ' || g, $3::timestamptz - ((2 + g % 40) || ' days')::interval, now() FROM generate_series(1, $1::int) g`, [ads, adsets, now]);
  // 30 days per entity; a few entities burn money without installs, quality varies by id.
  await pool.query(`INSERT INTO "DailyMetric" ("entityId", "layerId", date, "spendMinor", impressions, clicks, installs, conversions, "revenueMinor", frequency)
    SELECT e.id, 'bench-layer', $1::date - d,
      (300 + (hashtext(e.id || d) & 1023))::int,
      (2000 + (hashtext(e.id) & 4095))::int,
      (40 + (hashtext(e.id || 'c' || d) & 63))::int,
      CASE WHEN hashtext(e.id) % 23 = 0 THEN 0 ELSE ((hashtext(e.id || 'i' || d) & 7))::int END,
      0, 0, 1 + ((hashtext(e.id) & 31) / 10.0)
    FROM "AdEntity" e CROSS JOIN generate_series(0, 29) d WHERE e."layerId" = 'bench-layer'`, [today]);
  await pool.query(`ANALYZE "DailyMetric"; ANALYZE "AdEntity"`);
  // What the metrics sync does after writing days: the cycle then reads one row of day-band sums per entity.
  await refreshEntityWindows("bench-layer", today);
}

export async function benchOptimizer(entities = Number(process.env.BENCH_ENTITIES ?? 100_000)) {
  const database = await createTestDatabase("bench");
  try {
    return await withProcessDatabase(database.url, () => measure(database.url, entities));
  } finally {
    await database.cleanup();
  }
}

async function measure(url: string, entities: number) {
  const db = createDb(url, 4);
  const now = new Date();
  try {
    let t = Date.now();
    await seedBench(url, entities, now);
    const seedMs = Date.now() - t;
    const rows = Number((await getPgPool().query(`SELECT count(*) FROM "DailyMetric"`)).rows[0].count);
    const entityCount = Number((await getPgPool().query(`SELECT count(*) FROM "AdEntity"`)).rows[0].count);

    const plainSql = `SELECT "entityId", sum("spendMinor"), sum(impressions), sum(clicks), sum(installs) FROM "DailyMetric" WHERE "layerId" = 'bench-layer' AND date > $1::date - 30 GROUP BY "entityId"`;
    await getPgPool().query(plainSql, [now.toISOString().slice(0, 10)]); // warm the cache for both measurements
    t = Date.now();
    await getPgPool().query(plainSql, [now.toISOString().slice(0, 10)]);
    const aggregationMs = Date.now() - t;

    // A running app has warm pools; the measurement should not include opening them.
    await getDb().layer.findUniqueOrThrow({ where: { id: "bench-layer" }, select: { id: true } });
    t = Date.now();
    const outcome = await runLayerCycle(db, { layerId: "bench-layer", mode: "cycle", trigger: "manual", now, clients: async () => noopClient });
    const cycleMs = Date.now() - t;
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: outcome.runId }, select: { counts: true, status: true } });
    const result = { entities: entityCount, metricRows: rows, seedMs, cycleMs, aggregationMs, ratio: Math.round((cycleMs / aggregationMs) * 100) / 100, status: run.status, counts: run.counts };
    console.log("\nOptimizer cycle benchmark");
    console.table([{ entities: entityCount, "metric rows": rows, "cycle (ms)": cycleMs, "plain SQL aggregation (ms)": aggregationMs, "cycle / aggregation": result.ratio }]);
    console.log(`run ${run.status}: ${JSON.stringify(run.counts)}  (seeding took ${(seedMs / 1000).toFixed(1)} s)`);
    return result;
  } finally {
    await db.$disconnect();
  }
}
