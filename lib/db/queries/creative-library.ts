// Reads for the creative library: one set-based statement per concern, never one query per creative.
import type { LibraryRow, ScorePoint } from "@/lib/creatives/library";
import type { SelectionAdset } from "@/lib/selection";
import { db } from "../client";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const num = (v: bigint | number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: bigint | number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

interface LibrarySqlRow {
  id: string;
  pool: LibraryRow["pool"];
  title: string;
  mediaUrl: string;
  mediaType: string;
  caption: string | null;
  hook: string | null;
  creatorHandle: string | null;
  organicScore: string | null;
  scoringVersion: number | null;
  scoredAt: Date | null;
  safetyFailed: boolean;
  approval: LibraryRow["approval"];
  archivedAt: Date | null;
  createdAt: Date;
  override: "include" | "exclude" | null;
  spend_life: bigint | null;
  installs_life: bigint | null;
  revenue_life: bigint | null;
  spend_30d: bigint | null;
  installs_30d: bigint | null;
  revenue_30d: bigint | null;
  meta_frequency_7d: number | null;
  ctr_slope: number | null;
  ctr_mean: number | null;
  ctr_days: bigint | null;
  impressions_7d: bigint | null;
  running_adsets: number | null;
  running_ads: number | null;
}

/**
 * Every creative linked to the project, with its override there and performance across the project's ads
 * that run it: lifetime and 30d up to `asOf`, CTR trend and Meta frequency over 7d, running ads and ad sets.
 */
export async function loadCreativeLibrary(projectId: string, asOf: Date): Promise<LibraryRow[]> {
  const day = isoDay(asOf);
  const rows = await db.$queryRaw<LibrarySqlRow[]>`
    WITH linked AS (
      SELECT "contentId" AS id, override::text AS override FROM "ProjectAdsContent" WHERE "projectId" = ${projectId}
    ), ads AS (
      SELECT e.id, e."contentId", e."parentId", e.status::text AS status, l.platform::text AS platform
      FROM "AdEntity" e JOIN "Layer" l ON l.id = e."layerId" JOIN linked ON linked.id = e."contentId"
      WHERE l."projectId" = ${projectId} AND e.level = 'ad'
    ), metrics AS (
      SELECT a."contentId" AS id,
        sum(m."spendMinor")::bigint AS spend_life, sum(m.installs)::bigint AS installs_life, sum(m."revenueMinor")::bigint AS revenue_life,
        COALESCE(sum(m."spendMinor") FILTER (WHERE m.date > ${day}::date - 30), 0)::bigint AS spend_30d,
        COALESCE(sum(m.installs) FILTER (WHERE m.date > ${day}::date - 30), 0)::bigint AS installs_30d,
        COALESCE(sum(m."revenueMinor") FILTER (WHERE m.date > ${day}::date - 30), 0)::bigint AS revenue_30d,
        (sum(m.frequency * m.impressions) FILTER (WHERE a.platform = 'meta' AND m.date > ${day}::date - 7)
          / NULLIF(sum(m.impressions) FILTER (WHERE a.platform = 'meta' AND m.date > ${day}::date - 7 AND m.frequency IS NOT NULL), 0))::float8 AS meta_frequency_7d
      FROM ads a JOIN "DailyMetric" m ON m."entityId" = a.id
      WHERE m.date <= ${day}::date
      GROUP BY a."contentId"
    ), daily_ctr AS (
      SELECT a."contentId" AS id, (m.date - ${day}::date)::float8 AS x,
        sum(m.clicks)::float8 / NULLIF(sum(m.impressions), 0) AS ctr, sum(m.impressions) AS impressions
      FROM ads a JOIN "DailyMetric" m ON m."entityId" = a.id
      WHERE m.date > ${day}::date - 7 AND m.date <= ${day}::date
      GROUP BY a."contentId", m.date
    ), ctr_trend AS (
      SELECT id, regr_slope(ctr, x) AS ctr_slope, avg(ctr) AS ctr_mean, count(ctr)::bigint AS ctr_days, sum(impressions)::bigint AS impressions_7d
      FROM daily_ctr GROUP BY id
    ), running AS (
      SELECT "contentId" AS id, count(DISTINCT "parentId")::int AS running_adsets, count(*)::int AS running_ads
      FROM ads WHERE status = 'active' GROUP BY "contentId"
    )
    SELECT c.id, c.pool::text AS pool, c.title, c."mediaUrl", c."mediaType", c.caption, c.hook, c."creatorHandle",
      c."organicScore"::text AS "organicScore", c."scoringVersion", c."scoredAt", c."safetyFailed", c.approval::text AS approval,
      c."archivedAt", c."createdAt", linked.override,
      metrics.spend_life, metrics.installs_life, metrics.revenue_life, metrics.spend_30d, metrics.installs_30d, metrics.revenue_30d,
      metrics.meta_frequency_7d, ctr_trend.ctr_slope, ctr_trend.ctr_mean, ctr_trend.ctr_days, ctr_trend.impressions_7d,
      running.running_adsets, running.running_ads
    FROM linked JOIN "AdsContent" c ON c.id = linked.id
    LEFT JOIN metrics ON metrics.id = c.id
    LEFT JOIN ctr_trend ON ctr_trend.id = c.id
    LEFT JOIN running ON running.id = c.id
    ORDER BY c."organicScore" DESC NULLS LAST, c.id`;
  return rows.map((r) => ({
    id: r.id,
    pool: r.pool,
    title: r.title,
    mediaUrl: r.mediaUrl,
    mediaType: r.mediaType,
    caption: r.caption,
    hook: r.hook,
    creatorHandle: r.creatorHandle,
    organicScore: numOrNull(r.organicScore),
    scoringVersion: r.scoringVersion,
    scoredAt: r.scoredAt?.toISOString() ?? null,
    safetyFailed: r.safetyFailed,
    approval: r.approval,
    archived: r.archivedAt !== null,
    createdAt: r.createdAt.toISOString(),
    override: r.override,
    stats: {
      spendLifetimeMinor: num(r.spend_life),
      installsLifetime: num(r.installs_life),
      revenueLifetimeMinor: num(r.revenue_life),
      spend30dMinor: num(r.spend_30d),
      installs30d: num(r.installs_30d),
      revenue30dMinor: num(r.revenue_30d),
    },
    fatigue: {
      ctrSlope7d: numOrNull(r.ctr_slope),
      ctrMean7d: numOrNull(r.ctr_mean),
      ctrDays7d: num(r.ctr_days),
      impressions7d: num(r.impressions_7d),
      metaFrequency7d: numOrNull(r.meta_frequency_7d),
    },
    runningAdsets: r.running_adsets ?? 0,
    runningAds: r.running_ads ?? 0,
  }));
}

/** The last `perCreative` scores of each linked creative, oldest first (for the sparkline). */
export async function loadScoreHistories(projectId: string, perCreative = 30): Promise<Record<string, ScorePoint[]>> {
  const rows = await db.$queryRaw<{ contentId: string; score: string | null; version: number; scoredAt: Date }[]>`
    SELECT "contentId", score::text AS score, version, "scoredAt" FROM (
      SELECT h."contentId", h.score, h.version, h."scoredAt",
        row_number() OVER (PARTITION BY h."contentId" ORDER BY h."scoredAt" DESC, h.id DESC) AS rn
      FROM "ScoreHistory" h JOIN "ProjectAdsContent" pac ON pac."contentId" = h."contentId" AND pac."projectId" = ${projectId}
    ) ranked WHERE rn <= ${perCreative} ORDER BY "contentId", "scoredAt"`;
  const out: Record<string, ScorePoint[]> = {};
  for (const r of rows) (out[r.contentId] ??= []).push({ at: r.scoredAt.toISOString(), score: numOrNull(r.score), version: r.version });
  return out;
}

/**
 * The ad sets content refresh fills, as selection sees them. Apple Search Ads is left out: its ad groups
 * rotate keywords and product pages, not library creatives. Paused layers are skipped by refresh too.
 */
export async function loadRefreshAdsets(projectId: string): Promise<SelectionAdset[]> {
  const rows = await db.$queryRaw<{ id: string; platform: "meta" | "tiktok"; active_content_ids: string[]; active_ads: number }[]>`
    SELECT s.id, l.platform::text AS platform,
      COALESCE(array_agg(DISTINCT a."contentId") FILTER (WHERE a.status = 'active' AND a."contentId" IS NOT NULL), '{}') AS active_content_ids,
      (count(a.id) FILTER (WHERE a.status = 'active'))::int AS active_ads
    FROM "AdEntity" s JOIN "Layer" l ON l.id = s."layerId"
    LEFT JOIN "AdEntity" a ON a."parentId" = s.id AND a.level = 'ad'
    WHERE l."projectId" = ${projectId} AND l.status = 'active' AND l.platform IN ('meta', 'tiktok')
      AND s.level = 'adset' AND s.status = 'active'
    GROUP BY s.id, l.platform ORDER BY s.id`;
  return rows.map((r) => ({ id: r.id, platform: r.platform, activeCreativeIds: r.active_content_ids, activeAdCount: r.active_ads }));
}

export async function loadLibrarySettings(projectId: string) {
  const p = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { requiresApproval: true, generatedSlots: true, ugcSlots: true, manualSlots: true, maxCreativesPerAdset: true, organicScoreWeight: true },
  });
  const { requiresApproval, organicScoreWeight, ...slots } = p;
  return { requiresApproval, config: { ...slots, organicScoreWeight: Number(organicScoreWeight) } };
}

export const scoringVersionKey = (projectId: string) => `organic-scoring-version:${projectId}`;
export const scoringCrossingsKey = (projectId: string) => `organic-scoring-crossings:${projectId}`;

export interface CrossingRecord {
  id: string;
  title: string;
  pool: string;
  from: number | null;
  to: number | null;
  direction: "up" | "down";
}

export interface ScoringBumpReport {
  version: number;
  appliedAt: string;
  crossings: CrossingRecord[];
}

/** The version last applied to the project and the threshold crossings of its last version bump. */
export async function loadScoringState(projectId: string): Promise<{ appliedVersion: number | null; lastBump: ScoringBumpReport | null }> {
  const rows = await db.systemState.findMany({ where: { key: { in: [scoringVersionKey(projectId), scoringCrossingsKey(projectId)] } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value as Record<string, unknown> | null]));
  const applied = byKey.get(scoringVersionKey(projectId))?.version;
  const bump = byKey.get(scoringCrossingsKey(projectId)) as ScoringBumpReport | null | undefined;
  return { appliedVersion: typeof applied === "number" ? applied : null, lastBump: bump ?? null };
}
