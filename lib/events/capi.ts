import { createHash } from "node:crypto";
import { fromMinorUnits } from "./currency";
import type { NormalizedEvent } from "./normalize";
import { mapToPlatformEvent, type EventMapOverrides } from "./taxonomy";

/** Meta rejects the WHOLE request if any event_time is more than 7 days old. */
export const META_MAX_EVENT_AGE_MS = 7 * 86_400_000;

/** One element of the Meta Conversions API `data` array (field names per Meta's server-event docs). */
export interface MetaServerEvent {
  event_name: string;
  event_time: number;
  event_id: string;
  action_source: string;
  user_data: Record<string, unknown>;
  custom_data?: { value: number; currency: string; order_id?: string };
  app_data?: Record<string, unknown>;
}

export type MetaCapiResult =
  | { ok: true; event: MetaServerEvent }
  | { ok: false; reason: "unmapped" | "too_old" | "no_user_data" };

function sha256(v: string): string {
  return createHash("sha256").update(v, "utf8").digest("hex");
}

/**
 * Builds the Meta CAPI server event for a stored event (the relay POSTs `{ data: [...] }`).
 * - name via {@link mapToPlatformEvent} (overrides win; unmapped → not relayed);
 * - `event_id` is the id the CLIENT sent (so Meta can dedup against the Pixel), else our UUID;
 * - events older than 7 days at `now` are skipped (one would fail the whole Meta batch);
 * - `external_id` = SHA-256 of the trimmed, lower-cased `app_user_id` when the sender gave none;
 * - revenue → `custom_data.value` (major units) + lower-case `currency`.
 */
export function toMetaCapiEvent(event: NormalizedEvent, now: Date, overrides?: EventMapOverrides): MetaCapiResult {
  const name = mapToPlatformEvent(event.event, "meta", overrides);
  if (!name) return { ok: false, reason: "unmapped" };
  if (event.occurredAt.getTime() < now.getTime() - META_MAX_EVENT_AGE_MS) return { ok: false, reason: "too_old" };

  const userData: Record<string, unknown> = { ...(event.userData ?? {}) };
  if (userData.external_id === undefined && event.appUserId)
    userData.external_id = [sha256(event.appUserId.trim().toLowerCase())];
  if (userData.madid === undefined && event.device.idfa) userData.madid = event.device.idfa;
  if (Object.keys(userData).length === 0) return { ok: false, reason: "no_user_data" };

  const actionSource =
    event.actionSource ?? (event.platform === "web" ? "website" : event.platform === "node" ? "other" : "app");
  const out: MetaServerEvent = {
    event_name: name,
    event_time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.clientEventId ?? event.eventId,
    action_source: actionSource,
    user_data: userData,
  };
  if (event.revenue) {
    out.custom_data = {
      value: fromMinorUnits(event.revenue.amountMinor, event.revenue.currency),
      currency: event.revenue.currency.toLowerCase(),
    };
    const orderId = event.properties.transaction_id ?? event.properties.order_id ?? event.customData?.order_id;
    if (typeof orderId === "string" || typeof orderId === "number") out.custom_data.order_id = String(orderId);
  }
  if (event.appData) out.app_data = event.appData;
  return { ok: true, event: out };
}
