import { describe, expect, it } from "vitest";
import { platformBaseUrlsFromEnv } from "./endpoints";

describe("platformBaseUrlsFromEnv", () => {
  it("returns only the overrides that are set and not blank", () => {
    expect(platformBaseUrlsFromEnv({})).toEqual({});
    expect(platformBaseUrlsFromEnv({ LAYERS_META_BASE_URL: " http://127.0.0.1:1234 ", LAYERS_TIKTOK_BASE_URL: "", LAYERS_APPLE_TOKEN_URL: "http://t/token" }))
      .toEqual({ meta: "http://127.0.0.1:1234", appleToken: "http://t/token" });
    expect(platformBaseUrlsFromEnv({ LAYERS_APPLE_BASE_URL: "http://a/v1", LAYERS_TIKTOK_BASE_URL: "http://tt" })).toEqual({ apple: "http://a/v1", tiktok: "http://tt" });
  });
});
