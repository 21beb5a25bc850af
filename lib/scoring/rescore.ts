import { generatedScoreBreakdown, scoreGeneratedOrManual, type GeneratedScoreBreakdown } from "./generated";
import { ageInDays } from "./math";
import { scoreUgcPool, type UgcScoreDetail } from "./ugc";
import {
  ORGANIC_SCORE_THRESHOLD,
  ORGANIC_SCORING_VERSION,
  SUPPORTED_SCORING_VERSIONS,
  versionBumpNotification,
  type ScoringVersion,
} from "./version";

interface RescoreBase {
  id: string;
  /** Current stored score (null = never scored / unscored). */
  organicScore: number | null;
  /** Version that produced the stored score; null if never scored. */
  scoringVersion: number | null;
  safetyFailed: boolean;
}

export interface RescoreGeneratedCreative extends RescoreBase {
  pool: "generated" | "manual";
  createdAt: Date;
  /** 30-day spend in USD minor units (cents). */
  spend30dMinor: number;
}

export interface RescoreUgcCreative extends RescoreBase {
  pool: "ugc";
  postedAt: Date;
  creatorId: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  creatorMedianViews?: number;
}

export type RescoreCreative = RescoreGeneratedCreative | RescoreUgcCreative;

export type ScoreDetail = ({ kind: "generated" } & GeneratedScoreBreakdown) | UgcScoreDetail;

export interface RescoredCreative {
  id: string;
  pool: RescoreCreative["pool"];
  previousScore: number | null;
  score: number | null;
  previousVersion: number | null;
  version: number;
  detail: ScoreDetail;
}

export interface ThresholdCrossing {
  id: string;
  from: number | null;
  to: number | null;
  direction: "up" | "down";
}

export interface RescoreResult {
  version: number;
  scores: RescoredCreative[];
  /** Creatives whose score moved across 4.0 (null counts as below), in input order. */
  crossings: ThresholdCrossing[];
  /** Some creative carried a scoringVersion older than `version`. */
  versionBumped: boolean;
  notification: string | null;
}

function isAboveThreshold(score: number | null): boolean {
  return score !== null && score >= ORGANIC_SCORE_THRESHOLD;
}

export function detectCrossing(id: string, from: number | null, to: number | null): ThresholdCrossing | null {
  const before = isAboveThreshold(from);
  const after = isAboveThreshold(to);
  if (before === after) return null;
  return { id, from, to, direction: after ? "up" : "down" };
}

function assertSupported(version: number): asserts version is ScoringVersion {
  if (!(SUPPORTED_SCORING_VERSIONS as readonly number[]).includes(version)) {
    throw new RangeError(`unsupported scoring version ${version} (supported: ${SUPPORTED_SCORING_VERSIONS.join(", ")})`);
  }
}

/**
 * Rescores one project's creatives at `now` with scoring `version` (default: current).
 * UGC percentiles are computed over the UGC creatives passed in, so pass the project's whole pool.
 * A version bump is reported when any creative was scored by an older version; creatives never
 * scored before (scoringVersion null) do not count as a bump.
 */
export function rescoreCreatives(args: {
  creatives: readonly RescoreCreative[];
  now: Date;
  version?: number;
}): RescoreResult {
  const version = args.version ?? ORGANIC_SCORING_VERSION;
  assertSupported(version);
  const { creatives, now } = args;

  const ugc = creatives.filter((c): c is RescoreUgcCreative => c.pool === "ugc");
  const ugcScores = new Map(
    scoreUgcPool(
      ugc.map((c) => ({
        id: c.id,
        creatorId: c.creatorId,
        views: c.views,
        likes: c.likes,
        comments: c.comments,
        shares: c.shares,
        saves: c.saves,
        ageDays: ageInDays(c.postedAt, now),
        safetyFailed: c.safetyFailed,
        creatorMedianViews: c.creatorMedianViews,
      })),
      version,
    ).map((s, i) => [ugc[i], s]),
  );

  const scores = creatives.map((c): RescoredCreative => {
    let score: number | null;
    let detail: ScoreDetail;
    if (c.pool === "ugc") {
      const s = ugcScores.get(c);
      if (!s) throw new Error(`missing UGC score for ${c.id}`);
      ({ score, detail } = s);
    } else {
      const input = { ageDays: ageInDays(c.createdAt, now), spend30dMinor: c.spend30dMinor, safetyFailed: c.safetyFailed };
      score = scoreGeneratedOrManual(input);
      detail = c.safetyFailed ? { kind: "safety_failed" } : { kind: "generated", ...generatedScoreBreakdown(input) };
    }
    return { id: c.id, pool: c.pool, previousScore: c.organicScore, score, previousVersion: c.scoringVersion, version, detail };
  });

  const crossings = scores
    .map((s) => detectCrossing(s.id, s.previousScore, s.score))
    .filter((c): c is ThresholdCrossing => c !== null);
  const versionBumped = creatives.some((c) => c.scoringVersion !== null && c.scoringVersion < version);
  return {
    version,
    scores,
    crossings,
    versionBumped,
    notification: versionBumped ? versionBumpNotification(version) : null,
  };
}
