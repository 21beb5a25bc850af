// The simulated market lives in the database: what the optimizer does to it changes the following days.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createSimulatedClient } from "./client";
import { advanceSimulatedLayer } from "./advance";

const db = createDb(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());
const DAY = 86_400_000;

async function simWorld(now: Date) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const org = await db.org.create({ data: { name: "Sim", slug: `sim-${suffix}` } });
  const project = await db.project.create({ data: { orgId: org.id, name: "Sim", slug: "sim" } });
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 10 * DAY);
  const layer = await db.layer.create({ data: { projectId: project.id, platform: "meta", name: "Sim Meta", simWorld: { create: { seed: `s-${suffix}`, simulatedThrough: new Date(start.getTime() - DAY) } } } });
  const campaign = await db.adEntity.create({ data: { layerId: layer.id, level: "campaign", platformId: "c1", name: "C", platformCreatedAt: start } });
  const adset = await db.adEntity.create({ data: { layerId: layer.id, level: "adset", platformId: "s1", parentId: campaign.id, name: "S", platformCreatedAt: start, dailyBudgetMinor: 20_000, sim: { create: { quality: 0.5, audienceSize: 300_000 } } } });
  const ads = await Promise.all(["a1", "a2", "a3"].map((id, i) => db.adEntity.create({ data: { layerId: layer.id, level: "ad", platformId: id, parentId: adset.id, name: id, platformCreatedAt: new Date(start.getTime() - 20 * DAY), sim: { create: { quality: 0.3 + i * 0.2 } } } })));
  return { layer, adset, ads };
}

describe("simulated market in the database", () => {
  it("writes whole days rolled up to ad sets and campaigns, and re-running is a no-op", async () => {
    const now = new Date();
    const w = await simWorld(now);
    const first = await advanceSimulatedLayer(db, w.layer.id, { days: 30, now });
    expect(first.days).toHaveLength(11);
    const adsetSpend = await db.dailyMetric.aggregate({ where: { entityId: w.adset.id }, _sum: { spendMinor: true } });
    const adSpend = await db.dailyMetric.aggregate({ where: { entityId: { in: w.ads.map((a) => a.id) } }, _sum: { spendMinor: true } });
    expect(adsetSpend._sum.spendMinor).toBe(adSpend._sum.spendMinor);
    const rows = await db.dailyMetric.count({ where: { layerId: w.layer.id } });
    const again = await advanceSimulatedLayer(db, w.layer.id, { days: 30, now });
    expect(again.days).toEqual([]);
    expect(await db.dailyMetric.count({ where: { layerId: w.layer.id } })).toBe(rows);
  });

  it("stops spending on an ad the optimizer paused, and a raised budget buys more delivery", async () => {
    const now = new Date();
    const w = await simWorld(now);
    await advanceSimulatedLayer(db, w.layer.id, { days: 1, now: new Date(now.getTime() - 10 * DAY) });
    const client = createSimulatedClient(db, { id: w.layer.id, platform: "meta" });
    await client.pause("a1", "ad");
    await client.setDailyBudget("s1", "adset", 40_000);
    await advanceSimulatedLayer(db, w.layer.id, { days: 30, now });
    const paused = await db.dailyMetric.findMany({ where: { entityId: w.ads[0]!.id }, orderBy: { date: "asc" } });
    expect(paused).toHaveLength(1);
    // Averaged over the ten days after the change (single days are noisy by design): well above the old $200 budget.
    const after = (await db.dailyMetric.findMany({ where: { entityId: w.adset.id }, orderBy: { date: "asc" } })).slice(1);
    expect(after.length).toBe(10);
    const mean = after.reduce((sum, d) => sum + d.spendMinor, 0) / after.length;
    expect(mean).toBeGreaterThan(20_000 * 1.4);
  });
});
