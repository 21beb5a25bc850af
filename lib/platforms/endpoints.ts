// Where the real ad-platform APIs live. Tests (and staging proxies) point these at another host through env,
// read in one place so the connect flow and the scheduled jobs always talk to the same servers.
import type { PlatformClientDeps } from "./factory";

export type PlatformBaseUrls = NonNullable<PlatformClientDeps["baseUrls"]>;

export const PLATFORM_BASE_URL_ENV = {
  meta: "LAYERS_META_BASE_URL",
  tiktok: "LAYERS_TIKTOK_BASE_URL",
  apple: "LAYERS_APPLE_BASE_URL",
  appleToken: "LAYERS_APPLE_TOKEN_URL",
} as const satisfies Record<keyof PlatformBaseUrls, string>;

/** Overrides present in `env`; an unset or blank variable keeps the connector's production default. */
export function platformBaseUrlsFromEnv(env: Record<string, string | undefined> = process.env): PlatformBaseUrls {
  const urls: PlatformBaseUrls = {};
  for (const [key, name] of Object.entries(PLATFORM_BASE_URL_ENV) as [keyof PlatformBaseUrls, string][]) {
    const value = env[name]?.trim();
    if (value) urls[key] = value;
  }
  return urls;
}
