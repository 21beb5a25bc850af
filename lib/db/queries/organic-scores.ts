// Reads and writes of the organic rescoring job. Takes the job's `Db` so schedules and tests choose the database.
import type { RescoreCreative, RescoreResult } from "@/lib/scoring";
import type { Db } from "../client";
import { scoringCrossingsKey, scoringVersionKey, type CrossingRecord, type ScoringBumpReport } from "./creative-library";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface RescoreInputs {
  creatives: RescoreCreative[];
  titles: Map<string, { title: string; pool: string }>;
  appliedVersion: number | null;
}

/**
 * The project's linked, non-archived creatives as scoring sees them. Spend is the 30 days up to `now` across
 * every ad running the creative (the creative is org-level, so its ads in any of the org's projects count).
 * Archived creatives keep their last score: they are out of selection, and leaving them out of the UGC pool
 * keeps retired posts from skewing the percentiles.
 */
export async function loadRescoreInputs(db: Db, projectId: string, now: Date): Promise<RescoreInputs> {
  const rows = await db.$queryRaw<{
    id: string; pool: "generated" | "ugc" | "manual"; title: string; organicScore: string | null; scoringVersion: number | null;
    safetyFailed: boolean; createdAt: Date; postedAt: Date | null; creatorHandle: string | null;
    views: number; likes: number; comments: number; shares: number; saves: number; spend_30d: bigint;
  }[]>`
    WITH linked AS (
      SELECT c.* FROM "ProjectAdsContent" pac JOIN "AdsContent" c ON c.id = pac."contentId"
      WHERE pac."projectId" = ${projectId} AND c."archivedAt" IS NULL
    ), spend AS (
      SELECT e."contentId" AS id, sum(m."spendMinor")::bigint AS spend_30d
      FROM "AdEntity" e JOIN "DailyMetric" m ON m."entityId" = e.id
      WHERE e."contentId" IN (SELECT id FROM linked) AND e.level = 'ad'
        AND m.date > ${isoDay(now)}::date - 30 AND m.date <= ${isoDay(now)}::date
      GROUP BY e."contentId"
    )
    SELECT l.id, l.pool::text AS pool, l.title, l."organicScore"::text AS "organicScore", l."scoringVersion", l."safetyFailed",
      l."createdAt", l."postedAt", l."creatorHandle", l.views, l.likes, l.comments, l.shares, l.saves,
      COALESCE(spend.spend_30d, 0)::bigint AS spend_30d
    FROM linked l LEFT JOIN spend ON spend.id = l.id ORDER BY l.id`;
  const state = await db.systemState.findUnique({ where: { key: scoringVersionKey(projectId) } });
  const applied = (state?.value as { version?: unknown } | null)?.version;
  const creatives = rows.map((r): RescoreCreative => {
    const base = {
      id: r.id,
      organicScore: r.organicScore === null ? null : Number(r.organicScore),
      scoringVersion: r.scoringVersion,
      safetyFailed: r.safetyFailed,
    };
    if (r.pool !== "ugc") return { ...base, pool: r.pool, createdAt: r.createdAt, spend30dMinor: Number(r.spend_30d) };
    return {
      ...base,
      pool: "ugc",
      postedAt: r.postedAt ?? r.createdAt,
      creatorId: r.creatorHandle ?? `unknown:${r.id}`,
      views: r.views, likes: r.likes, comments: r.comments, shares: r.shares, saves: r.saves,
    };
  });
  return {
    creatives,
    titles: new Map(rows.map((r) => [r.id, { title: r.title, pool: r.pool }])),
    appliedVersion: typeof applied === "number" ? applied : null,
  };
}

export interface ApplyRescoreOutcome {
  historyRows: number;
  /** This run moved the project's applied version forward (exactly one concurrent run can). */
  advancedVersion: boolean;
  notified: boolean;
}

/**
 * Persists one rescore atomically: history rows (ids derive from creative + time, so a retried run adds none),
 * the new scores, and the project's applied version. Only a run that actually moves the applied version
 * forward records the crossings and the notification when `bump` is set; the notification is deduped per version.
 */
export async function applyRescore(db: Db, args: {
  projectId: string;
  now: Date;
  result: RescoreResult;
  bump: { notification: string; crossings: CrossingRecord[] } | null;
}): Promise<ApplyRescoreOutcome> {
  const { projectId, now, result } = args;
  const ids = result.scores.map((s) => s.id);
  const scores = result.scores.map((s) => s.score);
  const stamp = now.getTime().toString(36);
  return db.$transaction(async (tx) => {
    const historyRows = ids.length === 0 ? 0 : await tx.$executeRaw`
      INSERT INTO "ScoreHistory" (id, "contentId", score, version, "scoredAt")
      SELECT 'sh_' || u.id || '_' || ${stamp}, u.id, u.score::numeric(4, 2), ${result.version}, ${now}
      FROM unnest(${ids}::text[], ${scores}::float8[]) AS u(id, score)
      ON CONFLICT (id) DO NOTHING`;
    if (ids.length > 0) {
      await tx.$executeRaw`
        UPDATE "AdsContent" c SET "organicScore" = u.score::numeric(4, 2), "scoringVersion" = ${result.version}, "scoredAt" = ${now}
        FROM unnest(${ids}::text[], ${scores}::float8[]) AS u(id, score) WHERE c.id = u.id`;
    }
    // The row lock of this upsert serialises concurrent runs: the second sees the version already applied.
    const advanced = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "SystemState" (key, value, "updatedAt")
      VALUES (${scoringVersionKey(projectId)}, jsonb_build_object('version', ${result.version}::int, 'appliedAt', ${now.toISOString()}::text), ${now})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
        WHERE COALESCE(("SystemState".value->>'version')::int, 0) < ${result.version}::int
      RETURNING key`;
    const advancedVersion = advanced.length === 1;
    let notified = false;
    if (args.bump && advancedVersion) {
      const report: ScoringBumpReport = { version: result.version, appliedAt: now.toISOString(), crossings: args.bump.crossings };
      await tx.systemState.upsert({
        where: { key: scoringCrossingsKey(projectId) },
        update: { value: report as unknown as object },
        create: { key: scoringCrossingsKey(projectId), value: report as unknown as object },
      });
      const up = args.bump.crossings.filter((c) => c.direction === "up").length;
      const down = args.bump.crossings.length - up;
      await tx.notification.upsert({
        where: { dedupeKey: `scoring-version-bump:${projectId}:v${result.version}` },
        update: {},
        create: {
          projectId,
          kind: "scoring_version_bumped",
          title: args.bump.notification,
          body: `${args.bump.crossings.length} creative(s) crossed the 4.0 threshold: ${up} now eligible on score, ${down} no longer.`,
          link: `/p/${projectId}/creatives/changelog`,
          dedupeKey: `scoring-version-bump:${projectId}:v${result.version}`,
          createdAt: now,
        },
      });
      notified = true;
    }
    return { historyRows, advancedVersion, notified };
  });
}
