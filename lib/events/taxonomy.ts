/**
 * Layers SDK event taxonomy and the standard-event → ad-platform name maps.
 *
 * Source: Layers docs /docs/sdk/events (taxonomy) and /docs/sdk/standard-events
 * (Meta CAPI and TikTok Events API tables), copied exactly. This module has no
 * Node-only imports so UI code can use the tables too.
 */

export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const SDK_PLATFORMS = ["ios", "android", "react-native", "web", "node", "flutter", "macos", "unity"] as const;
export type SdkPlatform = (typeof SDK_PLATFORMS)[number];

/** snake_case, lowercase, starts with a letter: `purchase_success`, `app_open`, `level_2_complete`. */
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const EVENT_NAME_MAX_LENGTH = 100;

/** Meta Conversions API: Layers event → Meta standard event (docs table, verbatim). */
export const META_CAPI_EVENT_MAP: Readonly<Record<string, string>> = Object.freeze({
  purchase_success: "Purchase",
  paywall_purchased: "Purchase",
  subscription_start: "Subscribe",
  subscription_renew: "Subscribe",
  trial_start: "StartTrial",
  trial_convert: "Subscribe",
  sign_up: "CompleteRegistration",
  add_to_cart: "AddToCart",
  content_open: "ViewContent",
  search: "Search",
  purchase_attempt: "InitiateCheckout",
  bookmark_add: "AddToWishlist",
});

/** TikTok Events API: Layers event → TikTok event (docs table, verbatim). */
export const TIKTOK_EVENT_MAP: Readonly<Record<string, string>> = Object.freeze({
  purchase_success: "Purchase",
  paywall_purchased: "Purchase",
  subscription_start: "Purchase",
  trial_start: "Purchase",
  add_to_cart: "AddToCart",
  content_open: "ViewContent",
  screen_view: "PageView",
  search: "Search",
  sign_up: "CompleteRegistration",
});

export const STANDARD_EVENTS: readonly string[] = Object.freeze(
  [...new Set([...Object.keys(META_CAPI_EVENT_MAP), ...Object.keys(TIKTOK_EVENT_MAP)])].sort(),
);

/**
 * Meta event names received on ingest (CAPI-shaped payloads use `event_name`) mapped back to
 * a Layers name. Where several Layers events map to the same Meta event, the canonical
 * (first-listed, most general) Layers event is chosen: Purchase → purchase_success,
 * Subscribe → subscription_start. `PageView` comes from the TikTok table (screen_view).
 * Meta names not in this table are converted CamelCase → snake_case (`Lead` → `lead`,
 * `CustomizeProduct` → `customize_product`) and kept.
 */
export const META_TO_LAYERS_EVENT: Readonly<Record<string, string>> = Object.freeze({
  Purchase: "purchase_success",
  Subscribe: "subscription_start",
  StartTrial: "trial_start",
  CompleteRegistration: "sign_up",
  AddToCart: "add_to_cart",
  ViewContent: "content_open",
  Search: "search",
  InitiateCheckout: "purchase_attempt",
  AddToWishlist: "bookmark_add",
  PageView: "screen_view",
});

/** `CustomizeProduct` → `customize_product`; `AddPaymentInfo` → `add_payment_info`; `fb_mobile_purchase` unchanged. */
export function toSnakeCase(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[\s\-.]+/g, "_")
    .toLowerCase();
}

/** Map an incoming Meta `event_name` to the Layers taxonomy. */
export function layersNameFromMeta(eventName: string): string {
  return META_TO_LAYERS_EVENT[eventName] ?? toSnakeCase(eventName);
}

export type RelayPlatform = "meta" | "tiktok";

/**
 * Per-layer override (`event_map` of the layer's CAPI config; per the attribution page also
 * `sdk_apps.settings.eventMap`). A string remaps or adds an event; `null` explicitly stops
 * relaying an event that the standard table would relay.
 */
export type EventMapOverrides = Readonly<Record<string, string | null>>;

/**
 * The platform event name a Layers event is relayed as, or `null` when it is not relayed
 * ("only mapped events are relayed; the rest are stored in sdk_events"). Overrides win.
 * Accepts the platform enums used across Layers pages (`meta` / `meta_ads`, `tiktok` / `tiktok_ads`).
 */
export function mapToPlatformEvent(
  event: string | { readonly event: string },
  platform: RelayPlatform | "meta_ads" | "tiktok_ads",
  overrides?: EventMapOverrides,
): string | null {
  const name = typeof event === "string" ? event : event.event;
  if (overrides && Object.prototype.hasOwnProperty.call(overrides, name)) {
    const o = overrides[name];
    return o === null || o === undefined || o.trim() === "" ? null : o;
  }
  const table = platform === "meta" || platform === "meta_ads" ? META_CAPI_EVENT_MAP : TIKTOK_EVENT_MAP;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : null;
}
