import { describe, expect, it } from "vitest";
import { selectCreatives } from "./select";
import { adset, creative } from "./test-helpers";
import { PLATFORM_AD_LIMITS, type SelectionCreative } from "./types";

function many(prefix: string, count: number, fields: Partial<SelectionCreative> = {}): SelectionCreative[] {
  return Array.from({ length: count }, (_, i) =>
    creative(`${prefix}${String(i).padStart(2, "0")}`, { organicScore: 9 - i * 0.1, ...fields }),
  );
}

function selectedFor(result: ReturnType<typeof selectCreatives>, id: string): string[] {
  const found = result.adsets.find((a) => a.id === id);
  if (!found) throw new Error(`no adset ${id}`);
  return found.selected;
}

describe("selectCreatives: pools and slots", () => {
  it("picks the top 3 of each pool by default, best first across pools", () => {
    const creatives = [
      ...many("g", 5, { pool: "generated" }),
      ...many("u", 5, { pool: "ugc", organicScore: 6 }),
      ...many("m", 1, { pool: "manual", organicScore: 4 }),
    ];
    const result = selectCreatives({ creatives, adsets: [adset("a")] });
    // ugc all tie at 6 → id order; generated 9, 8.9, 8.8.
    expect(selectedFor(result, "a")).toEqual(["g00", "g01", "g02", "u00", "u01", "u02", "m00"]);
    expect(result.adsets[0].skipped).toBeNull();
  });

  it("honours per-pool slot counts from config", () => {
    const creatives = [...many("g", 5, { pool: "generated" }), ...many("u", 5, { pool: "ugc" })];
    const result = selectCreatives({
      creatives,
      adsets: [adset("a")],
      config: { generatedSlots: 1, ugcSlots: 4, manualSlots: 0 },
    });
    expect(selectedFor(result, "a")).toEqual(["g00", "u00", "u01", "u02", "u03"]);
  });

  it("counts creatives already active in the adset toward their pool's slots and never re-picks them", () => {
    const creatives = [...many("g", 5, { pool: "generated" }), ...many("u", 5, { pool: "ugc" })];
    // g00 and g01 already run: one generated slot left → g02 (8.8). u03 runs → two ugc slots: u00 (9), u01 (8.9).
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeCreativeIds: ["g00", "g01", "u03"], activeAdCount: 3 })],
    });
    expect(selectedFor(result, "a")).toEqual(["u00", "u01", "g02"]);
  });

  it("keeps counting a running creative's slot even if it is no longer eligible", () => {
    const creatives = [
      creative("old", { pool: "ugc", organicScore: 1 }),
      ...many("u", 4, { pool: "ugc" }),
    ];
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeCreativeIds: ["old"], activeAdCount: 1 })],
      config: { ugcSlots: 2 },
    });
    expect(selectedFor(result, "a")).toEqual(["u00"]);
  });

  it("counts unknown active creatives toward maxCreativesPerAdset but no pool", () => {
    const creatives = many("g", 5, { pool: "generated" });
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeCreativeIds: ["ext1", "ext2", "ext3"], activeAdCount: 3 })],
      config: { maxCreativesPerAdset: 5 },
    });
    expect(selectedFor(result, "a")).toEqual(["g00", "g01"]);
  });

  it("ranks include-overridden unscored creatives after every scored one", () => {
    const creatives = [
      creative("n1", { organicScore: null, override: "include" }),
      creative("low", { organicScore: 0.5, override: "include" }),
      creative("ok", { organicScore: 4 }),
    ];
    const result = selectCreatives({ creatives, adsets: [adset("a")] });
    expect(selectedFor(result, "a")).toEqual(["ok", "low", "n1"]);
  });

  it("breaks score ties by id, and organicScoreWeight 0 falls back to pool order then id", () => {
    const creatives = [
      creative("b", { organicScore: 5 }),
      creative("a", { organicScore: 5 }),
      creative("z", { pool: "manual", organicScore: 9 }),
      creative("c", { pool: "ugc", organicScore: 4 }),
    ];
    expect(selectedFor(selectCreatives({ creatives, adsets: [adset("s")] }), "s")).toEqual(["z", "a", "b", "c"]);
    expect(
      selectedFor(selectCreatives({ creatives, adsets: [adset("s")], config: { organicScoreWeight: 0 } }), "s"),
    ).toEqual(["a", "b", "c", "z"]);
  });

  it("gives the same order for any positive weight", () => {
    const creatives = [...many("g", 4), ...many("u", 4, { pool: "ugc", organicScore: 8.95 })];
    const base = selectCreatives({ creatives, adsets: [adset("a")] });
    const weighted = selectCreatives({ creatives, adsets: [adset("a")], config: { organicScoreWeight: 3.7 } });
    expect(weighted).toEqual(base);
  });
});

describe("selectCreatives: caps", () => {
  const creatives = [
    ...many("g", 4, { pool: "generated" }),
    ...many("u", 4, { pool: "ugc", organicScore: 8.95 }),
    ...many("m", 4, { pool: "manual", organicScore: 8.9 }),
  ];

  it("truncates to maxCreativesPerAdset keeping the best across pools (ties: pool order, then id)", () => {
    // Picks: g 9, 8.9, 8.8; u 8.95 ×3; m 8.9 ×3. Order: g00 9, u00-u02 8.95, g01 8.9, m00-m02 8.9, g02 8.8.
    const result = selectCreatives({ creatives, adsets: [adset("a")], config: { maxCreativesPerAdset: 6 } });
    expect(selectedFor(result, "a")).toEqual(["g00", "u00", "u01", "u02", "g01", "m00"]);
  });

  it("applies maxCreativesPerAdset to already-active + selected", () => {
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeCreativeIds: ["g00", "m03"], activeAdCount: 2 })],
      config: { maxCreativesPerAdset: 4 },
    });
    expect(selectedFor(result, "a")).toEqual(["u00", "u01"]);
  });

  it("returns no picks but no skip when running creatives already fill maxCreativesPerAdset", () => {
    const active = Array.from({ length: 10 }, (_, i) => `ext${i}`);
    const result = selectCreatives({ creatives, adsets: [adset("a", { activeCreativeIds: active, activeAdCount: 10 })] });
    expect(result.adsets[0]).toEqual({ id: "a", selected: [], skipped: null });
  });

  it("lets a Meta adset with 49 ads take at most 1 more", () => {
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeAdCount: 49 })],
    });
    expect(result.adsets[0]).toEqual({ id: "a", selected: ["g00"], skipped: null });
  });

  it("skips a Meta adset holding 50 (or more) ads as AT_CAPACITY", () => {
    const result = selectCreatives({
      creatives,
      adsets: [adset("a", { activeAdCount: 50 }), adset("b", { activeAdCount: 63 })],
    });
    expect(result.adsets).toEqual([
      { id: "a", selected: [], skipped: "AT_CAPACITY" },
      { id: "b", selected: [], skipped: "AT_CAPACITY" },
    ]);
  });

  it("uses the TikTok and Apple limits", () => {
    const result = selectCreatives({
      creatives,
      adsets: [
        adset("t19", { platform: "tiktok", activeAdCount: PLATFORM_AD_LIMITS.tiktok - 1 }),
        adset("t20", { platform: "tiktok", activeAdCount: PLATFORM_AD_LIMITS.tiktok }),
        adset("ap", { platform: "apple_search_ads", activeAdCount: PLATFORM_AD_LIMITS.apple_search_ads }),
        adset("m20", { platform: "meta", activeAdCount: 20 }),
      ],
    });
    expect(result.adsets.map((a) => [a.id, a.selected.length, a.skipped])).toEqual([
      ["t19", 1, null],
      ["t20", 0, "AT_CAPACITY"],
      ["ap", 0, "AT_CAPACITY"],
      ["m20", 9, null],
    ]);
  });

  it("never trusts an activeAdCount lower than the active creatives it lists", () => {
    const active = Array.from({ length: 50 }, (_, i) => `ext${i}`);
    const result = selectCreatives({ creatives, adsets: [adset("a", { activeCreativeIds: active, activeAdCount: 3 })] });
    expect(result.adsets[0].skipped).toBe("AT_CAPACITY");
  });
});

describe("selectCreatives: output shape", () => {
  it("keeps adsets and ineligible creatives in input order", () => {
    const creatives = [
      creative("z-bad", { organicScore: 1 }),
      creative("ok", { organicScore: 5 }),
      creative("a-bad", { safetyFailed: true, approval: "pending" }),
    ];
    const result = selectCreatives({ creatives, adsets: [adset("s2"), adset("s1")] });
    expect(result.adsets.map((a) => a.id)).toEqual(["s2", "s1"]);
    expect(result.ineligible).toEqual([
      { id: "z-bad", reasons: ["BELOW_THRESHOLD"] },
      { id: "a-bad", reasons: ["NOT_APPROVED", "SAFETY_FAILED"] },
    ]);
  });

  it("ignores later duplicates of a creative id", () => {
    const creatives = [creative("a", { organicScore: 5 }), creative("a", { organicScore: 1 })];
    const result = selectCreatives({ creatives, adsets: [adset("s")] });
    expect(result).toEqual({ adsets: [{ id: "s", selected: ["a"], skipped: null }], ineligible: [] });
  });

  it("works with no creatives or no adsets", () => {
    expect(selectCreatives({ creatives: [], adsets: [adset("s")] })).toEqual({
      adsets: [{ id: "s", selected: [], skipped: null }],
      ineligible: [],
    });
    expect(selectCreatives({ creatives: [creative("a")], adsets: [] })).toEqual({ adsets: [], ineligible: [] });
  });

  it("rejects invalid config", () => {
    expect(() => selectCreatives({ creatives: [], adsets: [], config: { ugcSlots: -1 } })).toThrow(RangeError);
    expect(() => selectCreatives({ creatives: [], adsets: [], config: { maxCreativesPerAdset: 2.5 } })).toThrow(
      RangeError,
    );
    expect(() => selectCreatives({ creatives: [], adsets: [], config: { organicScoreWeight: -1 } })).toThrow(
      RangeError,
    );
  });
});
