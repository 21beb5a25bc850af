// Factories and fast-check arbitraries shared by the selection tests (not shipped code paths).
import fc from "fast-check";
import {
  PLATFORMS,
  POOLS,
  type SelectionAdset,
  type SelectionConfig,
  type SelectionCreative,
} from "./types";

export function creative(id: string, overrides: Partial<SelectionCreative> = {}): SelectionCreative {
  return { id, pool: "generated", organicScore: 5, override: null, safetyFailed: false, approval: "approved", ...overrides };
}

export function adset(id: string, overrides: Partial<SelectionAdset> = {}): SelectionAdset {
  return { id, platform: "meta", activeCreativeIds: [], activeAdCount: 0, ...overrides };
}

/** Scores around the 4.0 boundary, ties, and the null an 'include' override allows. */
export const scoreArb = fc.oneof(
  fc.constantFrom(0, 3.99, 4, 4.01, 5, 7.5, 10),
  fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);

export const creativeFieldsArb = fc.record({
  pool: fc.constantFrom(...POOLS),
  organicScore: scoreArb,
  override: fc.constantFrom("include" as const, "exclude" as const, null),
  safetyFailed: fc.boolean(),
  approval: fc.constantFrom("approved" as const, "pending" as const, "rejected" as const),
  archived: fc.option(fc.boolean(), { nil: undefined }),
});

/** 0–25 creatives with unique ids c00…c24, weighted towards eligible ones. */
export const creativesArb = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: creativeFieldsArb.map((f) => ({ ...f, approval: "approved" as const, safetyFailed: false })) },
      { weight: 1, arbitrary: creativeFieldsArb },
    ),
    { maxLength: 25 },
  )
  .map((list) => list.map((fields, i): SelectionCreative => ({ id: `c${String(i).padStart(2, "0")}`, ...fields })));

export const configArb: fc.Arbitrary<SelectionConfig> = fc.record({
  generatedSlots: fc.integer({ min: 0, max: 5 }),
  ugcSlots: fc.integer({ min: 0, max: 5 }),
  manualSlots: fc.integer({ min: 0, max: 5 }),
  maxCreativesPerAdset: fc.integer({ min: 0, max: 15 }),
  organicScoreWeight: fc.constantFrom(0, 0.5, 1, 2.5),
});

/** Adsets whose active creatives mix known ids (from `ids`) and unknown ones (x…). */
export function adsetsArb(ids: readonly string[]): fc.Arbitrary<SelectionAdset[]> {
  const known = ids.length > 0 ? fc.subarray([...ids]) : fc.constant<string[]>([]);
  const one = fc
    .record({
      platform: fc.constantFrom(...PLATFORMS),
      known,
      unknown: fc.integer({ min: 0, max: 4 }),
      extraAds: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.integer({ min: 0, max: 60 })),
    })
    .map(({ platform, known, unknown, extraAds }) => {
      const activeCreativeIds = [...known, ...Array.from({ length: unknown }, (_, i) => `x${i}`)];
      // extraAds < 0 yields an inconsistent activeAdCount below the active creatives: selection must cope.
      return { platform, activeCreativeIds, activeAdCount: Math.max(0, activeCreativeIds.length + extraAds) };
    });
  return fc
    .array(one, { maxLength: 4 })
    .map((list) => list.map((a, i): SelectionAdset => ({ id: `a${i}`, ...a })));
}

export const selectionInputArb = creativesArb.chain((creatives) =>
  fc.record({
    creatives: fc.constant(creatives),
    adsets: adsetsArb(creatives.map((c) => c.id)),
    config: configArb,
  }),
);
