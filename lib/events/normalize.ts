import { normalizeCurrency, toMinorUnits } from "./currency";
import { MAX_BATCH_EVENTS, MAX_PROPERTIES_BYTES, ZIngestEvent } from "./schema";
import {
  EVENT_NAME_MAX_LENGTH,
  EVENT_NAME_PATTERN,
  layersNameFromMeta,
  type Environment,
  type SdkPlatform,
} from "./taxonomy";
import { canonicalJson, isUuid, uuidV5 } from "./uuid";

const DAY_MS = 86_400_000;
/** Events older than this are rejected (device offline queues rarely hold events longer). */
export const DEFAULT_MAX_PAST_MS = 90 * DAY_MS;
/** Events further in the future than this are rejected (wrong device clocks). */
export const DEFAULT_MAX_FUTURE_MS = 7 * DAY_MS;

/** Field name used when the whole event (not one of its fields) is wrong. */
export const ROOT_FIELD = "(root)";

export interface NormalizeOptions {
  /** Server receive time; timestamps are checked against it. */
  now: Date;
  /**
   * App authenticated by the route (X-App-Id header or the API key's app). Fills a missing
   * `app_id`; an event whose `app_id` differs is rejected (field `app_id`).
   */
  appId?: string;
  /** Defaults for server-side senders (e.g. CAPI-shaped payloads) that omit these taxonomy fields. */
  defaults?: { environment?: Environment; platform?: SdkPlatform };
  maxPastMs?: number;
  maxFutureMs?: number;
}

export type EventIdSource =
  /** `event_id` was a UUID and is used as is (lower-cased). */
  | "client"
  /** `event_id` was not a UUID (e.g. Meta-style "order_123"): UUIDv5 of app + event + that id. */
  | "derived_from_client_id"
  /** No `event_id`: UUIDv5 of app + the canonical payload, so a retried identical request dedups. */
  | "derived_from_payload";

export interface NormalizedRevenue {
  /** Integer minor units (cents; yen; fils) — may be negative for refund events. */
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface NormalizedEvent {
  /** Always a lower-case UUID: the dedup key (unique per app). */
  eventId: string;
  eventIdSource: EventIdSource;
  /** `event_id` exactly as sent, or null. Relays must send THIS to Meta/TikTok so pixel events dedup. */
  clientEventId: string | null;
  /** Layers taxonomy name (snake_case). */
  event: string;
  /** Meta `event_name` as sent, when the event arrived CAPI-shaped; else null. */
  sourceEventName: string | null;
  occurredAt: Date;
  appId: string;
  appUserId: string | null;
  installId: string | null;
  sessionId: string | null;
  environment: Environment;
  platform: SdkPlatform;
  device: {
    osVersion: string | null;
    appVersion: string | null;
    deviceModel: string | null;
    locale: string | null;
    idfa: string | null;
    idfv: string | null;
    attStatus: string | null;
  };
  revenue: NormalizedRevenue | null;
  attribution: {
    campaignId: string | null;
    adsetId: string | null;
    adId: string | null;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    utmContent: string | null;
    utmTerm: string | null;
  };
  properties: Record<string, unknown>;
  actionSource: string | null;
  /** Meta-style `user_data` kept as sent (already hashed by the sender). */
  userData: Record<string, unknown> | null;
  appData: Record<string, unknown> | null;
  /** Meta-style `custom_data` kept as sent (value/currency are also read into `revenue`). */
  customData: Record<string, unknown> | null;
  /** Top-level fields outside the taxonomy, kept (looseObject semantics). */
  extra: Record<string, unknown>;
}

export type NormalizeResult = { ok: true; event: NormalizedEvent } | { ok: false; field: string; reason: string };

const KNOWN_FIELDS = new Set(Object.keys(ZIngestEvent.shape));

const reject = (field: string, reason: string): NormalizeResult => ({ ok: false, field, reason });
const str = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v).trim() || null;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describeDuration(ms: number): string {
  const days = ms / DAY_MS;
  return Number.isInteger(days) ? `${days} days` : `${Math.round(ms / 3_600_000)} hours`;
}

/**
 * Validates and normalizes one SDK (or CAPI-shaped) event. Pure: `now` is passed in.
 *
 * - `event` must be snake_case; a Meta `event_name` is mapped back (Purchase → purchase_success,
 *   unknown names CamelCase → snake_case) when `event` is absent.
 * - time: `timestamp` (ISO 8601 with offset) or Meta `event_time` (Unix seconds); rejected when
 *   older than 90 days or more than 7 days ahead of `now` (configurable).
 * - revenue: first of `revenue`, `properties.revenue`, `price`, `properties.price`,
 *   `custom_data.value`, `properties.value`; currency from `currency`, `properties.currency`,
 *   `custom_data.currency`. An amount without a (valid ISO 4217) currency is rejected with field
 *   `currency` — guessing a currency would corrupt ROAS.
 * - `event_id`: see {@link EventIdSource}; a missing id is derived deterministically, never random.
 */
export function normalizeEvent(raw: unknown, options: NormalizeOptions): NormalizeResult {
  if (!isPlainObject(raw)) return reject(ROOT_FIELD, "each event must be a JSON object");
  const parsed = ZIngestEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.map(String).join(".") : ROOT_FIELD;
    return reject(field, issue.message);
  }
  const e = parsed.data;
  const now = options.now.getTime();

  // --- event name ---
  let name: string;
  let sourceEventName: string | null = null;
  if (e.event !== null && e.event !== undefined) {
    name = e.event.trim();
    if (name === "") return reject("event", "must not be empty");
    if (name.length > EVENT_NAME_MAX_LENGTH) return reject("event", `must be at most ${EVENT_NAME_MAX_LENGTH} characters`);
    if (!EVENT_NAME_PATTERN.test(name))
      return reject("event", `"${name}" is not snake_case (lowercase letters, digits and single underscores, e.g. purchase_success)`);
  } else if (e.event_name !== null && e.event_name !== undefined && e.event_name.trim() !== "") {
    sourceEventName = e.event_name.trim();
    name = layersNameFromMeta(sourceEventName);
    if (!EVENT_NAME_PATTERN.test(name) || name.length > EVENT_NAME_MAX_LENGTH)
      return reject("event_name", `"${sourceEventName}" cannot be mapped to a snake_case Layers event name`);
  } else {
    return reject("event", "is required (or Meta-style event_name)");
  }

  // --- app ---
  const bodyAppId = str(e.app_id);
  if (bodyAppId && options.appId && bodyAppId !== options.appId)
    return reject("app_id", `does not match the authenticated app (${options.appId})`);
  const appId = bodyAppId ?? options.appId ?? null;
  if (!appId) return reject("app_id", "is required");

  // --- time ---
  let occurredMs: number;
  let timeField: string;
  if (e.timestamp) {
    timeField = "timestamp";
    occurredMs = Date.parse(e.timestamp);
    if (Number.isNaN(occurredMs)) return reject("timestamp", "is not a valid date");
  } else if (e.event_time !== null && e.event_time !== undefined) {
    timeField = "event_time";
    const secs = Number(e.event_time);
    occurredMs = secs * 1000;
    if (secs > 1e11) return reject("event_time", "must be Unix seconds (this looks like milliseconds)");
  } else {
    return reject("timestamp", "is required (ISO 8601, or Meta-style event_time in Unix seconds)");
  }
  const maxPast = options.maxPastMs ?? DEFAULT_MAX_PAST_MS;
  const maxFuture = options.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS;
  if (occurredMs < now - maxPast) return reject(timeField, `is more than ${describeDuration(maxPast)} in the past`);
  if (occurredMs > now + maxFuture)
    return reject(timeField, `is more than ${describeDuration(maxFuture)} in the future (check the device clock)`);

  // --- environment / platform ---
  const environment = e.environment ?? options.defaults?.environment;
  if (!environment) return reject("environment", "is required: development, staging or production");
  const platform = e.platform ?? options.defaults?.platform ?? platformFromCapi(e.action_source, e.app_data);
  if (!platform) return reject("platform", "is required: ios, android, react-native, web, node, flutter, macos or unity");

  // --- properties ---
  const properties = { ...(e.properties ?? {}) };
  if (Buffer.byteLength(canonicalJson(properties), "utf8") > MAX_PROPERTIES_BYTES)
    return reject("properties", `must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`);

  // --- revenue ---
  const rev = resolveRevenue(e, properties);
  if (!rev.ok) return rev;

  // --- event id ---
  let eventId: string;
  let eventIdSource: EventIdSource;
  const clientEventId = e.event_id === null || e.event_id === undefined ? null : String(e.event_id).trim();
  if (clientEventId && isUuid(clientEventId)) {
    eventId = clientEventId.toLowerCase();
    eventIdSource = "client";
  } else if (clientEventId) {
    eventId = uuidV5(`client\u0000${appId}\u0000${name}\u0000${clientEventId}`);
    eventIdSource = "derived_from_client_id";
  } else {
    const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "event_id"));
    eventId = uuidV5(`payload\u0000${appId}\u0000${canonicalJson(rest)}`);
    eventIdSource = "derived_from_payload";
  }

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!KNOWN_FIELDS.has(k)) extra[k] = v;

  const pick = (key: string, top: string | number | null | undefined): string | null => {
    const fromTop = str(top);
    if (fromTop) return fromTop;
    const p = properties[key];
    return typeof p === "string" || typeof p === "number" ? str(p) : null;
  };

  return {
    ok: true,
    event: {
      eventId,
      eventIdSource,
      clientEventId,
      event: name,
      sourceEventName,
      occurredAt: new Date(occurredMs),
      appId,
      appUserId: str(e.app_user_id),
      installId: str(e.install_id),
      sessionId: str(e.session_id),
      environment,
      platform,
      device: {
        osVersion: str(e.os_version),
        appVersion: str(e.app_version),
        deviceModel: str(e.device_model),
        locale: str(e.locale),
        idfa: str(e.idfa),
        idfv: str(e.idfv),
        attStatus: str(e.att_status),
      },
      revenue: rev.revenue,
      attribution: {
        campaignId: pick("campaign_id", e.campaign_id),
        adsetId: pick("adset_id", e.adset_id),
        adId: pick("ad_id", e.ad_id),
        utmSource: pick("utm_source", e.utm_source),
        utmMedium: pick("utm_medium", e.utm_medium),
        utmCampaign: pick("utm_campaign", e.utm_campaign),
        utmContent: pick("utm_content", e.utm_content),
        utmTerm: pick("utm_term", e.utm_term),
      },
      properties,
      actionSource: e.action_source ? e.action_source.trim().toLowerCase() : null,
      userData: e.user_data ?? null,
      appData: e.app_data ?? null,
      customData: e.custom_data ? { ...e.custom_data } : null,
      extra,
    },
  };
}

function platformFromCapi(
  actionSource: string | null | undefined,
  appData: Record<string, unknown> | null | undefined,
): SdkPlatform | undefined {
  if (actionSource?.trim().toLowerCase() === "website") return "web";
  const extinfo = appData?.extinfo;
  if (Array.isArray(extinfo)) {
    if (extinfo[0] === "i2") return "ios";
    if (extinfo[0] === "a2") return "android";
  }
  return undefined;
}

type RevenueResolution = { ok: true; revenue: NormalizedRevenue | null } | { ok: false; field: string; reason: string };

function resolveRevenue(
  e: {
    revenue?: number | string | null;
    price?: number | string | null;
    currency?: string | null;
    custom_data?: { value?: number | string | null; currency?: string | null } | null;
  },
  properties: Record<string, unknown>,
): RevenueResolution {
  const amountSources: Array<[string, unknown]> = [
    ["revenue", e.revenue],
    ["properties.revenue", properties.revenue],
    ["price", e.price],
    ["properties.price", properties.price],
    ["custom_data.value", e.custom_data?.value],
    ["properties.value", properties.value],
  ];
  const found = amountSources.find(([, v]) => v !== null && v !== undefined && v !== "");
  if (!found) return { ok: true, revenue: null };
  const [amountField, amount] = found;
  if (typeof amount !== "number" && typeof amount !== "string")
    return { ok: false, field: amountField, reason: "must be a number" };

  const currencySources: Array<[string, unknown]> = [
    ["currency", e.currency],
    ["properties.currency", properties.currency],
    ["custom_data.currency", e.custom_data?.currency],
  ];
  const cur = currencySources.find(([, v]) => v !== null && v !== undefined && v !== "");
  if (!cur) return { ok: false, field: "currency", reason: `is required when ${amountField} is set (ISO 4217, e.g. USD)` };
  const currency = normalizeCurrency(cur[1]);
  if (!currency) return { ok: false, field: cur[0], reason: `"${String(cur[1])}" is not an ISO 4217 currency code` };

  const minor = toMinorUnits(amount, currency);
  if (!minor.ok) return { ok: false, field: amountField, reason: minor.reason };
  return { ok: true, revenue: { amountMinor: minor.amountMinor, currency } };
}

// ---------------------------------------------------------------------------------------------
// Request body

export type IngestEventResult =
  | {
      index: number;
      eventId: string;
      outcome: "valid";
      event: NormalizedEvent;
      /** Index of an earlier event in the same body with the same eventId (insert only the first), else null. */
      duplicateOfIndex: number | null;
    }
  | { index: number; outcome: "rejected"; field: string; reason: string };

export type ParseIngestResult =
  | { ok: false; status: 400; message: string }
  | { ok: true; results: IngestEventResult[]; validCount: number; rejectedCount: number };

/**
 * Parses a `POST /events` JSON body: one event, or `{ events: [...] }` with 1..1000 events.
 * A malformed envelope is a 400; otherwise every event gets its own result so one bad event
 * never rejects the batch. The route inserts the `valid` ones (ON CONFLICT on (app, eventId)
 * marks retries as duplicates) and answers 202.
 */
export function parseIngestBody(json: unknown, options: NormalizeOptions): ParseIngestResult {
  if (!isPlainObject(json))
    return { ok: false, status: 400, message: "Body must be a JSON object: one event, or { \"events\": [ ... ] }" };
  let events: unknown[];
  if (Object.prototype.hasOwnProperty.call(json, "events")) {
    const list = json.events;
    if (!Array.isArray(list)) return { ok: false, status: 400, message: "`events` must be an array of event objects" };
    if (list.length === 0) return { ok: false, status: 400, message: "`events` must contain at least 1 event" };
    if (list.length > MAX_BATCH_EVENTS)
      return { ok: false, status: 400, message: `\`events\` must contain at most ${MAX_BATCH_EVENTS} events (got ${list.length})` };
    events = list;
  } else {
    events = [json];
  }

  const firstIndexById = new Map<string, number>();
  let validCount = 0;
  const results = events.map((raw, index): IngestEventResult => {
    const r = normalizeEvent(raw, options);
    if (!r.ok) return { index, outcome: "rejected", field: r.field, reason: r.reason };
    validCount++;
    const first = firstIndexById.get(r.event.eventId);
    if (first === undefined) firstIndexById.set(r.event.eventId, index);
    return { index, eventId: r.event.eventId, outcome: "valid", event: r.event, duplicateOfIndex: first ?? null };
  });
  return { ok: true, results, validCount, rejectedCount: results.length - validCount };
}
