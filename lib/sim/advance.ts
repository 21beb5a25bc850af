// Advances a simulated layer's world day by day from its SimWorld state, writing each day whole (one
// transaction per day), rolled up to ad sets and campaigns. Paused ads and budget changes already in the
// entity table shape the following days.
import type { Db } from "@/lib/db/client";
import { LEARNING_DAYS, simulateAdsetDay, type SimChild, type SimDayRow, type SimPlatform } from "./model";

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function advanceSimulatedLayer(db: Db, layerId: string, options: { days: number; now: Date }): Promise<{ days: string[]; rows: number }> {
  const world = await db.simWorld.findUnique({ where: { layerId }, select: { seed: true, simulatedThrough: true, layer: { select: { platform: true } } } });
  if (!world) throw new Error(`Layer ${layerId} is not simulated.`);
  const platform = world.layer.platform as SimPlatform;
  const today = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate()));
  let cursor = world.simulatedThrough ? new Date(world.simulatedThrough.getTime() + DAY) : new Date(today.getTime() - (options.days - 1) * DAY);
  const written: string[] = [];
  let rows = 0;
  const cumulative = new Map<string, number>(
    (await db.dailyMetric.groupBy({ by: ["entityId"], where: { layerId }, _sum: { impressions: true } })).map((g) => [g.entityId, g._sum.impressions ?? 0]),
  );
  for (let step = 0; step < options.days && cursor.getTime() <= today.getTime(); step++, cursor = new Date(cursor.getTime() + DAY)) {
    const date = iso(cursor);
    const entities = await db.adEntity.findMany({
      where: { layerId, status: { not: "deleted" } },
      select: { id: true, level: true, parentId: true, status: true, dailyBudgetMinor: true, bidMinor: true, platformCreatedAt: true, sim: { select: { quality: true, burner: true, audienceSize: true } } },
    });
    const byParent = new Map<string, typeof entities>();
    for (const e of entities) if (e.parentId) byParent.set(e.parentId, [...(byParent.get(e.parentId) ?? []), e]);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const dayRows: (SimDayRow & { level: string })[] = [];
    for (const adset of entities.filter((e) => e.level === "adset")) {
      const campaign = adset.parentId ? byId.get(adset.parentId) : undefined;
      const children: SimChild[] = (byParent.get(adset.id) ?? []).map((c) => ({
        id: c.id,
        quality: Number(c.sim?.quality ?? 0.5),
        burner: c.sim?.burner ?? false,
        ageDays: Math.floor((cursor.getTime() - c.platformCreatedAt.getTime()) / DAY),
        active: c.status === "active",
        cumulativeImpressions: cumulative.get(c.id) ?? 0,
        bidMinor: c.bidMinor,
      }));
      const childRows = simulateAdsetDay({
        seed: world.seed, platform, date,
        adset: { id: adset.id, active: adset.status === "active" && campaign?.status !== "paused", dailyBudgetMinor: adset.dailyBudgetMinor ?? 5_000, audienceSize: adset.sim?.audienceSize ?? 1_000_000 },
        children,
      });
      for (const r of childRows) dayRows.push({ ...r, level: "child" });
    }
    // Roll children up into their ad set and campaign: a parent's metrics are its totals.
    const totals = new Map<string, SimDayRow>();
    for (const r of dayRows) {
      let parentId = byId.get(r.id)?.parentId ?? null;
      while (parentId) {
        const t = totals.get(parentId) ?? { id: parentId, spendMinor: 0, impressions: 0, clicks: 0, installs: 0, revenueMinor: 0, frequency: null };
        t.spendMinor += r.spendMinor;
        t.impressions += r.impressions;
        t.clicks += r.clicks;
        t.installs += r.installs;
        t.revenueMinor += r.revenueMinor;
        if (r.frequency !== null) t.frequency = Math.max(t.frequency ?? 0, r.frequency);
        totals.set(parentId, t);
        parentId = byId.get(parentId)?.parentId ?? null;
      }
    }
    const all = [...dayRows, ...totals.values()];
    await db.$transaction([
      db.dailyMetric.deleteMany({ where: { layerId, date: cursor } }),
      db.dailyMetric.createMany({
        data: all.map((r) => ({ entityId: r.id, layerId, date: cursor, spendMinor: r.spendMinor, impressions: r.impressions, clicks: r.clicks, installs: r.installs, conversions: r.installs, revenueMinor: r.revenueMinor, frequency: r.frequency })),
      }),
      db.simWorld.update({ where: { layerId }, data: { simulatedThrough: cursor } }),
    ]);
    for (const r of dayRows) cumulative.set(r.id, (cumulative.get(r.id) ?? 0) + r.impressions);
    written.push(date);
    rows += all.length;
  }
  // The platform reports learning for young ads; a sync brings that flag with the metrics.
  const learningSince = new Date(today.getTime() - LEARNING_DAYS * DAY);
  await db.adEntity.updateMany({ where: { layerId, level: { in: ["ad", "keyword"] }, platformCreatedAt: { gt: learningSince } }, data: { learning: true } });
  await db.adEntity.updateMany({ where: { layerId, level: { in: ["ad", "keyword"] }, platformCreatedAt: { lte: learningSince } }, data: { learning: false } });
  await db.layer.update({ where: { id: layerId }, data: { lastSyncAt: options.now, lastSyncError: null } });
  return { days: written, rows };
}

/** Moves a simulated layer's whole history N days into the past, so N new days can be simulated up to today. */
export async function shiftSimulatedHistory(db: Db, layerId: string, days: number): Promise<void> {
  await db.$transaction([
    db.$executeRaw`UPDATE "DailyMetric" SET date = date - ${days}::int WHERE "layerId" = ${layerId}`,
    db.$executeRaw`UPDATE "AdEntity" SET "platformCreatedAt" = "platformCreatedAt" - make_interval(days => ${days}::int) WHERE "layerId" = ${layerId}`,
    db.$executeRaw`UPDATE "ActionExecution" SET "finishedAt" = "finishedAt" - make_interval(days => ${days}::int), "createdAt" = "createdAt" - make_interval(days => ${days}::int) WHERE "layerId" = ${layerId}`,
    db.$executeRaw`UPDATE "SimWorld" SET "simulatedThrough" = "simulatedThrough" - ${days}::int WHERE "layerId" = ${layerId}`,
  ]);
}
