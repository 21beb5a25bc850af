// Library reads over real rows: per-creative performance, running ad sets, fatigue, and per-project overrides in selection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibraryItems, toSelectionCreative } from "@/lib/creatives/library";
import { createDb } from "@/lib/db/client";
import { selectCreatives } from "@/lib/selection";
import { loadCreativeLibrary, loadLibrarySettings, loadRefreshAdsets, loadScoreHistories } from "./creative-library";

const db = createDb(process.env.DATABASE_URL!, 2);
const asOf = new Date("2026-12-01T12:00:00Z");
const day = (d: number) => new Date(Date.UTC(2026, 11, 1) - d * 86_400_000);
const ids = { p1: "", p2: "", pinned: "", solid: "", weak: "", adset: "", fullAdset: "" };

beforeAll(async () => {
  const org = await db.org.create({ data: { name: "Lib org", slug: `lib-${Date.now().toString(36)}` } });
  ids.p1 = (await db.project.create({ data: { orgId: org.id, name: "P1", slug: "p1", generatedSlots: 3 } })).id;
  ids.p2 = (await db.project.create({ data: { orgId: org.id, name: "P2", slug: "p2" } })).id;
  const content = async (title: string, organicScore: number) =>
    (await db.adsContent.create({ data: { orgId: org.id, pool: "generated", title, mediaUrl: "/demo/creative-1.svg", organicScore, approval: "approved", caption: `${title} caption` } })).id;
  ids.pinned = await content("Pinned low scorer", 2.5);
  ids.solid = await content("Solid", 6);
  ids.weak = await content("Weak", 3.2);
  await db.projectAdsContent.createMany({
    data: [
      { projectId: ids.p1, contentId: ids.pinned, override: "include" },
      { projectId: ids.p1, contentId: ids.solid },
      { projectId: ids.p1, contentId: ids.weak },
      { projectId: ids.p2, contentId: ids.pinned, override: "exclude" },
      { projectId: ids.p2, contentId: ids.solid },
    ],
  });
  await db.scoreHistory.createMany({
    data: [
      { contentId: ids.solid, score: 6.5, version: 1, scoredAt: day(2) },
      { contentId: ids.solid, score: 6, version: 2, scoredAt: day(1) },
    ],
  });
  const layer = await db.layer.create({ data: { projectId: ids.p1, platform: "meta", name: "Meta" } });
  ids.adset = (await db.adEntity.create({ data: { layerId: layer.id, level: "adset", platformId: "s1", name: "S1", platformCreatedAt: day(60) } })).id;
  const ad = await db.adEntity.create({
    data: { layerId: layer.id, level: "ad", platformId: "a1", name: "A1", parentId: ids.adset, contentId: ids.solid, platformCreatedAt: day(60) },
  });
  await db.adEntity.create({
    data: { layerId: layer.id, level: "ad", platformId: "a2", name: "A2", parentId: ids.adset, contentId: ids.solid, status: "paused", platformCreatedAt: day(60) },
  });
  // 40 days of $10/day and 2 installs/day; CTR falls from 2% to 1% over the last week at frequency 3.6.
  await db.dailyMetric.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      entityId: ad.id, layerId: layer.id, date: day(i), spendMinor: 1000, installs: 2, revenueMinor: 1500, impressions: 1000,
      clicks: i < 7 ? 10 + i * 2 : 20, frequency: i < 7 ? 3.6 : 2,
    })),
  });
  // Tomorrow's row is past asOf and must not count.
  await db.dailyMetric.create({ data: { entityId: ad.id, layerId: layer.id, date: day(-1), spendMinor: 50_000 } });
});
afterAll(() => db.$disconnect());

describe("creative library queries", () => {
  it("sums performance across the ads running each creative, lifetime and 30d, and counts running ad sets", async () => {
    const rows = await loadCreativeLibrary(ids.p1, asOf);
    expect(rows.map((r) => r.title)).toEqual(["Solid", "Weak", "Pinned low scorer"]);
    const solid = rows[0];
    expect(solid.stats).toEqual({
      spendLifetimeMinor: 40_000, installsLifetime: 80, revenueLifetimeMinor: 60_000, spend30dMinor: 30_000, installs30d: 60, revenue30dMinor: 45_000,
    });
    expect(solid).toMatchObject({ runningAdsets: 1, runningAds: 1, override: null, organicScore: 6 });
    expect(solid.fatigue.metaFrequency7d).toBeCloseTo(3.6);
    expect(solid.fatigue.ctrSlope7d).toBeLessThan(0);
    expect(rows.find((r) => r.id === ids.pinned)).toMatchObject({ override: "include", runningAdsets: 0, stats: { spendLifetimeMinor: 0 } });
  });

  it("builds library items with eligibility, the exact not-running reasons and fatigue signs", async () => {
    const [rows, histories, adsets, settings] = await Promise.all([
      loadCreativeLibrary(ids.p1, asOf), loadScoreHistories(ids.p1), loadRefreshAdsets(ids.p1), loadLibrarySettings(ids.p1),
    ]);
    expect(adsets).toEqual([{ id: ids.adset, platform: "meta", activeCreativeIds: [ids.solid], activeAdCount: 1 }]);
    const items = Object.fromEntries(buildLibraryItems({ rows, histories, adsets, config: settings.config }).map((i) => [i.title, i]));
    expect(items.Solid).toMatchObject({ runStatus: "RUNNING", fatigueSigns: ["CTR_DECLINING", "HIGH_FREQUENCY"], cpa30dMinor: 500, roas30d: 1.5, scoreTrend: "down" });
    expect(items.Solid.history.map((h) => h.score)).toEqual([6.5, 6]);
    expect(items.Weak).toMatchObject({ eligible: false, runStatus: "NOT_RUNNING", notRunning: [{ code: "BELOW_THRESHOLD" }] });
    expect(items["Pinned low scorer"]).toMatchObject({ eligible: true, runStatus: "WILL_LAUNCH", notRunning: [] });
  });

  it("runs a content-refresh-style selection over DB rows that respects each project's overrides", async () => {
    const adset = { id: "s", platform: "meta" as const, activeCreativeIds: [], activeAdCount: 0 };
    const select = async (projectId: string) => {
      const [rows, settings] = await Promise.all([loadCreativeLibrary(projectId, asOf), loadLibrarySettings(projectId)]);
      return selectCreatives({ creatives: rows.map(toSelectionCreative), adsets: [adset], config: settings.config });
    };
    const p1 = await select(ids.p1);
    expect(p1.adsets[0].selected).toEqual([ids.solid, ids.pinned]);
    expect(p1.ineligible).toEqual([{ id: ids.weak, reasons: ["BELOW_THRESHOLD"] }]);
    const p2 = await select(ids.p2);
    expect(p2.adsets[0].selected).toEqual([ids.solid]);
    expect(p2.ineligible).toEqual([{ id: ids.pinned, reasons: ["BELOW_THRESHOLD", "EXCLUDED"] }]);
  });
});
