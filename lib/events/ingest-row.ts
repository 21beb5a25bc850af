/**
 * A normalized event → the row `POST /api/v1/events` stores in `SdkEvent`. Pure.
 *
 * Two concerns the normalizer leaves to storage:
 * - **Ad platform.** Reconciliation compares Layers' conversions per ad platform with what that
 *   platform reports, so each event is attributed once, at ingest: an explicit `ad_platform`
 *   (top level or in `properties`) wins, else `utm_source` (`facebook`, `ig`, `tiktok`, `asa`, …).
 *   Unknown sources stay null (organic / unattributed), never guessed.
 * - **What PostgreSQL cannot store.** One bad row would fail the whole set-based batch insert,
 *   so an event that cannot be stored is rejected on its own, naming the field: a NUL character
 *   or an unpaired UTF-16 surrogate anywhere (text and jsonb refuse both), or a revenue beyond
 *   the 32-bit `revenueMinor` column.
 */
import type { IngestEventResult, NormalizedEvent } from "./normalize";

export const AD_PLATFORMS = ["meta", "tiktok", "apple_search_ads"] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

const AD_PLATFORM_ALIASES: Readonly<Record<string, AdPlatform>> = Object.freeze({
  meta: "meta", meta_ads: "meta", facebook: "meta", facebook_ads: "meta", fb: "meta", instagram: "meta", ig: "meta",
  tiktok: "tiktok", tiktok_ads: "tiktok", tt: "tiktok",
  apple_search_ads: "apple_search_ads", apple_ads: "apple_search_ads", apple: "apple_search_ads", asa: "apple_search_ads",
  search_ads: "apple_search_ads", searchads: "apple_search_ads",
});

/** `Facebook`, `apple-search-ads`, `TikTok Ads` → the Layer platform; anything else → null. */
export function adPlatformFromSource(value: unknown): AdPlatform | null {
  if (typeof value !== "string") return null;
  const key = value.trim().toLowerCase().replace(/[\s.-]+/g, "_");
  return AD_PLATFORM_ALIASES[key] ?? null;
}

export function adPlatformOf(event: NormalizedEvent): AdPlatform | null {
  return (
    adPlatformFromSource(event.extra.ad_platform) ??
    adPlatformFromSource(event.properties.ad_platform) ??
    adPlatformFromSource(event.attribution.utmSource)
  );
}

export const MAX_REVENUE_MINOR = 2_147_483_647;

export interface IngestRow {
  eventId: string;
  name: string;
  occurredAt: Date;
  appId: string;
  appUserId: string | null;
  installId: string | null;
  sessionId: string | null;
  environment: string;
  platform: string;
  revenueMinor: number | null;
  currency: string | null;
  campaignId: string | null;
  adsetId: string | null;
  adId: string | null;
  adPlatform: AdPlatform | null;
  /** JSON text of everything that has no column (device, utm, properties, CAPI fields, extras). */
  payload: string;
}

export type IngestRowResult = { ok: true; row: IngestRow } | { ok: false; field: string; reason: string };

// NUL, or a surrogate half without its partner.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Dotted path (as the sender named it) of the first key or string PostgreSQL would refuse, else null. */
export function unstorablePath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path || "(root)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null)
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return childPath;
      const found = unstorablePath(child, childPath);
      if (found) return found;
    }
  return null;
}

// In JSON text, NUL and unpaired surrogates can only appear escaped (JSON.stringify is well-formed).
const SUSPICIOUS_JSON = /\\u(?:0000|d[89a-f])/i;

export function toIngestRow(event: NormalizedEvent): IngestRowResult {
  if (event.revenue && Math.abs(event.revenue.amountMinor) > MAX_REVENUE_MINOR)
    return { ok: false, field: "revenue", reason: `is too large (at most ${MAX_REVENUE_MINOR} minor units)` };
  const { device, attribution: a } = event;
  const payload = JSON.stringify({
    eventIdSource: event.eventIdSource,
    clientEventId: event.clientEventId,
    sourceEventName: event.sourceEventName,
    device,
    utm: { source: a.utmSource, medium: a.utmMedium, campaign: a.utmCampaign, content: a.utmContent, term: a.utmTerm },
    properties: event.properties,
    actionSource: event.actionSource,
    userData: event.userData,
    appData: event.appData,
    customData: event.customData,
    extra: event.extra,
  });
  const columns = [event.event, event.appId, event.appUserId, event.installId, event.sessionId, a.campaignId, a.adsetId, a.adId];
  // Hot path: one regex over the JSON and the columns; the walk that names the field runs only on suspicion.
  if (SUSPICIOUS_JSON.test(payload) || columns.some((c) => c !== null && UNSTORABLE.test(c))) {
    // Keyed by the sender's field names, so a rejection points at what they sent.
    const asSent = {
      ...event.extra, event: event.event, event_id: event.clientEventId, event_name: event.sourceEventName, app_id: event.appId,
      app_user_id: event.appUserId, install_id: event.installId, session_id: event.sessionId, os_version: device.osVersion,
      app_version: device.appVersion, device_model: device.deviceModel, locale: device.locale, idfa: device.idfa, idfv: device.idfv,
      att_status: device.attStatus, campaign_id: a.campaignId, adset_id: a.adsetId, ad_id: a.adId, utm_source: a.utmSource,
      utm_medium: a.utmMedium, utm_campaign: a.utmCampaign, utm_content: a.utmContent, utm_term: a.utmTerm,
      properties: event.properties, action_source: event.actionSource, user_data: event.userData, app_data: event.appData,
      custom_data: event.customData,
    };
    const bad = unstorablePath(asSent);
    if (bad) return { ok: false, field: bad, reason: "contains a NUL character or invalid UTF-16 (unpaired surrogate), which cannot be stored" };
  }

  return {
    ok: true,
    row: {
      eventId: event.eventId,
      name: event.event,
      occurredAt: event.occurredAt,
      appId: event.appId,
      appUserId: event.appUserId,
      installId: event.installId,
      sessionId: event.sessionId,
      environment: event.environment,
      platform: event.platform,
      revenueMinor: event.revenue?.amountMinor ?? null,
      currency: event.revenue?.currency ?? null,
      campaignId: event.attribution.campaignId,
      adsetId: event.attribution.adsetId,
      adId: event.attribution.adId,
      adPlatform: adPlatformOf(event),
      payload,
    },
  };
}


// ---------------------------------------------------------------------------------------------
// One request: which rows to insert, and what to answer once the insert says which were new.

export type IngestStatus = "accepted" | "duplicate" | "rejected";

export interface IngestEventStatus {
  index: number;
  /** The stored (normalized) id; for a rejected event, the `event_id` as sent (or null). */
  event_id: string | null;
  status: IngestStatus;
  field?: string;
  reason?: string;
}

type PlanEntry = { kind: "insert" | "duplicate"; eventId: string } | { kind: "rejected"; eventId: string | null; field: string; reason: string };

export interface IngestPlan {
  /** First storable occurrence of each event id, in body order. */
  rows: IngestRow[];
  entries: PlanEntry[];
}

function clientEventId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const id = (raw as Record<string, unknown>).event_id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

/**
 * `results` from `parseIngestBody`, `rawEvents` the body's events in the same order. A repeated
 * event id inside one body is a duplicate of its first storable occurrence.
 */
export function planIngest(results: readonly IngestEventResult[], rawEvents: readonly unknown[]): IngestPlan {
  const rows: IngestRow[] = [];
  const seen = new Set<string>();
  const entries = results.map((result): PlanEntry => {
    if (result.outcome === "rejected")
      return { kind: "rejected", eventId: clientEventId(rawEvents[result.index]), field: result.field, reason: result.reason };
    const stored = toIngestRow(result.event);
    if (!stored.ok) return { kind: "rejected", eventId: clientEventId(rawEvents[result.index]), field: stored.field, reason: stored.reason };
    if (seen.has(result.eventId)) return { kind: "duplicate", eventId: result.eventId };
    seen.add(result.eventId);
    rows.push(stored.row);
    return { kind: "insert", eventId: result.eventId };
  });
  return { rows, entries };
}

export interface IngestOutcome {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: IngestEventStatus[];
}

/** `inserted`: the event ids the insert actually wrote (ON CONFLICT skipped the others). */
export function ingestOutcome(plan: IngestPlan, inserted: ReadonlySet<string>): IngestOutcome {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  const results = plan.entries.map((entry, index): IngestEventStatus => {
    if (entry.kind === "rejected") {
      counts.rejected++;
      return { index, event_id: entry.eventId, status: "rejected", field: entry.field, reason: entry.reason };
    }
    const status: IngestStatus = entry.kind === "insert" && inserted.has(entry.eventId) ? "accepted" : "duplicate";
    counts[status]++;
    return { index, event_id: entry.eventId, status };
  });
  return { ...counts, results };
}
