// Builds a small ad account in the database (and mirrors it into an in-memory platform client) for integration tests.
import type { Db } from "@/lib/db/client";
import { createMemoryClient, type InMemoryPlatformClient } from "@/lib/platforms/memory";

const DAY = 86_400_000;

export interface AdSpec {
  key: string;
  ageDays: number;
  /** Per-day metrics for the last `days` days ending today. */
  daily: { spendMinor: number; impressions: number; clicks: number; installs: number; frequency?: number };
  days?: number;
}

export async function buildWorld(db: Db, options: { now: Date; platform?: "meta" | "tiktok" | "apple_search_ads"; mode?: "autopilot" | "approve_first"; lastSyncAt?: Date | null; ads: AdSpec[]; adsetBudgetMinor?: number }) {
  const { now } = options;
  const suffix = Math.random().toString(36).slice(2, 8);
  const org = await db.org.create({ data: { name: `Org ${suffix}`, slug: `org-${suffix}` } });
  const user = await db.user.create({ data: { email: `marketer-${suffix}@test.dev`, memberships: { create: { orgId: org.id, role: "marketer" } } } });
  const project = await db.project.create({ data: { orgId: org.id, name: "App", slug: `app-${suffix}`, targetCpaMinor: 600 } });
  const layer = await db.layer.create({
    data: { projectId: project.id, platform: options.platform ?? "meta", name: "Layer", mode: options.mode ?? "autopilot", lastSyncAt: options.lastSyncAt === undefined ? now : options.lastSyncAt },
  });
  const client: InMemoryPlatformClient = createMemoryClient({ platform: options.platform ?? "meta", now: () => now });
  const created = (days: number) => new Date(now.getTime() - days * DAY);
  const campaign = await db.adEntity.create({ data: { layerId: layer.id, level: "campaign", platformId: `c-${suffix}`, name: "Campaign", platformCreatedAt: created(60) } });
  const adset = await db.adEntity.create({ data: { layerId: layer.id, level: "adset", platformId: `s-${suffix}`, parentId: campaign.id, name: "Adset", platformCreatedAt: created(60), dailyBudgetMinor: options.adsetBudgetMinor ?? 10_000 } });
  for (const e of [campaign, adset]) {
    client.setEntity({ platformId: e.platformId, level: e.level, parentPlatformId: e.level === "adset" ? campaign.platformId : null, name: e.name, status: "active", learning: false, dailyBudgetMinor: e.dailyBudgetMinor, bidMinor: null, createdAt: e.platformCreatedAt });
  }
  const ads: Record<string, string> = {};
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const spec of options.ads) {
    const ad = await db.adEntity.create({ data: { layerId: layer.id, level: "ad", platformId: `a-${spec.key}-${suffix}`, parentId: adset.id, name: `Ad ${spec.key}`, platformCreatedAt: created(spec.ageDays) } });
    ads[spec.key] = ad.id;
    client.setEntity({ platformId: ad.platformId, level: "ad", parentPlatformId: adset.platformId, name: ad.name, status: "active", learning: false, dailyBudgetMinor: null, bidMinor: null, createdAt: ad.platformCreatedAt });
    const days = Math.min(spec.days ?? 14, spec.ageDays);
    await db.dailyMetric.createMany({
      data: Array.from({ length: days }, (_, i) => ({
        entityId: ad.id, layerId: layer.id, date: new Date(today - i * DAY),
        spendMinor: spec.daily.spendMinor, impressions: spec.daily.impressions, clicks: spec.daily.clicks, installs: spec.daily.installs, conversions: spec.daily.installs, frequency: spec.daily.frequency ?? null,
      })),
    });
  }
  return { org, user, project, layer, campaign, adset, ads, client, resolver: async () => client };
}
