// fast-check arbitraries for random layers (campaign -> adset/adgroup -> ads or keywords) with
// random delivery profiles and action histories. Test-only; tuned so that every guardrail is hit
// often (young burners, learning burners, all-bad adsets, recent actions, sparse data...).
import fc from "fast-check";
import { NOW, dateAt } from "./test-support";
import type { CycleInput, DailyMetric, EntityAction, EntityInput, HistoryActionType, Mode, Platform } from "./types";

const HOUR = 3_600_000;

/** Percent roll without fast-check's small-value bias (we want controlled frequencies). */
const percent = () => fc.noBias(fc.integer({ min: 0, max: 99 }));
const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

export const PROFILES = [
  "none",
  "average",
  "good",
  "burner",
  "expensive",
  "fatigue",
  "sparse",
  "cheapNoClicks",
  "noisy",
  "lowImpressions",
] as const;
export type Profile = (typeof PROFILES)[number];

interface EntitySpec {
  ageHours: number;
  paused: boolean;
  learning: boolean;
  profile: Profile;
  days: number;
  scale: number;
  frequency: number | null;
  actions: { type: HistoryActionType; hoursAgo: number }[];
  budget: number | null;
  bid: number | null;
  noise: number;
}

function metricsFor(spec: EntitySpec): DailyMetric[] {
  const rows: DailyMetric[] = [];
  const k = spec.scale;
  for (let offset = 0; offset < spec.days; offset += 1) {
    let day: Omit<DailyMetric, "date">;
    const wobble = (offset * 7 + spec.noise) % 5;
    switch (spec.profile) {
      case "none":
        continue;
      case "average":
        day = { spendMinor: 1000 * k, impressions: 1000 * k, clicks: 20 * k, installs: 1 * k };
        break;
      case "good":
        day = { spendMinor: 1000 * k, impressions: 1000 * k, clicks: 40 * k, installs: 3 * k };
        break;
      case "burner":
        day = { spendMinor: 1200 * k, impressions: 800 * k, clicks: 10 * k, installs: 0 };
        break;
      case "expensive":
        day = { spendMinor: 1000 * k, impressions: 1000 * k, clicks: 15 * k, installs: offset % 4 === 0 ? k : 0 };
        break;
      case "fatigue":
        day =
          offset < 3
            ? { spendMinor: 1500 * k, impressions: 1000 * k, clicks: 10 * k, installs: offset === 0 ? k : 0 }
            : { spendMinor: 1000 * k, impressions: 1000 * k, clicks: 30 * k, installs: 2 * k };
        break;
      case "sparse":
        if (offset > 1) continue;
        day = { spendMinor: 150 * k, impressions: 15 * k, clicks: 1, installs: offset === 0 ? 1 : 0 };
        break;
      case "cheapNoClicks":
        day = { spendMinor: 60, impressions: 500, clicks: 0, installs: 0 };
        break;
      case "lowImpressions":
        // Cheap installs on very few impressions: confident, top-scoring, but under 100 impressions.
        day = { spendMinor: 500, impressions: 12, clicks: 3, installs: 1 };
        break;
      case "noisy":
        day = { spendMinor: 400 + 300 * wobble, impressions: 600 + 100 * wobble, clicks: 5 + 4 * wobble, installs: wobble % 3 === 0 ? 0 : wobble - 1 };
        break;
    }
    rows.push({ date: dateAt(offset), ...day, frequency: spec.frequency });
  }
  return rows;
}

interface SpecOptions {
  withBudget: boolean;
  withBid: boolean;
  badBias: number;
  profiles?: readonly Profile[];
  maxActions: number;
}

const BAD: readonly Profile[] = ["burner", "expensive", "fatigue", "cheapNoClicks"];

const entitySpec = (opts: SpecOptions) =>
  fc.record({
    // ~15% younger than the 3-day minimum.
    ageHours: percent().chain((p) => (p < 15 ? uniform(0, 71) : uniform(72, 24 * 45))),
    paused: percent().map((p) => p < 10),
    learning: percent().map((p) => p < 10),
    profile: percent().chain((p) =>
      p < opts.badBias * 100 ? fc.constantFrom(...BAD) : fc.constantFrom(...(opts.profiles ?? PROFILES)),
    ),
    days: percent().chain((p) => (p < 70 ? uniform(7, 30) : uniform(1, 6))),
    scale: uniform(1, 3),
    frequency: percent().chain((p) => (p < 50 ? fc.constant(null) : uniform(10, 50).map((f) => f / 10))),
    actions: fc.array(
      fc.record({
        type: fc.constantFrom<HistoryActionType>("pause", "resume", "budget", "bid"),
        hoursAgo: uniform(-2, 120),
      }),
      { maxLength: opts.maxActions },
    ),
    budget: opts.withBudget ? percent().chain((p) => (p < 25 ? fc.constant(null) : uniform(100, 60_000))) : fc.constant(null),
    bid: opts.withBid ? percent().chain((p) => (p < 25 ? fc.constant(null) : uniform(10, 1_000))) : fc.constant(null),
    noise: uniform(0, 4),
  });

function build(id: string, level: EntityInput["level"], parentId: string | null, spec: EntitySpec): EntityInput {
  return {
    id,
    level,
    parentId,
    createdAt: new Date(NOW.getTime() - spec.ageHours * HOUR),
    status: spec.paused ? "paused" : "active",
    learning: spec.learning,
    dailyBudgetMinor: spec.budget,
    bidMinor: spec.bid,
    actions: spec.actions.map((a): EntityAction => ({ type: a.type, at: new Date(NOW.getTime() - a.hoursAgo * HOUR) })),
    metrics: metricsFor(spec),
  };
}

export interface TreeShape {
  campaigns: { min: number; max: number };
  adsets: { min: number; max: number };
  leaves: { min: number; max: number };
  /** Candidate profiles for adsets (budget/bid levers); default: all. */
  adsetProfiles?: readonly Profile[];
  /** Chance (0–1) that an adset's leaves are drawn from the bad profiles; one is picked per adset. */
  leafBadBias?: readonly number[];
  maxActions?: number;
}

export const SMALL_TREE: TreeShape = { campaigns: { min: 1, max: 2 }, adsets: { min: 1, max: 3 }, leaves: { min: 1, max: 4 } };
/** Enough burners to exceed the 20-pause cap. */
export const MANY_PAUSES: TreeShape = {
  campaigns: { min: 1, max: 1 },
  adsets: { min: 12, max: 16 },
  leaves: { min: 3, max: 5 },
  leafBadBias: [1],
  maxActions: 0,
};
/** Enough budgeted adsets with strong or weak economics to exceed the 40-action cap. */
export const MANY_CHANGES: TreeShape = {
  campaigns: { min: 1, max: 1 },
  adsets: { min: 45, max: 55 },
  leaves: { min: 1, max: 2 },
  adsetProfiles: ["good", "expensive", "noisy", "lowImpressions"],
  leafBadBias: [1],
  maxActions: 0,
};

export function entitiesArb(platform: Platform, shape: TreeShape): fc.Arbitrary<EntityInput[]> {
  const leafLevel = platform === "apple_search_ads" ? "keyword" : "ad";
  const maxActions = shape.maxActions ?? 2;
  const adsetArb = fc
    .record({
      spec: entitySpec({
        withBudget: platform !== "apple_search_ads",
        withBid: platform === "tiktok",
        badBias: shape.adsetProfiles ? 0 : 0.3,
        profiles: shape.adsetProfiles,
        maxActions,
      }),
      badBias: fc.constantFrom(...(shape.leafBadBias ?? [0.2, 0.6, 1])),
    })
    .chain(({ spec, badBias }) =>
      fc.record({
        spec: fc.constant(spec),
        leaves: fc.array(entitySpec({ withBudget: false, withBid: platform === "apple_search_ads", badBias, maxActions }), {
          minLength: shape.leaves.min,
          maxLength: shape.leaves.max,
        }),
      }),
    );
  const campaignArb = fc.record({
    spec: entitySpec({ withBudget: true, withBid: false, badBias: 0.3, maxActions }),
    adsets: fc.array(adsetArb, { minLength: shape.adsets.min, maxLength: shape.adsets.max }),
  });
  return fc.array(campaignArb, { minLength: shape.campaigns.min, maxLength: shape.campaigns.max }).map((campaigns) => {
    const entities: EntityInput[] = [];
    campaigns.forEach((c, ci) => {
      const cid = `c${ci}`;
      entities.push(build(cid, "campaign", null, c.spec));
      c.adsets.forEach((a, ai) => {
        const aid = `${cid}-s${ai}`;
        entities.push(build(aid, "adset", cid, a.spec));
        a.leaves.forEach((l, li) => entities.push(build(`${aid}-${leafLevel === "ad" ? "ad" : "kw"}${li}`, leafLevel, aid, l)));
      });
    });
    return entities;
  });
}

export interface Scenario {
  input: CycleInput;
  mode: Mode;
}

export function scenarioArb(
  shape: TreeShape = SMALL_TREE,
  modes: readonly Mode[] = ["cycle", "watchdog", "refresh"],
  platforms: readonly Platform[] = ["meta", "tiktok", "apple_search_ads"],
): fc.Arbitrary<Scenario> {
  return fc
    .record({
      platform: fc.constantFrom(...platforms),
      paused: percent().map((p) => p < 8),
      // ~15% stale (null or > 12h).
      syncHoursAgo: percent().chain((p) => (p < 5 ? fc.constant(null) : p < 15 ? uniform(13, 30) : uniform(0, 12))),
      target: percent().chain((p) => (p < 40 ? fc.constant(null) : uniform(300, 3_000))),
      mode: fc.constantFrom(...modes),
    })
    .chain((layer) =>
      entitiesArb(layer.platform, shape).map(
        (entities): Scenario => ({
          mode: layer.mode,
          input: {
            now: NOW,
            layer: {
              platform: layer.platform,
              paused: layer.paused,
              lastSyncAt: layer.syncHoursAgo == null ? null : new Date(NOW.getTime() - layer.syncHoursAgo * HOUR),
            },
            settings: { targetCpaMinor: layer.target },
            entities,
          },
        }),
      ),
    );
}
