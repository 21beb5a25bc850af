import { describe, expect, it } from "vitest";
import { buildLibraryItems, fatigueSigns, type FatigueInputs, type LibraryRow } from "./library";
import { filterLibrary, filtersToQuery, parseLibraryFilters } from "./filters";

const calm: FatigueInputs = { ctrSlope7d: 0, ctrMean7d: 0.02, ctrDays7d: 7, impressions7d: 10_000, metaFrequency7d: 1.5 };

function row(id: string, fields: Partial<LibraryRow> = {}): LibraryRow {
  return {
    id, pool: "generated", title: id, mediaUrl: "/demo/creative-1.svg", mediaType: "image", caption: null, hook: null, creatorHandle: null,
    organicScore: 5, scoringVersion: 2, scoredAt: null, safetyFailed: false, approval: "approved", archived: false, createdAt: "2026-11-01T00:00:00Z",
    override: null, fatigue: calm, runningAdsets: 0, runningAds: 0,
    stats: { spendLifetimeMinor: 0, installsLifetime: 0, revenueLifetimeMinor: 0, spend30dMinor: 0, installs30d: 0, revenue30dMinor: 0 },
    ...fields,
  };
}

describe("fatigueSigns", () => {
  it("flags a 7-day CTR fit that loses at least 10% of its mean, with enough days and impressions", () => {
    expect(fatigueSigns({ ...calm, ctrSlope7d: -0.0004 })).toEqual(["CTR_DECLINING"]); // 0.0024 / 0.02 = 12%
    expect(fatigueSigns({ ...calm, ctrSlope7d: -0.0003 })).toEqual([]); // 9%
    expect(fatigueSigns({ ...calm, ctrSlope7d: -0.001, ctrDays7d: 3 })).toEqual([]);
    expect(fatigueSigns({ ...calm, ctrSlope7d: -0.001, impressions7d: 999 })).toEqual([]);
    expect(fatigueSigns({ ...calm, ctrSlope7d: null })).toEqual([]);
  });
  it("flags Meta frequency strictly above 3", () => {
    expect(fatigueSigns({ ...calm, metaFrequency7d: 3 })).toEqual([]);
    expect(fatigueSigns({ ...calm, metaFrequency7d: 3.01 })).toEqual(["HIGH_FREQUENCY"]);
    expect(fatigueSigns({ ...calm, metaFrequency7d: null })).toEqual([]);
  });
});

describe("buildLibraryItems", () => {
  const adsets = [{ id: "s1", platform: "meta" as const, activeCreativeIds: ["runner"], activeAdCount: 1 }];
  const build = (rows: LibraryRow[], config = {}) => Object.fromEntries(buildLibraryItems({ rows, histories: {}, adsets, config }).map((i) => [i.id, i]));

  it("gives every reason a creative is not running, in the selection's order, with the UI copy", () => {
    const items = build([
      row("runner", { runningAds: 1, runningAdsets: 1, stats: { spendLifetimeMinor: 1000, installsLifetime: 4, revenueLifetimeMinor: 3000, spend30dMinor: 0, installs30d: 0, revenue30dMinor: 0 } }),
      row("pending-low", { approval: "pending", organicScore: 3 }),
      row("excluded", { override: "exclude" }),
      row("unsafe", { safetyFailed: true, organicScore: 0, override: "include" }),
    ]);
    expect(items.runner).toMatchObject({ runStatus: "RUNNING", notRunning: [], cpaLifetimeMinor: 250, roasLifetime: 3, cpa30dMinor: null, roas30d: null });
    expect(items["pending-low"].notRunning.map((r) => r.code)).toEqual(["PENDING_APPROVAL", "BELOW_THRESHOLD"]);
    expect(items["pending-low"].notRunning[0].message).toBe("The creative is waiting for approval.");
    expect(items.excluded.notRunning.map((r) => r.code)).toEqual(["EXCLUDED"]);
    expect(items.unsafe).toMatchObject({ eligible: false, ineligibility: ["SAFETY_FAILED"] });
  });

  it("says when higher scorers took the open slots", () => {
    const items = build([row("runner", { runningAds: 1 }), row("best", { organicScore: 9 }), row("second", { organicScore: 8 })], { generatedSlots: 2 });
    expect(items.best.runStatus).toBe("WILL_LAUNCH");
    expect(items.second.notRunning.map((r) => r.code)).toEqual(["SLOTS_FILLED_BY_HIGHER_SCORERS"]);
  });

  it("reports the score trend from the last two history points", () => {
    const [item] = buildLibraryItems({
      rows: [row("a")], adsets: [], config: {},
      histories: { a: [{ at: "2026-11-01", score: 5, version: 1 }, { at: "2026-11-02", score: null, version: 2 }] },
    });
    expect(item.scoreTrend).toBe("down");
  });
});

describe("library filters", () => {
  const items = buildLibraryItems({
    rows: [
      row("g", { caption: "Beat level 42" }),
      row("u", { pool: "ugc", creatorHandle: "@maya", organicScore: 3, runningAds: 2 }),
      row("p", { approval: "pending", override: "include" }),
      row("old", { archived: true }),
    ],
    histories: {}, adsets: [], config: {},
  });
  const ids = (query: Record<string, string>) => filterLibrary(items, parseLibraryFilters(query)).map((i) => i.id);

  it("hides archived creatives unless asked, and filters by pool, approval, eligibility, running, override and search", () => {
    expect(ids({})).toEqual(["g", "u", "p"]);
    expect(ids({ status: "archived" })).toEqual(["old"]);
    expect(ids({ status: "all" })).toEqual(["g", "u", "p", "old"]);
    expect(ids({ pool: "ugc" })).toEqual(["u"]);
    expect(ids({ status: "pending" })).toEqual(["p"]);
    expect(ids({ eligibility: "ineligible" })).toEqual(["u", "p"]);
    expect(ids({ running: "yes" })).toEqual(["u"]);
    expect(ids({ override: "include" })).toEqual(["p"]);
    expect(ids({ override: "auto" })).toEqual(["g", "u"]);
    expect(ids({ q: "LEVEL 42" })).toEqual(["g"]);
    expect(ids({ q: "@maya" })).toEqual(["u"]);
  });

  it("ignores unknown values and round-trips through the query string", () => {
    const filters = parseLibraryFilters({ pool: "tiktok", view: "table", status: ["pending", "x"], q: "  hook " });
    expect(filters).toMatchObject({ pool: null, view: "table", status: "pending", q: "hook" });
    expect(filtersToQuery(filters)).toBe("?view=table&status=pending&q=hook");
    expect(filtersToQuery(filters, { view: "grid", status: null, q: "" })).toBe("");
  });
});
