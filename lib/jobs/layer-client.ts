// Picks the platform client for a layer: the simulated market unless real credentials are connected.
import type { Db } from "@/lib/db/client";
import type { AdPlatformClient, Platform } from "@/lib/platforms/types";
import { createSimulatedClient } from "@/lib/sim/client";

export type ClientResolver = (layer: { id: string; platform: Platform; credentialsRef: string | null }) => Promise<AdPlatformClient>;

export function defaultClientResolver(db: Db): ClientResolver {
  return async (layer) => {
    if (!layer.credentialsRef) return createSimulatedClient(db, layer);
    const { createConnectedClient } = await import("./connected-client");
    return createConnectedClient(db, layer);
  };
}
