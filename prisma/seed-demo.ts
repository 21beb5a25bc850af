// The demo organisation: deterministic from a fixed seed, so every fresh machine shows the same world.
// Metrics come from the simulated market (lib/sim), the same engine `layers simulate` advances.
import { createDb, type Db } from "@/lib/db/client";
import { withProcessDatabase } from "@/lib/db/scoped";
import { hashPassword } from "@/lib/db/users";
import { runLayerCycle } from "@/lib/jobs/optimize-layer";
import { rescoreProjectCreatives } from "@/lib/jobs/rescore";
import { advanceSimulatedLayer } from "@/lib/sim/advance";
import { seedDemoEvents } from "@/lib/sim/demo-events";
import { seedDemoWallet } from "@/lib/sim/demo-wallet";
import { createSeededRandom } from "@/lib/sim/random";

export const DEMO_PASSWORD = "layers-demo";
export const DEMO_USERS = [
  { email: "owner@acme.test", name: "Olivia Owner", role: "owner" },
  { email: "admin@acme.test", name: "Adam Admin", role: "admin" },
  { email: "marketer@acme.test", name: "Maya Marketer", role: "marketer" },
  { email: "viewer@acme.test", name: "Victor Viewer", role: "viewer" },
] as const;
export const OTHER_ORG_USER = { email: "owner@globex.test", name: "Gina Globex", role: "owner" } as const;
export const DEMO_HISTORY_DAYS = 60;

const DAY = 86_400_000;

type LayerPlan = { platform: "meta" | "tiktok" | "apple_search_ads"; name: string; campaigns: number; adsets: [number, number]; children: [number, number] };
const LAYERS: LayerPlan[] = [
  { platform: "meta", name: "Meta Ads — Puzzle Quest", campaigns: 3, adsets: [2, 3], children: [3, 12] },
  { platform: "tiktok", name: "TikTok Ads — Puzzle Quest", campaigns: 2, adsets: [2, 3], children: [3, 8] },
  { platform: "apple_search_ads", name: "Apple Search Ads — Puzzle Quest", campaigns: 2, adsets: [2, 2], children: [5, 10] },
];
const KEYWORDS = ["puzzle game", "match 3", "brain teaser", "word puzzle", "jigsaw", "logic games", "puzzle quest", "casual games", "offline puzzle", "block puzzle", "sudoku", "tile match"];

async function createCreatives(db: Db, orgId: string, projectId: string, rand: () => number, now: Date) {
  const pools = [...Array(22).fill("generated"), ...Array(20).fill("ugc"), ...Array(18).fill("manual")] as ("generated" | "ugc" | "manual")[];
  const ids: { id: string; pool: string; approved: boolean; score: number | null }[] = [];
  for (const [index, pool] of pools.entries()) {
    const score = pool === "ugc" && index % 9 === 0 ? null : Math.round((2.2 + rand() * 4.2) * 100) / 100;
    const approval = index % 11 === 3 ? "pending" : index % 17 === 5 ? "rejected" : "approved";
    const safetyFailed = index === 7;
    const postedAt = new Date(now.getTime() - Math.floor(rand() * 80 + 2) * DAY);
    const views = pool === "ugc" ? Math.floor(200 + rand() * 50_000) : 0;
    const content = await db.adsContent.create({
      data: {
        orgId,
        pool,
        title: `${pool === "generated" ? "Hook variant" : pool === "ugc" ? "UGC clip" : "Studio cut"} ${index + 1}`,
        mediaUrl: `/demo/creative-${(index % 6) + 1}.svg`,
        mediaType: index % 4 === 0 ? "image" : "video",
        caption: `Can you beat level ${40 + index}? Puzzle Quest, free to play.`,
        hook: `Only 2% solve this (#${index + 1})`,
        creatorHandle: pool === "ugc" ? `@creator${(index % 5) + 1}` : null,
        organicScore: safetyFailed ? 0 : score,
        scoringVersion: 1,
        scoredAt: score === null ? null : now,
        safetyFailed,
        approval,
        postedAt,
        views,
        likes: Math.floor(views * (0.02 + rand() * 0.08)),
        comments: Math.floor(views * rand() * 0.01),
        shares: Math.floor(views * rand() * 0.008),
        saves: Math.floor(views * rand() * 0.006),
        createdAt: postedAt,
        scoreHistory: score === null ? undefined : { create: [{ score, version: 1, scoredAt: new Date(now.getTime() - 4 * 3_600_000) }] },
      },
    });
    const override = index % 13 === 4 ? "include" : index % 13 === 9 ? "exclude" : null;
    await db.projectAdsContent.create({ data: { projectId, contentId: content.id, override } });
    ids.push({ id: content.id, pool, approved: approval === "approved" && !safetyFailed, score });
  }
  return ids;
}

async function createLayerTree(db: Db, projectId: string, plan: LayerPlan, creatives: { id: string; approved: boolean }[], rand: () => number, historyStart: Date) {
  const layer = await db.layer.create({
    data: {
      projectId,
      platform: plan.platform,
      name: plan.name,
      adAccountId: plan.platform === "meta" ? "act_1029384756" : plan.platform === "tiktok" ? "7012345678901234567" : "orgId-4455667",
      accountTimezone: plan.platform === "apple_search_ads" ? "UTC" : "America/Los_Angeles",
      mode: plan.platform === "tiktok" ? "approve_first" : "autopilot",
      simWorld: { create: { seed: `demo-${plan.platform}`, simulatedThrough: new Date(historyStart.getTime() - DAY) } },
    },
  });
  const usable = creatives.filter((c) => c.approved);
  let counter = 0;
  const pid = () => `${plan.platform.slice(0, 2)}_${String(++counter).padStart(5, "0")}`;
  const ageDays = (max: number) => new Date(historyStart.getTime() + Math.floor(rand() * max) * DAY);
  for (let c = 0; c < plan.campaigns; c++) {
    const campaign = await db.adEntity.create({
      data: { layerId: layer.id, level: "campaign", platformId: pid(), name: `${["Prospecting", "Retargeting", "Broad", "Brand"][c % 4]} ${c + 1}`,
        platformCreatedAt: historyStart, dailyBudgetMinor: plan.platform === "meta" ? null : 30_000 + c * 10_000 },
    });
    const adsets = plan.adsets[0] + Math.floor(rand() * (plan.adsets[1] - plan.adsets[0] + 1));
    for (let a = 0; a < adsets; a++) {
      const adset = await db.adEntity.create({
        data: { layerId: layer.id, level: "adset", platformId: pid(), parentId: campaign.id, name: `${campaign.name} · ${["US 18-34", "US 35+", "CA/UK", "Lookalike 1%"][a % 4]}`,
          platformCreatedAt: ageDays(10), dailyBudgetMinor: 5_000 + Math.floor(rand() * 20) * 1_000,
          bidMinor: plan.platform === "tiktok" ? 250 + Math.floor(rand() * 200) : null,
          sim: { create: { quality: 0.5, audienceSize: 40_000 + Math.floor(rand() * 600_000) } } },
      });
      const children = plan.children[0] + Math.floor(rand() * (plan.children[1] - plan.children[0] + 1));
      for (let k = 0; k < children; k++) {
        const isKeyword = plan.platform === "apple_search_ads";
        const burner = rand() < 0.08;
        const star = !burner && rand() < 0.12;
        const quality = burner ? 0.05 : star ? 0.85 + rand() * 0.15 : 0.25 + rand() * 0.5;
        const creative = isKeyword ? null : usable[Math.floor(rand() * usable.length)];
        // Most ads predate the history; a few launched in the last days so TOO_YOUNG shows up.
        const created = k === children - 1 && a === 0 ? new Date(historyStart.getTime() + (DEMO_HISTORY_DAYS - 2) * DAY) : ageDays(40);
        await db.adEntity.create({
          data: {
            layerId: layer.id, level: isKeyword ? "keyword" : "ad", platformId: pid(), parentId: adset.id,
            name: isKeyword ? KEYWORDS[(c * 5 + a * 3 + k) % KEYWORDS.length] : `Ad ${c + 1}.${a + 1}.${k + 1}`,
            platformCreatedAt: created, contentId: creative?.id ?? null,
            bidMinor: isKeyword ? 120 + Math.floor(rand() * 180) : null,
            sim: { create: { quality: Math.round(quality * 10_000) / 10_000, burner } },
          },
        });
      }
    }
  }
  return layer;
}

/** Seeds the demo org; with `ifEmpty`, does nothing when any org exists. Returns whether it seeded. */
export function seedDemo(url: string, options: { ifEmpty?: boolean; now?: Date } = {}): Promise<boolean> {
  return withProcessDatabase(url, () => seedDemoInto(url, options));
}

async function seedDemoInto(url: string, options: { ifEmpty?: boolean; now?: Date }): Promise<boolean> {
  const db = createDb(url, 4);
  try {
    const existing = await db.org.findUnique({ where: { slug: "acme-games" }, select: { id: true } });
    if (existing || (options.ifEmpty && (await db.org.count()) > 0)) return false;
    const now = options.now ?? new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const historyStart = new Date(today.getTime() - DEMO_HISTORY_DAYS * DAY);
    const rand = createSeededRandom("acme-games-demo");
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const org = await db.org.create({ data: { name: "Acme Games", slug: "acme-games", wallet: { create: { currency: "USD", autoTopUpEnabled: true, thresholdMinor: 400_000, topUpAmountMinor: 800_000, dailyCapMinor: 2_000_000 } } } });
    for (const user of DEMO_USERS) {
      await db.user.create({ data: { email: user.email, name: user.name, passwordHash, memberships: { create: { orgId: org.id, role: user.role } } } });
    }
    const project = await db.project.create({ data: { orgId: org.id, name: "Puzzle Quest", slug: "puzzle-quest", timezone: "America/Los_Angeles", currency: "USD", targetCpaMinor: 600 } });
    const creatives = await createCreatives(db, org.id, project.id, rand, now);
    const layerIds: string[] = [];
    for (const plan of LAYERS) {
      const layer = await createLayerTree(db, project.id, plan, creatives, rand, historyStart);
      await advanceSimulatedLayer(db, layer.id, { days: DEMO_HISTORY_DAYS, now });
      layerIds.push(layer.id);
    }
    await seedDemoWallet(db, org.id, { now });
    await seedDemoEvents(db, project.id, { now, days: 14 });
    // A first optimizer cycle, so the run history and the activity panel have something to explain on day one.
    for (const layerId of layerIds) await runLayerCycle(db, { layerId, mode: "cycle", trigger: "schedule", now });
    // Creatives were scored by v1; the first rescore applies the current version (the runbook's "scoring version bump").
    await rescoreProjectCreatives(db, project.id, now);

    // A second, unrelated organisation: proves tenant isolation in the demo and in the tests.
    const other = await db.org.create({ data: { name: "Globex Studios", slug: "globex-studios" } });
    await db.user.create({ data: { email: OTHER_ORG_USER.email, name: OTHER_ORG_USER.name, passwordHash, memberships: { create: { orgId: other.id, role: "owner" } } } });
    await db.project.create({ data: { orgId: other.id, name: "Space Tycoon", slug: "space-tycoon", timezone: "Europe/Berlin", currency: "EUR", targetCpaMinor: 450 } });
    return true;
  } finally {
    await db.$disconnect();
  }
}
