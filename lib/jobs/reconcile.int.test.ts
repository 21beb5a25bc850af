// Reconciliation query + job on a real database, with the demo events generator as the Layers side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { loadReconciliationInput } from "@/lib/db/queries/reconciliation";
import { addDays } from "@/lib/reconciliation";
import { seedDemoEvents } from "@/lib/sim/demo-events";
import { runReconciliation } from "./reconcile";

const db = createDb(process.env.DATABASE_URL!, 2);
// 10:00 in Los Angeles on 2026-03-11; platform metrics run through yesterday, like the demo seed.
const now = new Date("2026-03-11T17:00:00Z");
const TODAY = "2026-03-11";
const installsOn = (platform: string, day: string) => (platform === "meta" ? 120 : 100) + Number(day.slice(8));
let projectA = "";
let projectB = "";

async function projectWithLayers(orgId: string, slug: string): Promise<string> {
  const project = await db.project.create({ data: { orgId, name: slug, slug, timezone: "America/Los_Angeles" } });
  for (const platform of ["meta", "tiktok"] as const) {
    const layer = await db.layer.create({ data: { projectId: project.id, platform, name: `${platform} layer`, accountTimezone: "America/New_York" } });
    const entity = (level: "campaign" | "adset" | "ad", parentId: string | null, n: number) =>
      db.adEntity.create({ data: { layerId: layer.id, level, parentId, platformId: `${platform}-${level}-${n}`, name: level, platformCreatedAt: new Date("2026-01-01") } });
    const campaign = await entity("campaign", null, 1);
    const adset = await entity("adset", campaign.id, 1);
    const ads = [await entity("ad", adset.id, 1), await entity("ad", adset.id, 2)];
    for (let d = 1; d <= 14; d++) {
      const day = addDays(TODAY, -d);
      const total = installsOn(platform, day);
      const date = new Date(`${day}T00:00:00Z`);
      await db.dailyMetric.createMany({
        data: [
          { entityId: ads[0].id, layerId: layer.id, date, installs: Math.floor(total / 2) },
          { entityId: ads[1].id, layerId: layer.id, date, installs: total - Math.floor(total / 2) },
          // The ad set's roll-up must not be counted a second time.
          { entityId: adset.id, layerId: layer.id, date, installs: total },
        ],
      });
    }
  }
  return project.id;
}

beforeAll(async () => {
  const org = await db.org.create({ data: { name: "Recon org", slug: `recon-${Date.now().toString(36)}` } });
  projectA = await projectWithLayers(org.id, "recon-a");
  projectB = await projectWithLayers(org.id, "recon-b");
  await seedDemoEvents(db, projectA, { now, days: 14 });
  await seedDemoEvents(db, projectB, { now, days: 14 });
});
afterAll(() => db.$disconnect());

describe("reconciliation", () => {
  it("loads platform installs (ads only) and Layers' deduplicated conversions per project day", async () => {
    const input = await loadReconciliationInput(projectA, now, { db });
    expect(input.days).toHaveLength(14);
    expect(input.days.at(-1)).toBe(TODAY);
    expect(input.layers.map((l) => [l.platform, l.accountTimezone])).toEqual([["meta", "America/New_York"], ["tiktok", "America/New_York"]]);
    expect(input.platformReportedByPlatformDay.meta["2026-03-10"]).toBe(installsOn("meta", "2026-03-10"));
    expect(input.platformReportedByPlatformDay.meta[TODAY]).toBeUndefined();
    for (const [platform, byDay] of Object.entries(input.platformReportedByPlatformDay))
      for (const [day, reported] of Object.entries(byDay)) {
        const ratio = input.layersConversionsByPlatformDay[platform][day] / reported;
        const drifting = platform === "tiktok" && day >= "2026-03-08";
        expect(ratio).toBeGreaterThanOrEqual(drifting ? 0.69 : 0.84);
        expect(ratio).toBeLessThanOrEqual(drifting ? 0.71 : 0.96);
      }
  });

  it("the demo generator is idempotent", async () => {
    expect(await seedDemoEvents(db, projectA, { now, days: 14 })).toMatchObject({ inserted: 0 });
  });

  it("raises one task and one notification for TikTok's persistent drift, once per streak and per project", async () => {
    const first = await runReconciliation(db, projectA, now);
    expect(first.alerts.map((a) => a.platform)).toEqual(["tiktok"]);
    expect(first.alerts[0].days).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(first.opened).toEqual(["attribution-drift:tiktok:2026-03-08"]);
    expect(first.rows.filter((r) => r.platform === "meta" && r.flagged)).toEqual([]);

    const again = await runReconciliation(db, projectA, new Date(now.getTime() + 3_600_000));
    expect(again.alerts).toHaveLength(1);
    expect(again.opened).toEqual([]);

    const tasks = await db.task.findMany({ where: { projectId: projectA } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: "attribution_drift", status: "open", link: `/p/${projectA}/reconciliation` });
    expect(tasks[0].title).toContain("TikTok");
    expect(await db.notification.count({ where: { projectId: projectA, kind: "attribution_drift" } })).toBe(1);

    // Same platform and streak in another project: its own task, not swallowed by the first one's dedupe key.
    expect((await runReconciliation(db, projectB, now)).opened).toHaveLength(1);
    expect(await db.task.count({ where: { projectId: projectB } })).toBe(1);
  });
});
