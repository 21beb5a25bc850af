// Creating layers from Settings → Layers. A connected layer and its encrypted credentials are written together or
// not at all; a simulated layer gets its sandbox world and entity tree in the same transaction as the layer row.
import { createSimulatedTree } from "@/lib/sim/demo-tree";
import { db } from "../client";

export type AdLayerPlatform = "meta" | "tiktok" | "apple_search_ads";

interface NewLayer {
  projectId: string;
  platform: AdLayerPlatform;
  name: string;
  accountTimezone: string;
  currency: string;
}

const CREATED_SELECT = { id: true, name: true, platform: true, adAccountId: true, createdAt: true } as const;

/** The ciphertext is produced by the caller (lib/platforms/credentials); this never sees plaintext credentials. */
export async function createConnectedLayer(input: NewLayer & { orgId: string; adAccountId: string; credentialsKind: string; ciphertext: string }) {
  return db.$transaction(async (tx) => {
    const secret = await tx.credentialSecret.create({ data: { orgId: input.orgId, kind: input.credentialsKind, ciphertext: input.ciphertext }, select: { id: true } });
    return tx.layer.create({
      data: {
        projectId: input.projectId, platform: input.platform, name: input.name, accountTimezone: input.accountTimezone,
        currency: input.currency, adAccountId: input.adAccountId, credentialsRef: secret.id,
      },
      select: CREATED_SELECT,
    });
  });
}

/**
 * A sandbox layer: no credentials (the client resolver then picks the simulated market), a SimWorld seeded from
 * the layer id, and a small entity tree whose history starts `historyDays` ago (simulate it with advanceSimulatedLayer).
 */
export async function createSimulatedLayer(input: NewLayer & { now: Date; historyDays: number; campaigns: number; creativeIds: string[] }) {
  return db.$transaction(async (tx) => {
    const created = await tx.layer.create({
      data: { projectId: input.projectId, platform: input.platform, name: input.name, accountTimezone: input.accountTimezone, currency: input.currency },
      select: { id: true },
    });
    await createSimulatedTree(tx, created.id, { seed: `sandbox-${created.id}`, now: input.now, campaigns: input.campaigns, historyDays: input.historyDays, creativeIds: input.creativeIds });
    return tx.layer.update({ where: { id: created.id }, data: { adAccountId: `sandbox-${created.id.slice(-8)}` }, select: CREATED_SELECT });
  }, { timeout: 30_000 });
}

/** Removes a layer whose setup failed half-way (entities, metrics and world cascade). */
export async function deleteLayer(layerId: string): Promise<void> {
  await db.layer.deleteMany({ where: { id: layerId } });
}
