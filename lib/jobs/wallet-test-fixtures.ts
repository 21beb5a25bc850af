// Test fixtures for the wallet's integration tests: an org with members, one project, one Meta layer whose single
// ad reports a given spend per day (plus an ad set roll-up row, which the drawdown must ignore).
import type { Db } from "@/lib/db/client";

const DAY = 86_400_000;
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface WalletFixture {
  orgId: string;
  projectId: string;
  layerId: string;
  adId: string;
  adsetId: string;
  users: Record<"owner" | "admin" | "marketer" | "viewer", string>;
}

export async function createWalletOrg(
  db: Db,
  label: string,
  options: { walletCreatedAt?: Date; wallet?: { thresholdMinor: number; topUpAmountMinor: number; dailyCapMinor: number; autoTopUpEnabled?: boolean } | null } = {},
): Promise<WalletFixture> {
  const suffix = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const org = await db.org.create({ data: { name: `Org ${label}`, slug: `org-${suffix}` } });
  const users = {} as WalletFixture["users"];
  for (const role of ["owner", "admin", "marketer", "viewer"] as const) {
    users[role] = (await db.user.create({ data: { email: `${role}-${suffix}@wallet.test`, name: `${role} ${label}`, memberships: { create: { orgId: org.id, role } } } })).id;
  }
  if (options.wallet !== null) {
    await db.wallet.create({
      data: {
        orgId: org.id, currency: "USD", autoTopUpEnabled: options.wallet?.autoTopUpEnabled ?? !!options.wallet,
        thresholdMinor: options.wallet?.thresholdMinor, topUpAmountMinor: options.wallet?.topUpAmountMinor, dailyCapMinor: options.wallet?.dailyCapMinor,
        createdAt: options.walletCreatedAt ?? new Date(),
      },
    });
  }
  const project = await db.project.create({ data: { orgId: org.id, name: `App ${label}`, slug: `app-${suffix}`, currency: "USD" } });
  const layer = await db.layer.create({ data: { projectId: project.id, platform: "meta", name: `Meta ${label}`, currency: "USD" } });
  const created = new Date("2025-01-01T00:00:00Z");
  const campaign = await db.adEntity.create({ data: { layerId: layer.id, level: "campaign", platformId: `c-${suffix}`, name: "Campaign", platformCreatedAt: created } });
  const adset = await db.adEntity.create({ data: { layerId: layer.id, level: "adset", platformId: `s-${suffix}`, name: "Ad set", parentId: campaign.id, platformCreatedAt: created } });
  const ad = await db.adEntity.create({ data: { layerId: layer.id, level: "ad", platformId: `a-${suffix}`, name: "Ad", parentId: adset.id, platformCreatedAt: created } });
  return { orgId: org.id, projectId: project.id, layerId: layer.id, adId: ad.id, adsetId: adset.id, users };
}

/** Writes (or restates) the ad's spend for a day, with the same total on its ad set (a roll-up the wallet must not count twice). */
export async function reportSpend(db: Db, fixture: WalletFixture, day: string, spendMinor: number) {
  const date = new Date(`${day}T00:00:00.000Z`);
  for (const entityId of [fixture.adId, fixture.adsetId]) {
    await db.dailyMetric.upsert({
      where: { entityId_date: { entityId, date } },
      update: { spendMinor },
      create: { entityId, date, layerId: fixture.layerId, spendMinor, impressions: spendMinor, clicks: 10 },
    });
  }
}

export const dayAfter = (day: string, n = 1) => isoDay(new Date(new Date(`${day}T00:00:00.000Z`).getTime() + n * DAY));

/** Σ of every posting of the org's wallet: zero whenever the books balance. */
export async function postingSum(db: Db, orgId: string): Promise<bigint> {
  const sum = await db.ledgerPosting.aggregate({ where: { transaction: { wallet: { orgId } } }, _sum: { amountMinor: true } });
  return sum._sum.amountMinor ?? 0n;
}
