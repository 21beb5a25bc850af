import { describe, expect, it } from "vitest";
import {
  layersNameFromMeta,
  mapToPlatformEvent,
  META_CAPI_EVENT_MAP,
  STANDARD_EVENTS,
  TIKTOK_EVENT_MAP,
  toSnakeCase,
} from "./taxonomy";

describe("standard event tables (docs /docs/sdk/standard-events, verbatim)", () => {
  it("Meta CAPI table", () => {
    expect(META_CAPI_EVENT_MAP).toEqual({
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
  });

  it("TikTok Events API table", () => {
    expect(TIKTOK_EVENT_MAP).toEqual({
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
    expect(STANDARD_EVENTS).toContain("screen_view");
    expect(STANDARD_EVENTS).toContain("bookmark_add");
  });

  it("tables are frozen", () => {
    expect(Object.isFrozen(META_CAPI_EVENT_MAP)).toBe(true);
    expect(Object.isFrozen(TIKTOK_EVENT_MAP)).toBe(true);
  });
});

describe("mapToPlatformEvent", () => {
  it("maps standard events and drops unmapped ones", () => {
    expect(mapToPlatformEvent("purchase_success", "meta")).toBe("Purchase");
    expect(mapToPlatformEvent({ event: "trial_start" }, "meta")).toBe("StartTrial");
    expect(mapToPlatformEvent("trial_start", "tiktok")).toBe("Purchase");
    expect(mapToPlatformEvent("screen_view", "meta")).toBeNull();
    expect(mapToPlatformEvent("screen_view", "tiktok_ads")).toBe("PageView");
    expect(mapToPlatformEvent("bookmark_add", "tiktok")).toBeNull();
    expect(mapToPlatformEvent("app_open", "meta_ads")).toBeNull();
    expect(mapToPlatformEvent("toString", "meta")).toBeNull();
  });

  it("overrides win: remap, add, and drop with null", () => {
    const overrides = { purchase_success: "CustomPurchase", level_complete: "AchieveLevel", sign_up: null };
    expect(mapToPlatformEvent("purchase_success", "meta", overrides)).toBe("CustomPurchase");
    expect(mapToPlatformEvent("level_complete", "tiktok", overrides)).toBe("AchieveLevel");
    expect(mapToPlatformEvent("sign_up", "meta", overrides)).toBeNull();
    expect(mapToPlatformEvent("search", "meta", overrides)).toBe("Search");
  });
});

describe("Meta → Layers names", () => {
  it("maps back standard names and snake-cases the rest", () => {
    expect(layersNameFromMeta("Purchase")).toBe("purchase_success");
    expect(layersNameFromMeta("Subscribe")).toBe("subscription_start");
    expect(layersNameFromMeta("InitiateCheckout")).toBe("purchase_attempt");
    expect(layersNameFromMeta("PageView")).toBe("screen_view");
    expect(layersNameFromMeta("Lead")).toBe("lead");
    expect(layersNameFromMeta("AddPaymentInfo")).toBe("add_payment_info");
    expect(toSnakeCase("fb_mobile_purchase")).toBe("fb_mobile_purchase");
    expect(toSnakeCase("HTTPRequestDone")).toBe("http_request_done");
  });

  it("every Meta name maps back to a Layers event that maps forward to the same Meta name", () => {
    for (const metaName of new Set(Object.values(META_CAPI_EVENT_MAP))) {
      expect(mapToPlatformEvent(layersNameFromMeta(metaName), "meta")).toBe(metaName);
    }
  });
});
