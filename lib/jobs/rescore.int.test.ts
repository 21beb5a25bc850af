// The organic rescoring job against a real database: history, scores, one notification per version bump.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { loadScoringState } from "@/lib/db/queries/creative-library";
import { ORGANIC_SCORING_VERSION } from "@/lib/scoring";
import { rescoreProjectCreatives } from "./rescore";

const db = createDb(process.env.DATABASE_URL!, 4);
const now = new Date("2026-12-01T08:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const ids: Record<string, string> = {};

async function makeProject(orgId: string, slug: string) {
  return (await db.project.create({ data: { orgId, name: slug, slug } })).id;
}

async function link(projectId: string, key: string, data: Record<string, unknown>, orgId: string) {
  const content = await db.adsContent.create({
    data: { orgId, title: key, mediaUrl: "/demo/creative-1.svg", approval: "approved", scoringVersion: 1, pool: "generated", ...data },
  });
  await db.projectAdsContent.create({ data: { projectId, contentId: content.id } });
  ids[key] = content.id;
  return content.id;
}

beforeAll(async () => {
  const org = await db.org.create({ data: { name: "Rescore org", slug: `rescore-${Date.now().toString(36)}` } });
  ids.org = org.id;
  ids.project = await makeProject(org.id, "p1");
  const p = ids.project;
  await link(p, "fresh", { organicScore: 3.5, createdAt: daysAgo(0) }, org.id); // → 7: up
  await link(p, "aging", { organicScore: 5, createdAt: daysAgo(24) }, org.id); // → 3: down
  await link(p, "spender", { organicScore: 6, createdAt: daysAgo(12), pool: "manual" }, org.id); // 7 − 2 + 1 = 6
  const ugc = { pool: "ugc", createdAt: daysAgo(0), postedAt: daysAgo(0), creatorHandle: "@c", likes: 100 };
  await link(p, "u1", { ...ugc, views: 1000, organicScore: null, scoringVersion: null }, org.id);
  await link(p, "u2", { ...ugc, views: 500, organicScore: 3 }, org.id);
  await link(p, "u3", { ...ugc, views: 100, likes: 30, organicScore: 3 }, org.id);
  await link(p, "tiny", { ...ugc, views: 20, organicScore: 0 }, org.id); // v1 0 → v2 null: below either way
  await link(p, "archived", { organicScore: 9, createdAt: daysAgo(50), archivedAt: daysAgo(1) }, org.id);

  const layer = await db.layer.create({ data: { projectId: p, platform: "meta", name: "Meta" } });
  const adset = await db.adEntity.create({ data: { layerId: layer.id, level: "adset", platformId: "s1", name: "S", platformCreatedAt: daysAgo(40) } });
  const ad = await db.adEntity.create({
    data: { layerId: layer.id, level: "ad", platformId: "a1", name: "A", parentId: adset.id, contentId: ids.spender, platformCreatedAt: daysAgo(40) },
  });
  // $33.30 inside the 30-day window, and spend outside it that must not count.
  await db.dailyMetric.createMany({
    data: [
      { entityId: ad.id, layerId: layer.id, date: daysAgo(3), spendMinor: 2000 },
      { entityId: ad.id, layerId: layer.id, date: daysAgo(10), spendMinor: 1330 },
      { entityId: ad.id, layerId: layer.id, date: daysAgo(45), spendMinor: 99_000 },
    ],
  });
});
afterAll(() => db.$disconnect());

const score = async (key: string) => {
  const row = await db.adsContent.findUniqueOrThrow({ where: { id: ids[key] } });
  return { score: row.organicScore === null ? null : Number(row.organicScore), version: row.scoringVersion };
};

describe("rescoreProjectCreatives", () => {
  it("rescores, writes history, bumps the version once with one notification and lists the crossings", async () => {
    const counts = await rescoreProjectCreatives(db, ids.project, now);
    expect(counts).toMatchObject({ version: ORGANIC_SCORING_VERSION, previousVersion: 1, creatives: 7, historyRows: 7, versionBumped: true, notified: true });
    expect(await score("fresh")).toEqual({ score: 7, version: 2 });
    expect(await score("aging")).toEqual({ score: 3, version: 2 });
    expect(await score("spender")).toEqual({ score: 6, version: 2 });
    expect(await score("tiny")).toEqual({ score: null, version: 2 });
    expect(await score("archived")).toEqual({ score: 9, version: 1 });
    expect(await db.scoreHistory.count({ where: { contentId: ids.fresh, version: 2, scoredAt: now } })).toBe(1);

    const notifications = await db.notification.findMany({ where: { projectId: ids.project } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ title: "Scoring version bumped to v2. See changelog.", link: `/p/${ids.project}/creatives/changelog` });

    const { appliedVersion, lastBump } = await loadScoringState(ids.project);
    expect(appliedVersion).toBe(2);
    const crossed = Object.fromEntries((lastBump?.crossings ?? []).map((c) => [c.title, c.direction]));
    expect(crossed).toEqual({ fresh: "up", aging: "down", u1: "up", u2: "up", u3: "up" });
    expect(counts.crossedUp + counts.crossedDown).toBe(5);
  });

  it("is idempotent for a retried run and never bumps or notifies again", async () => {
    expect(await rescoreProjectCreatives(db, ids.project, now)).toMatchObject({ historyRows: 0, versionBumped: false, notified: false, previousVersion: 2 });
    const later = new Date(now.getTime() + 4 * 3_600_000);
    expect(await rescoreProjectCreatives(db, ids.project, later)).toMatchObject({ historyRows: 7, versionBumped: false, notified: false });
    expect(await db.notification.count({ where: { projectId: ids.project } })).toBe(1);
    expect(await db.scoreHistory.count({ where: { contentId: ids.fresh } })).toBe(2);
  });

  it("lets exactly one of two concurrent runs apply a bump", async () => {
    const project = await makeProject(ids.org, "p2");
    await link(project, "c1", { organicScore: 5, createdAt: daysAgo(1) }, ids.org);
    await link(project, "c2", { organicScore: 2, createdAt: daysAgo(0) }, ids.org);
    const [a, b] = await Promise.all([rescoreProjectCreatives(db, project, now), rescoreProjectCreatives(db, project, now)]);
    expect([a.versionBumped, b.versionBumped].filter(Boolean)).toHaveLength(1);
    expect(await db.notification.count({ where: { projectId: project } })).toBe(1);
  });

  it("does not announce a bump for a project whose creatives were never scored", async () => {
    const project = await makeProject(ids.org, "p3");
    await link(project, "new", { organicScore: null, scoringVersion: null, createdAt: daysAgo(0) }, ids.org);
    expect(await rescoreProjectCreatives(db, project, now)).toMatchObject({ previousVersion: null, versionBumped: false, notified: false, scored: 1 });
    expect((await loadScoringState(project)).appliedVersion).toBe(2);
    expect(await db.notification.count({ where: { projectId: project } })).toBe(0);
  });
});
