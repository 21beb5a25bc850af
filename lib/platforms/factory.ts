/**
 * Picks the client for a layer: the simulated market when the credentials say `kind: "simulated"`,
 * otherwise the real connector for the platform. The simulated client lives elsewhere (it persists
 * state in the database), so it is injected as `deps.simulated`.
 */
import { createAppleAdsClient, type AppleClientOptions } from "./apple/client";
import { platformCredentialsSchema, CREDENTIAL_KIND_FOR_PLATFORM, type PlatformCredentials, type SimulatedCredentials } from "./credentials";
import { InvalidRequestError, type RetryOptions } from "./errors";
import type { FetchLike, IdempotencyStore } from "./http";
import { createMetaClient, type MetaClientOptions } from "./meta/client";
import { withRetryClient } from "./retrying";
import { createTikTokClient, type TikTokClientOptions } from "./tiktok/client";
import type { AdPlatformClient, Platform } from "./types";

export interface PlatformClientDeps {
  /** Builds the simulated client; required when credentials are `kind: "simulated"`. */
  simulated?: (platform: Platform, credentials: SimulatedCredentials) => AdPlatformClient;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Base URL overrides (tests point these at 127.0.0.1). */
  baseUrls?: { meta?: string; tiktok?: string; apple?: string; appleToken?: string };
  /** Persist createAd idempotency keys across processes (default: in-memory per client). */
  idempotencyStore?: IdempotencyStore;
  /** Wrap real clients in withRetry (default on). Pass false to get the raw connector. */
  retry?: RetryOptions | false;
  /** Connector-specific extras. */
  meta?: Partial<MetaClientOptions>;
  tiktok?: Partial<TikTokClientOptions>;
  apple?: Partial<AppleClientOptions>;
}

export function createPlatformClient(platform: Platform, credentials: PlatformCredentials | unknown, deps: PlatformClientDeps = {}): AdPlatformClient {
  const creds = platformCredentialsSchema.parse(credentials);
  if (creds.kind === "simulated") {
    if (!deps.simulated) throw new TypeError("simulated credentials need deps.simulated to build the simulated client");
    return deps.simulated(platform, creds);
  }
  const expected = CREDENTIAL_KIND_FOR_PLATFORM[platform];
  if (creds.kind !== expected) {
    throw new InvalidRequestError({
      platform,
      code: "credentials_mismatch",
      message: `credentials of kind "${creds.kind}" cannot be used for ${platform} (expected "${expected}")`,
    });
  }
  const common = { fetch: deps.fetch, timeoutMs: deps.timeoutMs, idempotencyStore: deps.idempotencyStore };
  let client: AdPlatformClient;
  switch (creds.kind) {
    case "meta":
      client = createMetaClient({
        ...deps.meta,
        ...common,
        accessToken: creds.accessToken,
        adAccountId: creds.adAccountId,
        appSecret: creds.appSecret,
        baseUrl: deps.baseUrls?.meta ?? deps.meta?.baseUrl,
      });
      break;
    case "tiktok":
      client = createTikTokClient({
        ...deps.tiktok,
        ...common,
        accessToken: creds.accessToken,
        advertiserId: creds.advertiserId,
        baseUrl: deps.baseUrls?.tiktok ?? deps.tiktok?.baseUrl,
      });
      break;
    case "apple":
      client = createAppleAdsClient({
        ...deps.apple,
        ...common,
        clientId: creds.clientId,
        teamId: creds.teamId,
        keyId: creds.keyId,
        privateKeyPem: creds.privateKeyPem,
        orgId: creds.orgId,
        adAccountId: creds.adAccountId,
        baseUrl: deps.baseUrls?.apple ?? deps.apple?.baseUrl,
        tokenUrl: deps.baseUrls?.appleToken ?? deps.apple?.tokenUrl,
      });
      break;
  }
  return deps.retry === false ? client : withRetryClient(client, deps.retry ?? {});
}
