// The SQL window aggregation must agree exactly with the pure core's computeWindows over the same daily rows.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { buildDateIndex, computeWindows } from "@/lib/optimizer";
import { buildWorld } from "@/lib/testing/world";
import { loadCycleInput } from "./optimizer-input";

const db = createDb(process.env.DATABASE_URL!, 2);
afterAll(() => db.$disconnect());

describe("loadCycleInput", () => {
  it("aggregates 1/3/7/14/30-day windows in SQL exactly as the pure core does from daily rows", async () => {
    const now = new Date("2026-11-20T09:00:00Z");
    const w = await buildWorld(db, { now, ads: [{ key: "x", ageDays: 40, days: 35, daily: { spendMinor: 700, impressions: 900, clicks: 20, installs: 1, frequency: 1.7 } }] });
    // Make the days differ so that every window boundary matters.
    await db.$executeRaw`UPDATE "DailyMetric" SET "spendMinor" = "spendMinor" + (extract(day from date)::int * 13), installs = (extract(day from date)::int % 3), frequency = 1 + (extract(day from date)::int % 5) / 2.0 WHERE "layerId" = ${w.layer.id}`;
    await db.dailyMetric.create({ data: { entityId: w.ads.x!, layerId: w.layer.id, date: new Date("2026-11-21T00:00:00Z"), spendMinor: 99_999, impressions: 1 } });
    const { inputs } = await loadCycleInput(w.layer.id, now);
    const rows = await db.dailyMetric.findMany({ where: { entityId: w.ads.x } });
    const expected = computeWindows(
      rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), spendMinor: r.spendMinor, impressions: r.impressions, clicks: r.clicks, installs: r.installs, revenueMinor: r.revenueMinor, frequency: r.frequency === null ? null : Number(r.frequency) })),
      buildDateIndex(now),
    );
    const actual = inputs.find((i) => i.id === w.ads.x)!.precomputed!;
    for (const key of ["1d", "3d", "7d", "14d", "30d"] as const) {
      for (const [field, value] of Object.entries(expected.windows[key])) {
        const got = (actual.windows[key] as unknown as Record<string, unknown>)[field];
        if (typeof value === "number") expect(got as number, `${key}.${field}`).toBeCloseTo(value, 6);
        else expect(got, `${key}.${field}`).toBe(value);
      }
    }
    expect(actual.lifetimeSpendMinor).toBe(expected.lifetimeSpendMinor);
    expect(actual.hasAnyMetrics).toBe(true);
  });
});

describe("entity windows", () => {
  it("are refreshed when newer metrics arrive and when the day rolls over", async () => {
    const now = new Date("2026-11-20T09:00:00Z");
    const w = await buildWorld(db, { now, ads: [{ key: "y", ageDays: 10, days: 5, daily: { spendMinor: 1_000, impressions: 500, clicks: 10, installs: 1 } }] });
    const first = (await loadCycleInput(w.layer.id, now)).inputs.find((i) => i.id === w.ads.y)!.precomputed!;
    expect(first.windows["1d"].spendMinor).toBe(1_000);
    // A later sync restates today: the next cycle must see it, not the stored sums.
    await new Promise((r) => setTimeout(r, 20));
    await db.dailyMetric.deleteMany({ where: { entityId: w.ads.y, date: new Date("2026-11-20T00:00:00Z") } });
    await db.dailyMetric.create({ data: { entityId: w.ads.y!, layerId: w.layer.id, date: new Date("2026-11-20T00:00:00Z"), spendMinor: 4_000, impressions: 900 } });
    const second = (await loadCycleInput(w.layer.id, now)).inputs.find((i) => i.id === w.ads.y)!.precomputed!;
    expect(second.windows["1d"].spendMinor).toBe(4_000);
    expect(second.lifetimeSpendMinor).toBe(8_000);
    // Next day: yesterday's row leaves the 1-day window.
    const tomorrow = (await loadCycleInput(w.layer.id, new Date("2026-11-21T09:00:00Z"))).inputs.find((i) => i.id === w.ads.y)!.precomputed!;
    expect(tomorrow.windows["1d"].spendMinor).toBe(0);
    expect(tomorrow.windows["3d"].spendMinor).toBe(5_000);
  });
});
