// Ad-account health (runbook: "Check ad-account health"): restricted or disabled accounts, a reached spend cap,
// payment trouble. Read live from the platform with a deadline; callers get a readable result, never an exception.
import type { Db } from "@/lib/db/client";
import { CredentialsDecryptError, type RealCredentials } from "@/lib/platforms/credentials";
import { platformBaseUrlsFromEnv } from "@/lib/platforms/endpoints";
import { isPlatformError } from "@/lib/platforms/errors";
import { createPlatformClient } from "@/lib/platforms/factory";
import type { AccountHealth, Platform } from "@/lib/platforms/types";
import { defaultClientResolver, type ClientResolver } from "./layer-client";

export const PLATFORM_LABEL: Record<Platform, string> = { meta: "Meta", tiktok: "TikTok", apple_search_ads: "Apple Search Ads" };
const HEALTH_TIMEOUT_MS = 8_000;

export class HealthTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = "HealthTimeoutError";
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** What went wrong, in words an admin can act on. `subject` is e.g. "these credentials" or "the stored credentials". */
export function describeHealthFailure(platform: Platform, error: unknown, subject: string): { message: string; rejected: boolean } {
  const label = PLATFORM_LABEL[platform];
  if (isPlatformError(error)) {
    switch (error.kind) {
      case "auth_expired":
      case "invalid_request":
      case "not_found":
        return { message: `${label} rejected ${subject}: ${error.message}`, rejected: true };
      case "rate_limited":
        return { message: `${label} is rate-limiting requests right now (${error.message}); try again in a few minutes.`, rejected: false };
      case "platform_outage":
        return { message: `Could not reach ${label} to check ${subject} (${error.message}); try again.`, rejected: false };
    }
  }
  if (error instanceof HealthTimeoutError) return { message: `${label} did not answer in time (${error.message}); try again.`, rejected: false };
  if (error instanceof CredentialsDecryptError) return { message: `${subject.charAt(0).toUpperCase()}${subject.slice(1)} could not be decrypted (was LAYERS_ENCRYPTION_KEY changed?); reconnect the layer.`, rejected: false };
  // Our own checks (e.g. an Apple key that is not P-256) and config errors (missing LAYERS_ENCRYPTION_KEY) say what to do.
  return { message: `Could not use ${subject} for ${label}: ${error instanceof Error ? error.message : String(error)}`, rejected: false };
}

/**
 * One live, unretried call with fresh credentials before they are saved. Throws the platform's error (or a
 * HealthTimeoutError); on success the health says whether the account can actually deliver.
 */
export async function checkCredentialsLive(platform: Platform, credentials: RealCredentials, options: { timeoutMs?: number } = {}): Promise<AccountHealth> {
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  const client = createPlatformClient(platform, credentials, { baseUrls: platformBaseUrlsFromEnv(), timeoutMs, retry: false });
  return withDeadline(client.getAccountHealth(), timeoutMs + 1_000);
}

export interface LayerAccountHealth {
  health: AccountHealth | null;
  checkedAt: Date;
  error: string | null;
}

export async function getLayerAccountHealth(
  db: Db,
  layer: { id: string; platform: Platform | "social"; credentialsRef: string | null },
  options: { timeoutMs?: number; resolveClient?: ClientResolver; now?: () => Date } = {},
): Promise<LayerAccountHealth> {
  const now = options.now ?? (() => new Date());
  if (layer.platform === "social") return { health: null, checkedAt: now(), error: "Social distribution layers have no ad account." };
  const platform = layer.platform;
  try {
    const resolve = options.resolveClient ?? defaultClientResolver(db);
    const work = resolve({ id: layer.id, platform, credentialsRef: layer.credentialsRef }).then((client) => client.getAccountHealth());
    return { health: await withDeadline(work, options.timeoutMs ?? HEALTH_TIMEOUT_MS), checkedAt: now(), error: null };
  } catch (error) {
    const { message, rejected } = describeHealthFailure(platform, error, "the stored credentials");
    return { health: null, checkedAt: now(), error: rejected ? `${message.replace(/\.$/, "")}. Reconnect the layer from Settings → Layers.` : message };
  }
}
