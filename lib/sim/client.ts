// The simulated ad platform: the demo's default for every layer without real credentials. Its "platform side"
// is our own entity table plus the latent truth in SimEntity, so pauses and budget changes shape the next days
// that `layers simulate` (or the scheduled sync) generates.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/platforms/errors";
import type { AdPlatformClient, DailyMetricRow, DateRange, EntityLevel, Platform, PlatformEntity } from "@/lib/platforms/types";

export function createSimulatedClient(db: Db, layer: { id: string; platform: Platform }): AdPlatformClient {
  const find = async (platformId: string, level: EntityLevel) => {
    const entity = await db.adEntity.findUnique({ where: { layerId_level_platformId: { layerId: layer.id, level, platformId } }, select: { id: true } });
    if (!entity) throw new NotFoundError({ platform: layer.platform, message: `No ${level} ${platformId} in the simulated account` });
    return entity.id;
  };
  return {
    platform: layer.platform,
    async listEntities(): Promise<PlatformEntity[]> {
      const rows = await db.adEntity.findMany({
        where: { layerId: layer.id },
        select: { platformId: true, level: true, name: true, status: true, learning: true, dailyBudgetMinor: true, bidMinor: true, platformCreatedAt: true, contentId: true, parent: { select: { platformId: true } } },
      });
      return rows.map((r) => ({
        platformId: r.platformId, level: r.level, parentPlatformId: r.parent?.platformId ?? null, name: r.name, status: r.status,
        learning: r.learning, dailyBudgetMinor: r.dailyBudgetMinor, bidMinor: r.bidMinor, createdAt: r.platformCreatedAt, creativeRef: r.contentId,
      }));
    },
    async fetchDailyMetrics(range: DateRange, level?: EntityLevel): Promise<DailyMetricRow[]> {
      const rows = await db.dailyMetric.findMany({
        where: { layerId: layer.id, date: { gte: new Date(range.from), lte: new Date(range.to) }, entity: level ? { level } : undefined },
        select: { date: true, spendMinor: true, impressions: true, clicks: true, installs: true, conversions: true, revenueMinor: true, frequency: true, entity: { select: { platformId: true, level: true } } },
      });
      return rows.map((r) => ({
        platformId: r.entity.platformId, level: r.entity.level, date: r.date.toISOString().slice(0, 10), spendMinor: r.spendMinor, impressions: r.impressions,
        clicks: r.clicks, installs: r.installs, conversions: r.conversions, revenueMinor: r.revenueMinor, frequency: r.frequency === null ? null : Number(r.frequency),
      }));
    },
    async pause(platformId, level) {
      await db.adEntity.update({ where: { id: await find(platformId, level) }, data: { status: "paused" } });
    },
    async resume(platformId, level) {
      await db.adEntity.update({ where: { id: await find(platformId, level) }, data: { status: "active" } });
    },
    async setDailyBudget(platformId, level, amountMinor) {
      await db.adEntity.update({ where: { id: await find(platformId, level) }, data: { dailyBudgetMinor: amountMinor } });
    },
    async setBid(platformId, level, amountMinor) {
      await db.adEntity.update({ where: { id: await find(platformId, level) }, data: { bidMinor: amountMinor } });
    },
    async createAd(input) {
      // The idempotency key names the ad, so a retried launch finds the ad it already created.
      const platformId = `sim_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 16)}`;
      const adsetId = await find(input.adsetPlatformId, "adset");
      const content = await db.adsContent.findUnique({ where: { id: input.creativeRef }, select: { organicScore: true } });
      const score = content?.organicScore === null || content?.organicScore === undefined ? 4 : Number(content.organicScore);
      const quality = Math.max(0.05, Math.min(0.98, 0.1 + score / 12));
      await db.adEntity.upsert({
        where: { layerId_level_platformId: { layerId: layer.id, level: "ad", platformId } },
        update: {},
        create: {
          layerId: layer.id, level: "ad", platformId, parentId: adsetId, name: input.name, contentId: input.creativeRef, learning: true,
          platformCreatedAt: new Date(), sim: { create: { quality: Math.round(quality * 10_000) / 10_000 } },
        },
      });
      return { platformId };
    },
    async getAccountHealth() {
      return { status: "ok", spendCapReached: false, paymentIssue: false, message: null };
    },
  };
}
