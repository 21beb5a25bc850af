import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEED_RANGES, FEED_SOURCES, feedFiltersToSearch, isFiltered, NO_FEED_FILTERS, parseFeedFilters, rangeStart } from "./feed-filters";
import { SDK_PLATFORMS } from "./taxonomy";

describe("feed filters in the URL", () => {
  it("parses known values and drops unknown ones instead of failing", () => {
    expect(parseFeedFilters(new URLSearchParams("name=purchase_success&platform=ios&source=meta&range=24h&q=%20user_42%20"))).toEqual({
      name: "purchase_success", platform: "ios", source: "meta", range: "24h", q: "user_42",
    });
    expect(parseFeedFilters({ name: "Not Snake", platform: "symbian", source: "google", range: "5y", q: "  " })).toEqual(NO_FEED_FILTERS);
    expect(parseFeedFilters({ name: ["app_open", "x"] }).name).toBe("app_open");
    expect(parseFeedFilters({ q: "x".repeat(1000) }).q).toHaveLength(256);
  });

  it("writes only what is filtered", () => {
    expect(feedFiltersToSearch(NO_FEED_FILTERS)).toBe("");
    expect(isFiltered(NO_FEED_FILTERS)).toBe(false);
    expect(feedFiltersToSearch({ ...NO_FEED_FILTERS, range: "7d", q: "a b" })).toBe("?range=7d&q=a+b");
  });

  it("property: parse ∘ write is the identity", () => {
    const filters = fc.record({
      name: fc.option(fc.constantFrom("app_open", "purchase_success", "level_2_complete"), { nil: null }),
      platform: fc.option(fc.constantFrom(...SDK_PLATFORMS), { nil: null }),
      source: fc.option(fc.constantFrom(...FEED_SOURCES), { nil: null }),
      range: fc.constantFrom(...FEED_RANGES),
      q: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ""), { nil: null }),
    });
    fc.assert(fc.property(filters, (f) => {
      expect(parseFeedFilters(new URLSearchParams(feedFiltersToSearch(f)))).toEqual(f);
    }));
  });

  it("range start", () => {
    const now = new Date("2026-05-12T18:00:00Z");
    expect(rangeStart("all", now)).toBeNull();
    expect(rangeStart("1h", now)).toEqual(new Date("2026-05-12T17:00:00Z"));
    expect(rangeStart("30d", now)).toEqual(new Date("2026-04-12T18:00:00Z"));
  });
});
