// Real connectors, selected by the layer's stored (encrypted) credentials.
import type { Db } from "@/lib/db/client";
import type { AdPlatformClient, Platform } from "@/lib/platforms/types";
import { createSimulatedClient } from "@/lib/sim/client";

export async function createConnectedClient(db: Db, layer: { id: string; platform: Platform; credentialsRef: string | null }): Promise<AdPlatformClient> {
  const secret = layer.credentialsRef ? await db.credentialSecret.findUnique({ where: { id: layer.credentialsRef }, select: { kind: true } }) : null;
  if (!secret || secret.kind === "simulated") return createSimulatedClient(db, layer);
  throw new Error(`Connector for ${layer.platform} credentials (${secret.kind}) is not wired in this build yet.`);
}
