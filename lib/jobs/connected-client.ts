// Real connectors, selected by the layer's stored credentials (AES-256-GCM at rest; the key comes from env).
import type { Db } from "@/lib/db/client";
import { decryptCredentials, parseEncryptionKey } from "@/lib/platforms/credentials";
import { platformBaseUrlsFromEnv } from "@/lib/platforms/endpoints";
import { createPlatformClient } from "@/lib/platforms/factory";
import type { AdPlatformClient, Platform } from "@/lib/platforms/types";
import { createSimulatedClient } from "@/lib/sim/client";

export function encryptionKeyFromEnv(): Buffer {
  const raw = process.env.LAYERS_ENCRYPTION_KEY;
  if (!raw) throw new Error("LAYERS_ENCRYPTION_KEY is not set: it is needed to read connected ad-account credentials.");
  return parseEncryptionKey(raw);
}

export async function createConnectedClient(db: Db, layer: { id: string; platform: Platform; credentialsRef: string | null }): Promise<AdPlatformClient> {
  const secret = layer.credentialsRef ? await db.credentialSecret.findUnique({ where: { id: layer.credentialsRef }, select: { kind: true, ciphertext: true } }) : null;
  if (!secret || secret.kind === "simulated") return createSimulatedClient(db, layer);
  const credentials = decryptCredentials(secret.ciphertext, encryptionKeyFromEnv());
  return createPlatformClient(layer.platform, credentials, { simulated: () => createSimulatedClient(db, layer), baseUrls: platformBaseUrlsFromEnv() });
}
