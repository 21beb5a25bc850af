// A small, plausible account for a freshly connected simulated layer: campaigns → ad sets → ads (Apple: keywords),
// each ad/keyword with a latent quality in SimEntity. Deterministic from the seed, so one layer always gets the
// same account. The demo seed builds its own, larger tree; this one serves "Connect a layer → Simulated sandbox".
import type { Db } from "@/lib/db/client";
import { createSeededRandom } from "./random";
import type { SimPlatform } from "./model";

const DAY = 86_400_000;
const KEYWORDS = ["puzzle game", "match 3", "brain teaser", "word puzzle", "jigsaw", "logic games", "casual games", "offline puzzle", "block puzzle", "sudoku", "tile match", "free games"];
const CAMPAIGN_NAMES = ["Prospecting", "Retargeting", "Broad", "Brand"];
const AUDIENCES = ["US 18-34", "US 35+", "CA/UK", "Lookalike 1%"];
const PLATFORM_PREFIX: Record<SimPlatform, string> = { meta: "me", tiktok: "ti", apple_search_ads: "ap" };

/** The subset of the Prisma client the tree needs, so it also runs inside `db.$transaction(tx => …)`. */
export type SimTreeDb = Pick<Db, "layer" | "simWorld" | "adEntity">;

export interface SimulatedTreeOptions {
  seed: string;
  now: Date;
  campaigns: number;
  /** Ad sets per campaign, inclusive range. */
  adsets?: [number, number];
  /** Ads (Apple: keywords) per ad set, inclusive range. */
  children?: [number, number];
  /** Days of history the caller will simulate; entities are created before it starts. */
  historyDays: number;
  /** Approved creatives to attach to ads; ads get no creative when empty. */
  creativeIds?: string[];
}

export async function createSimulatedTree(db: SimTreeDb, layerId: string, options: SimulatedTreeOptions): Promise<{ entities: number }> {
  const layer = await db.layer.findUniqueOrThrow({ where: { id: layerId }, select: { platform: true } });
  if (layer.platform === "social") throw new Error("Only ad platforms can be simulated.");
  const platform: SimPlatform = layer.platform;
  const rand = createSeededRandom(options.seed);
  const [adsetMin, adsetMax] = options.adsets ?? [1, 2];
  const [childMin, childMax] = options.children ?? [3, 5];
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  const historyStart = new Date(today - options.historyDays * DAY);
  // advanceSimulatedLayer continues the day after simulatedThrough: history then covers exactly historyDays whole days.
  await db.simWorld.create({ data: { layerId, seed: options.seed, simulatedThrough: new Date(historyStart.getTime() - DAY) } });

  let counter = 0;
  const platformId = () => `${PLATFORM_PREFIX[platform]}_${String(++counter).padStart(5, "0")}`;
  const creatives = options.creativeIds ?? [];
  for (let c = 0; c < options.campaigns; c++) {
    const campaign = await db.adEntity.create({
      data: {
        layerId, level: "campaign", platformId: platformId(), name: `${CAMPAIGN_NAMES[c % CAMPAIGN_NAMES.length]} ${c + 1}`,
        platformCreatedAt: historyStart, dailyBudgetMinor: platform === "meta" ? null : 30_000 + c * 10_000,
      },
    });
    const adsets = between(adsetMin, adsetMax);
    for (let a = 0; a < adsets; a++) {
      const adset = await db.adEntity.create({
        data: {
          layerId, level: "adset", platformId: platformId(), parentId: campaign.id, name: `${campaign.name} · ${AUDIENCES[a % AUDIENCES.length]}`,
          platformCreatedAt: historyStart, dailyBudgetMinor: 5_000 + Math.floor(rand() * 20) * 1_000,
          bidMinor: platform === "tiktok" ? 250 + Math.floor(rand() * 200) : null,
          sim: { create: { quality: 0.5, audienceSize: 40_000 + Math.floor(rand() * 600_000) } },
        },
      });
      const children = between(childMin, childMax);
      for (let k = 0; k < children; k++) {
        const isKeyword = platform === "apple_search_ads";
        const burner = rand() < 0.08;
        const star = !burner && rand() < 0.12;
        const quality = burner ? 0.05 : star ? 0.85 + rand() * 0.15 : 0.25 + rand() * 0.5;
        const creativeId = isKeyword || creatives.length === 0 ? null : creatives[Math.floor(rand() * creatives.length)];
        await db.adEntity.create({
          data: {
            layerId, level: isKeyword ? "keyword" : "ad", platformId: platformId(), parentId: adset.id,
            name: isKeyword ? KEYWORDS[(c * 5 + a * 3 + k) % KEYWORDS.length] : `Ad ${c + 1}.${a + 1}.${k + 1}`,
            // Launched up to 20 days before the history starts, so the first days show ads leaving their learning phase.
            platformCreatedAt: new Date(historyStart.getTime() - Math.floor(rand() * 20) * DAY), contentId: creativeId,
            bidMinor: isKeyword ? 120 + Math.floor(rand() * 180) : null,
            sim: { create: { quality: Math.round(quality * 10_000) / 10_000, burner } },
          },
        });
      }
    }
  }
  return { entities: counter };
}
