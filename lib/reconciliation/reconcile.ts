/**
 * Attribution reconciliation: Layers conversions (source of truth: `sdk_events`) vs what each ad
 * platform reports, per platform per project-timezone day.
 *
 * driftPct = (platformReported − layers) / layers × 100 — the denominator is LAYERS, because
 * Layers is the source of truth: "+25%" reads "the platform claims 25% more than we saw".
 * Zero cases: layers 0 & platform 0 → drift 0 (match); layers 0 & platform > 0 → driftPct null,
 * flagged (status `platform_only`: the platform claims conversions Layers never saw).
 * A platform with no number for a day yet (metrics sync every 6h) → `awaiting_platform_data`,
 * not flagged. Layers missing for a day the platform reported → layers 0.
 *
 * Flag (weekly runbook): |drift| > 20% (strictly; 20% exactly is not flagged).
 * Persistent (runbook "Reconciling"): |drift| > 30% for more than 24 hours ⇒ at least 2
 * consecutive COMPLETE project days (one bad complete day is only 24h of evidence; two is 48h),
 * and the streak must be current: it must end on the latest complete day with platform data,
 * which must be yesterday or the day before (allowing one day of platform refresh lag).
 * Comparisons are done by cross-multiplication (|p − l|·100 > t·l) so boundaries are exact.
 */
import { addDays, assertTimeZone, dayKey } from "./days";

export const DRIFT_FLAG_PCT = 20;
export const PERSISTENT_DRIFT_PCT = 30;
export const PERSISTENT_MIN_DAYS = 2;

/** platform → `YYYY-MM-DD` → conversions. */
export type CountsByPlatformDay = Readonly<Record<string, Readonly<Record<string, number>>>>;

export type ReconciliationStatus = "match" | "within_tolerance" | "drift" | "platform_only" | "awaiting_platform_data";

export interface ReconciliationRow {
  platform: string;
  date: string;
  /** Layers conversions (deduped SDK events). */
  layers: number;
  /** Platform-reported conversions; null = not reported yet. */
  platformReported: number | null;
  /** platformReported − layers. */
  difference: number | null;
  driftPct: number | null;
  /** |drift| > 20% (or platform-only conversions). */
  flagged: boolean;
  status: ReconciliationStatus;
}

function checkCount(where: string, n: number): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${where} must be a finite count ≥ 0 (got ${n})`);
}

/** |p − l| > pct% of l, exactly (l > 0), or any platform-only conversions (l = 0). */
export function exceedsDrift(layers: number, platformReported: number, pct: number): boolean {
  if (layers === 0) return platformReported > 0;
  // tolerance for fractional (modeled) counts: 3 vs 3.6 is exactly 20%, not 20.0000000001%
  return Math.abs(platformReported - layers) * 100 - pct * layers > 1e-9 * Math.max(1, pct * layers);
}

export function reconcile(input: {
  layersConversionsByPlatformDay: CountsByPlatformDay;
  platformReportedByPlatformDay: CountsByPlatformDay;
  /** Default 20. */
  flagPct?: number;
}): ReconciliationRow[] {
  const flagPct = input.flagPct ?? DRIFT_FLAG_PCT;
  const keys = new Map<string, Set<string>>();
  for (const source of [input.layersConversionsByPlatformDay, input.platformReportedByPlatformDay])
    for (const [platform, days] of Object.entries(source))
      for (const date of Object.keys(days)) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`date keys must be YYYY-MM-DD (got ${date})`);
        if (!keys.has(platform)) keys.set(platform, new Set());
        keys.get(platform)!.add(date);
      }

  const rows: ReconciliationRow[] = [];
  for (const platform of [...keys.keys()].sort()) {
    for (const date of [...keys.get(platform)!].sort()) {
      const layers = input.layersConversionsByPlatformDay[platform]?.[date] ?? 0;
      const reported = input.platformReportedByPlatformDay[platform]?.[date];
      checkCount(`layers ${platform} ${date}`, layers);
      if (reported === undefined || reported === null) {
        rows.push({ platform, date, layers, platformReported: null, difference: null, driftPct: null, flagged: false, status: "awaiting_platform_data" });
        continue;
      }
      checkCount(`platform ${platform} ${date}`, reported);
      const difference = reported - layers;
      const driftPct = layers === 0 ? (reported === 0 ? 0 : null) : (difference * 100) / layers;
      const flagged = exceedsDrift(layers, reported, flagPct);
      const status: ReconciliationStatus =
        layers === 0 && reported > 0 ? "platform_only" : difference === 0 ? "match" : flagged ? "drift" : "within_tolerance";
      rows.push({ platform, date, layers, platformReported: reported, difference, driftPct, flagged, status });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

/** Why Layers and a platform UI disagree (runbook "Reconciling Layers vs platform UI"), for the UI. */
export const USUAL_DRIFT_CAUSES: ReadonlyArray<{ id: string; title: string; body: string }> = Object.freeze([
  { id: "time_zone", title: "Time zone", body: "Layers uses your project timezone; the platform UI may use the ad account's timezone, so conversions near midnight land on different days." },
  { id: "attribution_window", title: "Attribution window", body: "Layers reports CAPI-corrected conversions; the platform UI may include modeled conversions and uses its own attribution window." },
  { id: "refresh_lag", title: "Refresh lag", body: "The platform UI is real-time; Layers' ads metrics sync runs every 6 hours (staggered 15 minutes per platform), so recent hours may not be in Layers yet." },
  { id: "counted_differently", title: "Counted differently", body: "Meta's \"purchase\" may include both client Pixel and CAPI events; Layers shows the deduplicated CAPI side only." },
]);

const PLATFORM_LABELS: Record<string, string> = {
  meta: "Meta", meta_ads: "Meta", tiktok: "TikTok", tiktok_ads: "TikTok", apple: "Apple Search Ads", apple_ads: "Apple Search Ads",
  apple_search_ads: "Apple Search Ads",
};
export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform] ?? platform;
}

export interface PersistentDriftAlert {
  platform: string;
  /** The streak of complete days, ascending. */
  days: string[];
  layersTotal: number;
  platformTotal: number;
  /** Drift over the whole streak (null if Layers saw none). */
  streakDriftPct: number | null;
  latestDriftPct: number | null;
  task: {
    kind: "attribution_drift";
    /** Stable for one streak, so a daily job does not open a second task. */
    dedupeKey: string;
    title: string;
    body: string;
  };
  notification: { title: string; body: string; severity: "warning" };
}

const fmtPct = (p: number | null) => (p === null ? "n/a (Layers saw none)" : `${p > 0 ? "+" : ""}${Math.round(p)}%`);

/**
 * Platforms whose divergence > 30% has lasted more than 24h (see module doc), with the task and
 * notification payloads to create ("If divergence > 30% persists for >24h, file with support").
 */
export function persistentDrift(
  rows: readonly ReconciliationRow[],
  now: Date,
  options: { timeZone?: string; thresholdPct?: number; minConsecutiveDays?: number } = {},
): PersistentDriftAlert[] {
  const timeZone = options.timeZone ?? "UTC";
  const threshold = options.thresholdPct ?? PERSISTENT_DRIFT_PCT;
  const minDays = options.minConsecutiveDays ?? PERSISTENT_MIN_DAYS;
  assertTimeZone(timeZone);
  const today = dayKey(now, timeZone);
  const oldestAcceptableEnd = addDays(today, -2);

  const byPlatform = new Map<string, ReconciliationRow[]>();
  for (const r of rows) {
    if (r.date >= today || r.platformReported === null) continue; // incomplete day or no platform data
    if (!byPlatform.has(r.platform)) byPlatform.set(r.platform, []);
    byPlatform.get(r.platform)!.push(r);
  }

  const alerts: PersistentDriftAlert[] = [];
  for (const platform of [...byPlatform.keys()].sort()) {
    const list = byPlatform.get(platform)!.sort((a, b) => (a.date < b.date ? 1 : -1)); // newest first
    if (list[0].date < oldestAcceptableEnd) continue; // stale: the streak would not be current
    const streak: ReconciliationRow[] = [];
    let expected = list[0].date;
    for (const r of list) {
      if (r.date !== expected || !exceedsDrift(r.layers, r.platformReported!, threshold)) break;
      streak.push(r);
      expected = addDays(r.date, -1);
    }
    if (streak.length < minDays) continue;
    streak.reverse();
    const layersTotal = streak.reduce((s, r) => s + r.layers, 0);
    const platformTotal = streak.reduce((s, r) => s + (r.platformReported ?? 0), 0);
    const streakDriftPct = layersTotal === 0 ? null : ((platformTotal - layersTotal) * 100) / layersTotal;
    const latest = streak[streak.length - 1];
    const label = platformLabel(platform);
    const first = streak[0].date;
    const perDay = streak.map((r) => `- ${r.date}: Layers ${r.layers}, ${label} ${r.platformReported} (${fmtPct(r.driftPct)})`).join("\n");
    const causes = USUAL_DRIFT_CAUSES.map((c) => `- ${c.title}: ${c.body}`).join("\n");
    const title = `${label} conversions differ from Layers by more than ${threshold}% for ${streak.length} days`;
    alerts.push({
      platform,
      days: streak.map((r) => r.date),
      layersTotal,
      platformTotal,
      streakDriftPct,
      latestDriftPct: latest.driftPct,
      task: {
        kind: "attribution_drift",
        dedupeKey: `attribution-drift:${platform}:${first}`,
        title: `Investigate ${label} attribution drift (${fmtPct(streakDriftPct)} since ${first})`,
        body:
          `${label} has reported conversions more than ${threshold}% away from Layers on every day from ${first} to ${latest.date} (${timeZone}).\n\n` +
          `${perDay}\n\nCheck the usual causes first:\n${causes}\n\n` +
          `Layers' source of truth is sdk_events (your conversions). If the divergence is not explained by the causes above, file it with support.`,
      },
      notification: {
        title,
        body: `Layers counted ${layersTotal} and ${label} reported ${platformTotal} conversions from ${first} to ${latest.date} (${fmtPct(streakDriftPct)}). Open the reconciliation view for the usual causes.`,
        severity: "warning",
      },
    });
  }
  return alerts;
}
