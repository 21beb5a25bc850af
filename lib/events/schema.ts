import { z } from "zod";
import { ENVIRONMENTS, SDK_PLATFORMS } from "./taxonomy";

/** Max events in one `{ events: [...] }` batch. */
export const MAX_BATCH_EVENTS = 1000;
/** Max serialized size of one event's `properties` object (bytes of canonical JSON). */
export const MAX_PROPERTIES_BYTES = 32 * 1024;

const idValue = z.union([z.string().trim().min(1).max(256), z.number().int().nonnegative()]);
const optionalId = idValue.nullish();
const shortText = z.string().max(256).nullish();
const amount = z.union([z.number(), z.string().trim().min(1).max(64)]);

/**
 * One event as received. Types are checked here; which fields are required (and their
 * alternatives, e.g. `timestamp` or Meta's `event_time`) is decided by `normalizeEvent`, so a
 * rejection can name the exact field. `looseObject`: unknown fields are kept.
 */
export const ZIngestEvent = z.looseObject({
  // Layers taxonomy
  event: z.string().nullish(),
  event_id: z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).nullish(),
  timestamp: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with Z or a ±hh:mm offset" }).nullish(),
  app_id: optionalId,
  app_user_id: optionalId,
  install_id: optionalId,
  session_id: optionalId,
  environment: z.enum(ENVIRONMENTS).nullish(),
  platform: z.enum(SDK_PLATFORMS).nullish(),
  os_version: shortText,
  app_version: shortText,
  device_model: shortText,
  locale: shortText,
  idfa: shortText,
  idfv: shortText,
  att_status: z.union([z.string().max(64), z.number()]).nullish(),
  revenue: amount.nullish(),
  price: amount.nullish(),
  currency: z.string().max(16).nullish(),
  campaign_id: optionalId,
  adset_id: optionalId,
  ad_id: optionalId,
  utm_source: shortText,
  utm_medium: shortText,
  utm_campaign: shortText,
  utm_content: shortText,
  utm_term: shortText,
  properties: z.record(z.string(), z.unknown()).nullish(),
  // Meta Conversions API names accepted where they overlap
  event_name: z.string().max(200).nullish(),
  event_time: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,16}$/, "must be Unix seconds")]).nullish(),
  action_source: z.string().max(64).nullish(),
  user_data: z.record(z.string(), z.unknown()).nullish(),
  custom_data: z
    .looseObject({ value: amount.nullish(), currency: z.string().max(16).nullish() })
    .nullish(),
  app_data: z.record(z.string(), z.unknown()).nullish(),
});
export type IngestEventInput = z.input<typeof ZIngestEvent>;

/** `{ events: [...] }` with 1..1000 entries (each entry validated separately). */
export const ZIngestBatch = z.looseObject({
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
});

/** A single event object (any object without an `events` key; its fields are validated per event). */
export const ZIngestSingle = z
  .record(z.string(), z.unknown())
  .refine((o) => !Object.prototype.hasOwnProperty.call(o, "events"), { message: "`events` must be an array" });

/**
 * Envelope of `POST /events`: one event, or `{ events: [...] }` with 1..1000 events.
 * Anything else (array, string, empty batch, > 1000 events, `events` not an array) is a malformed body → 400.
 */
export const ZIngestBody = z.union([ZIngestBatch, ZIngestSingle]);
export type IngestBody = z.infer<typeof ZIngestBody>;
