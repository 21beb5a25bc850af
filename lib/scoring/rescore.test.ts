import { describe, expect, it } from "vitest";
import { detectCrossing, rescoreCreatives, type RescoreCreative, type RescoreUgcCreative } from "./rescore";
import { ORGANIC_SCORING_VERSION, SCORING_CHANGELOG, versionBumpNotification } from "./version";

const now = new Date("2026-06-30T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function generated(id: string, fields: Partial<Extract<RescoreCreative, { pool: "generated" | "manual" }>> = {}) {
  return {
    id,
    pool: "generated" as const,
    organicScore: null,
    scoringVersion: ORGANIC_SCORING_VERSION,
    safetyFailed: false,
    createdAt: daysAgo(0),
    spend30dMinor: 0,
    ...fields,
  };
}

function ugc(id: string, fields: Partial<RescoreUgcCreative> = {}): RescoreUgcCreative {
  return {
    id,
    pool: "ugc",
    organicScore: null,
    scoringVersion: ORGANIC_SCORING_VERSION,
    safetyFailed: false,
    postedAt: daysAgo(0),
    creatorId: "c",
    views: 1000,
    likes: 100,
    comments: 0,
    shares: 0,
    saves: 0,
    ...fields,
  };
}

describe("detectCrossing", () => {
  it("detects moves across 4.0 in both directions, treating null as below", () => {
    expect(detectCrossing("a", 3.99, 4)).toEqual({ id: "a", from: 3.99, to: 4, direction: "up" });
    expect(detectCrossing("a", 4, 3.99)).toEqual({ id: "a", from: 4, to: 3.99, direction: "down" });
    expect(detectCrossing("a", null, 6)).toEqual({ id: "a", from: null, to: 6, direction: "up" });
    expect(detectCrossing("a", 6, null)).toEqual({ id: "a", from: 6, to: null, direction: "down" });
    expect(detectCrossing("a", null, 3)).toBeNull();
    expect(detectCrossing("a", 4, 9)).toBeNull();
    expect(detectCrossing("a", 2, 3.99)).toBeNull();
  });
});

describe("rescoreCreatives", () => {
  it("rescores every pool at `now` and reports threshold crossings in input order", () => {
    const creatives: RescoreCreative[] = [
      generated("fresh", { organicScore: 3.5, createdAt: daysAgo(0) }), // → 7: up
      generated("aging", { organicScore: 5, createdAt: daysAgo(24) }), // → 3: down
      { ...generated("manual-stable", { organicScore: 6, createdAt: daysAgo(6) }), pool: "manual" }, // → 6
      generated("boundary", { organicScore: 4.1, createdAt: daysAgo(18) }), // → 4.0: stays eligible
      generated("unsafe", { organicScore: 8, safetyFailed: true }), // → 0: down
      ugc("u1", { views: 1000, organicScore: null }),
      ugc("u2", { views: 500 }),
      ugc("u3", { views: 100, likes: 30 }),
      ugc("tiny", { views: 20, organicScore: 4.5 }), // → null: down
    ];
    const result = rescoreCreatives({ creatives, now });
    expect(result.version).toBe(ORGANIC_SCORING_VERSION);
    const byId = Object.fromEntries(result.scores.map((s) => [s.id, s.score]));
    expect(byId).toMatchObject({ fresh: 7, aging: 3, "manual-stable": 6, boundary: 4, unsafe: 0, tiny: null });
    expect(result.crossings.map((c) => [c.id, c.direction])).toEqual([
      ["fresh", "up"],
      ["aging", "down"],
      ["unsafe", "down"],
      ["u1", "up"], // unscored → 5.54
      ["u2", "up"], // unscored → 5.75
      ["u3", "up"], // unscored → 5.33
      ["tiny", "down"],
    ]);
    expect(result.crossings.find((c) => c.id === "tiny")).toEqual({ id: "tiny", from: 4.5, to: null, direction: "down" });
    expect(result.scores.find((s) => s.id === "fresh")).toMatchObject({
      previousScore: 3.5,
      previousVersion: ORGANIC_SCORING_VERSION,
      version: ORGANIC_SCORING_VERSION,
      detail: { kind: "generated", ageDays: 0, spendBonus: 0 },
    });
    expect(result.scores.find((s) => s.id === "unsafe")?.detail).toEqual({ kind: "safety_failed" });
  });

  it("computes UGC percentiles over the UGC creatives passed in", () => {
    // All posted today (+1.5 freshness); see ugc.test.ts for the component arithmetic.
    const posts = [ugc("u1", { views: 1000 }), ugc("u2", { views: 500 }), ugc("u3", { views: 100, likes: 30 })];
    const result = rescoreCreatives({ creatives: [generated("g"), ...posts], now });
    expect(result.scores.slice(1).map((s) => s.score)).toEqual([5.54, 5.75, 5.33]);
  });

  it("announces a version bump when any creative was scored by an older version", () => {
    const result = rescoreCreatives({
      creatives: [generated("old", { scoringVersion: 1, organicScore: 7 }), generated("new")],
      now,
    });
    expect(result.versionBumped).toBe(true);
    expect(result.notification).toBe(`Scoring version bumped to v${ORGANIC_SCORING_VERSION}. See changelog.`);
    expect(result.notification).toBe("Scoring version bumped to v2. See changelog.");
  });

  it("does not announce a bump for current or never-scored creatives", () => {
    const result = rescoreCreatives({
      creatives: [generated("current"), generated("never", { scoringVersion: null })],
      now,
    });
    expect(result.versionBumped).toBe(false);
    expect(result.notification).toBeNull();
    expect(rescoreCreatives({ creatives: [], now })).toEqual({
      version: ORGANIC_SCORING_VERSION,
      scores: [],
      crossings: [],
      versionBumped: false,
      notification: null,
    });
  });

  it("can score with v1, where UGC under 50 views sat at 0", () => {
    const creatives = [ugc("a"), ugc("b"), ugc("c"), ugc("low", { views: 10, scoringVersion: 1, organicScore: 0 })];
    const v1 = rescoreCreatives({ creatives, now, version: 1 });
    expect(v1.scores[3].score).toBe(0);
    expect(v1.versionBumped).toBe(false);
    const v2 = rescoreCreatives({ creatives, now });
    expect(v2.scores[3].score).toBeNull();
    expect(v2.notification).toBe(versionBumpNotification(2));
  });

  it("rejects unknown versions and invalid dates", () => {
    expect(() => rescoreCreatives({ creatives: [], now, version: 99 })).toThrow(RangeError);
    expect(() => rescoreCreatives({ creatives: [generated("g", { createdAt: new Date("x") })], now })).toThrow(RangeError);
  });
});

describe("SCORING_CHANGELOG", () => {
  it("has an entry for v1 and the current version, newest first", () => {
    expect(SCORING_CHANGELOG.map((e) => e.version)).toEqual([ORGANIC_SCORING_VERSION, 1]);
    expect(Number.isInteger(ORGANIC_SCORING_VERSION)).toBe(true);
    for (const entry of SCORING_CHANGELOG) {
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.summary.length).toBeGreaterThan(0);
      expect(entry.changes.length).toBeGreaterThan(0);
    }
  });
});
