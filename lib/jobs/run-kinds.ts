import type { Mode } from "@/lib/optimizer";

export type RunKindName = "ad_optimize" | "watchdog" | "content_refresh" | "metrics_sync" | "rescore_creatives" | "wallet_top_up";

export const KIND_OF_MODE: Record<Mode, RunKindName> = { cycle: "ad_optimize", watchdog: "watchdog", refresh: "content_refresh" };

/** How long a run may hold its layer's lock before another scheduler may assume it crashed. */
export const LOCK_LEASE_MS = 15 * 60_000;

export const lockKey = (kind: RunKindName, layerId: string) => `${kind}:${layerId}`;
