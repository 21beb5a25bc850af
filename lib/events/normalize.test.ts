import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMetaCapiEvent } from "./capi";
import { normalizeEvent, parseIngestBody, ROOT_FIELD, type NormalizedEvent, type NormalizeOptions } from "./normalize";
import { MAX_BATCH_EVENTS, ZIngestBody } from "./schema";
import { isUuid } from "./uuid";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const sdkBatch = fixture("sdk_batch.json") as { events: Record<string, unknown>[] };
const capiPurchase = fixture("capi_purchase_event.assembled.json") as { data: Record<string, unknown>[] };
const capiPageView = fixture("capi_pageview.official.json") as { data: Record<string, unknown>[] };

const NOW = new Date("2026-05-12T20:00:00Z");
const opts: NormalizeOptions = { now: NOW };
const DAY = 86_400_000;

const base = {
  event: "app_open",
  event_id: "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
  timestamp: "2026-05-12T19:00:00Z",
  app_id: "sdk_app_1",
  environment: "production",
  platform: "android",
} as const;

function omit<T extends Record<string, unknown>>(o: T, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
}

function ok(raw: unknown, o: NormalizeOptions = opts): NormalizedEvent {
  const r = normalizeEvent(raw, o);
  if (!r.ok) throw new Error(`expected ok, got ${r.field}: ${r.reason}`);
  return r.event;
}
function rejected(raw: unknown, o: NormalizeOptions = opts): { field: string; reason: string } {
  const r = normalizeEvent(raw, o);
  if (r.ok) throw new Error("expected rejection");
  return { field: r.field, reason: r.reason };
}

describe("normalizeEvent — SDK taxonomy", () => {
  it("normalizes a full SDK purchase event", () => {
    const e = ok(sdkBatch.events[1]);
    expect(e).toMatchObject({
      eventId: "0b7c3a9e-5f41-4d2c-8a6b-1c2d3e4f5a6b",
      eventIdSource: "client",
      event: "purchase_success",
      appId: "sdk_app_123",
      appUserId: "user_42",
      environment: "production",
      platform: "ios",
      device: { osVersion: "18.4", appVersion: "3.2.1", deviceModel: "iPhone16,2", locale: "en_US" },
      revenue: { amountMinor: 999, currency: "USD" },
      attribution: { campaignId: "120210000000001", adsetId: "120210000000002", adId: "120210000000003" },
    });
    expect(e.occurredAt.toISOString()).toBe("2026-05-12T16:01:13.000Z");
    expect(e.properties.product_id).toBe("pro_monthly");
    // unknown fields are kept
    expect(e.extra).toEqual({ sdk_name: "layers-swift", sdk_version: "1.4.0" });
  });

  it("lower-cases a client UUID and reads utm_* from top level", () => {
    const e = ok(sdkBatch.events[0]);
    expect(e.eventId).toBe("8e3b6f0c-2d1a-4b7e-9c55-0f1e2d3c4b5a");
    expect(e.clientEventId).toBe("8E3B6F0C-2D1A-4B7E-9C55-0F1E2D3C4B5A");
    expect(e.attribution).toMatchObject({ utmSource: "meta", utmCampaign: "spring_sale", campaignId: null });
  });

  it("reads attribution ids from properties when not top-level", () => {
    const e = ok({ ...base, properties: { campaign_id: 123, utm_medium: "paid_social" } });
    expect(e.attribution.campaignId).toBe("123");
    expect(e.attribution.utmMedium).toBe("paid_social");
  });

  it.each([
    ["AppOpen", "event"],
    ["app open", "event"],
    ["app__open", "event"],
    ["_app", "event"],
    ["", "event"],
  ])("rejects non-snake_case event %j", (name, field) => {
    expect(rejected({ ...base, event: name }).field).toBe(field);
  });

  it("rejects a missing event name", () => {
    expect(rejected(omit(base, "event"))).toEqual({ field: "event", reason: expect.stringContaining("required") });
  });

  it.each(["environment", "platform", "app_id", "timestamp"] as const)("rejects a missing %s", (field) => {
    const raw: Record<string, unknown> = { ...base };
    delete raw[field];
    expect(rejected(raw).field).toBe(field);
  });

  it("rejects enum and type errors with the field path", () => {
    expect(rejected({ ...base, environment: "prod" }).field).toBe("environment");
    expect(rejected({ ...base, platform: "windows" }).field).toBe("platform");
    expect(rejected({ ...base, app_user_id: { id: 1 } }).field).toBe("app_user_id");
    expect(rejected({ ...base, properties: [1, 2] }).field).toBe("properties");
    expect(rejected({ ...base, custom_data: { value: true } }).field).toBe("custom_data.value");
  });

  it("rejects a non-object event at the root", () => {
    expect(rejected("app_open").field).toBe(ROOT_FIELD);
    expect(rejected(null).field).toBe(ROOT_FIELD);
    expect(rejected([base]).field).toBe(ROOT_FIELD);
  });

  it("rejects oversize properties", () => {
    expect(rejected({ ...base, properties: { blob: "x".repeat(40_000) } }).field).toBe("properties");
  });

  it("uses the authenticated app id and rejects a different one", () => {
    const rest = omit(base, "app_id");
    expect(ok(rest, { ...opts, appId: "sdk_from_header" }).appId).toBe("sdk_from_header");
    expect(ok(base, { ...opts, appId: "sdk_app_1" }).appId).toBe("sdk_app_1");
    expect(rejected(base, { ...opts, appId: "sdk_other" }).field).toBe("app_id");
  });
});

describe("normalizeEvent — timestamps", () => {
  const at = (iso: string) => ({ ...base, timestamp: iso });

  it("requires an offset", () => {
    expect(rejected(at("2026-05-12T19:00:00")).field).toBe("timestamp");
    expect(rejected(at("2026-05-12")).field).toBe("timestamp");
    expect(ok(at("2026-05-12T21:00:00+02:00")).occurredAt.toISOString()).toBe("2026-05-12T19:00:00.000Z");
  });

  it("accepts up to 90 days in the past, rejects beyond", () => {
    const edge = new Date(NOW.getTime() - 90 * DAY).toISOString();
    const beyond = new Date(NOW.getTime() - 90 * DAY - 1).toISOString();
    expect(ok(at(edge)).occurredAt.toISOString()).toBe(edge);
    expect(rejected(at(beyond))).toEqual({ field: "timestamp", reason: "is more than 90 days in the past" });
  });

  it("accepts up to 7 days in the future, rejects beyond", () => {
    const edge = new Date(NOW.getTime() + 7 * DAY).toISOString();
    const beyond = new Date(NOW.getTime() + 7 * DAY + 1).toISOString();
    expect(ok(at(edge)).occurredAt.toISOString()).toBe(edge);
    expect(rejected(at(beyond)).reason).toMatch(/7 days in the future/);
  });

  it("window is configurable", () => {
    const r = rejected(at("2026-05-12T22:00:00Z"), { now: NOW, maxFutureMs: 3_600_000 });
    expect(r.reason).toBe("is more than 1 hours in the future (check the device clock)");
  });

  it("accepts Meta event_time in Unix seconds and flags milliseconds", () => {
    const rest = omit(base, "timestamp");
    expect(ok({ ...rest, event_time: 1778607673 }).occurredAt.toISOString()).toBe("2026-05-12T17:41:13.000Z");
    expect(ok({ ...rest, event_time: "1778607673" }).occurredAt.toISOString()).toBe("2026-05-12T17:41:13.000Z");
    expect(rejected({ ...rest, event_time: 1778607673000 }).reason).toMatch(/milliseconds/);
    expect(rejected({ ...rest, event_time: 1.5 }).field).toBe("event_time");
  });
});

describe("normalizeEvent — revenue", () => {
  const rev = (extra: Record<string, unknown>) => ok({ ...base, event: "purchase_success", ...extra }).revenue;

  it.each([
    [{ properties: { revenue: 9.99, currency: "USD" } }, 999, "USD"],
    [{ properties: { revenue: "9.99", currency: "eur" } }, 999, "EUR"],
    [{ revenue: 1200, currency: "JPY" }, 1200, "JPY"],
    [{ revenue: 1.234, currency: "KWD" }, 1234, "KWD"],
    [{ revenue: 1.5, currency: "BHD" }, 1500, "BHD"],
    [{ revenue: 0.1 + 0.2, currency: "USD" }, 30, "USD"],
    [{ revenue: 1.005, currency: "USD" }, 101, "USD"],
    [{ revenue: 9.995, currency: "USD" }, 1000, "USD"],
    [{ revenue: -4.99, currency: "USD" }, -499, "USD"],
    [{ revenue: "1e3", currency: "USD" }, 100000, "USD"],
    [{ properties: { price: 4.99, currency: "GBP" } }, 499, "GBP"],
    [{ custom_data: { value: 9.99, currency: "usd" } }, 999, "USD"],
    [{ properties: { value: 2, currency: "CAD" } }, 200, "CAD"],
    // precedence: revenue beats price beats value
    [{ properties: { revenue: 1, price: 2, value: 3, currency: "USD" } }, 100, "USD"],
  ])("%j → %i %s", (extra, minor, currency) => {
    expect(rev(extra)).toEqual({ amountMinor: minor, currency });
  });

  it("no amount → revenue null (currency alone is ignored)", () => {
    expect(rev({})).toBeNull();
    expect(rev({ currency: "USD" })).toBeNull();
  });

  it("rejects an amount without currency, an unknown currency and a non-number amount", () => {
    expect(rejected({ ...base, properties: { revenue: 9.99 } })).toEqual({
      field: "currency",
      reason: "is required when properties.revenue is set (ISO 4217, e.g. USD)",
    });
    expect(rejected({ ...base, revenue: 1, currency: "ABC" }).field).toBe("currency");
    expect(rejected({ ...base, properties: { revenue: 1, currency: "dollars" } }).field).toBe("properties.currency");
    expect(rejected({ ...base, properties: { revenue: { amount: 1 }, currency: "USD" } }).field).toBe("properties.revenue");
    expect(rejected({ ...base, revenue: "9,99", currency: "USD" }).field).toBe("revenue");
  });

  it("property: any integer number of cents survives the major-unit float round trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(rev({ revenue: cents / 100, currency: "USD" })).toEqual({ amountMinor: cents, currency: "USD" });
      }),
    );
  });
});

describe("normalizeEvent — event ids", () => {
  const noId = omit(base, "event_id");

  it("derives a deterministic UUIDv5 from the payload when event_id is missing (retries dedup)", () => {
    const a = ok(noId);
    const b = ok(Object.fromEntries(Object.entries(noId).reverse()));
    expect(a.eventIdSource).toBe("derived_from_payload");
    expect(a.clientEventId).toBeNull();
    expect(isUuid(a.eventId)).toBe(true);
    expect(a.eventId[14]).toBe("5");
    expect(b.eventId).toBe(a.eventId);
    expect(ok({ ...noId, timestamp: "2026-05-12T19:00:01Z" }).eventId).not.toBe(a.eventId);
  });

  it("maps a non-UUID client id (Meta order id) to a UUIDv5 scoped by app and event", () => {
    const a = ok({ ...noId, event_id: "order_123" });
    expect(a.eventIdSource).toBe("derived_from_client_id");
    expect(a.clientEventId).toBe("order_123");
    expect(ok({ ...noId, event_id: "order_123", timestamp: "2026-05-11T00:00:00Z" }).eventId).toBe(a.eventId);
    expect(ok({ ...noId, event_id: "order_123", app_id: "other" }).eventId).not.toBe(a.eventId);
    expect(ok({ ...noId, event_id: "order_123", event: "purchase_attempt" }).eventId).not.toBe(a.eventId);
  });
});

describe("normalizeEvent — Meta CAPI-shaped events", () => {
  const ctx: NormalizeOptions = { now: NOW, appId: "sdk_app_123", defaults: { environment: "production" } };

  it("normalizes the assembled CAPI Purchase fixture and relays it back unchanged in substance", () => {
    const src = capiPurchase.data[0] as Record<string, unknown>;
    const r = normalizeEvent(src, ctx);
    // action_source "app" without extinfo gives no platform → caller must supply one
    expect(r).toEqual({ ok: false, field: "platform", reason: expect.any(String) });

    const e = ok(src, { ...ctx, defaults: { environment: "production", platform: "ios" } });
    expect(e).toMatchObject({
      event: "purchase_success",
      sourceEventName: "Purchase",
      clientEventId: "order_123",
      eventIdSource: "derived_from_client_id",
      revenue: { amountMinor: 999, currency: "USD" },
      actionSource: "app",
      platform: "ios",
    });
    expect(e.occurredAt.toISOString()).toBe("2026-05-12T17:41:13.000Z");
    expect(e.userData).toEqual(src.user_data);

    const relay = toMetaCapiEvent(e, NOW);
    expect(relay.ok).toBe(true);
    if (!relay.ok) return;
    expect(relay.event).toEqual({
      event_name: src.event_name,
      event_time: src.event_time,
      event_id: src.event_id,
      action_source: src.action_source,
      user_data: src.user_data,
      custom_data: src.custom_data,
      app_data: src.app_data,
    });
  });

  it("takes platform from extinfo or action_source=website", () => {
    const src = { ...capiPurchase.data[0], app_data: { extinfo: ["a2", "com.example"] } };
    expect(ok(src, ctx).platform).toBe("android");
    expect(ok({ ...capiPurchase.data[0], action_source: "website" }, ctx).platform).toBe("web");
  });

  it("maps the official PageView example to screen_view; unknown Meta names become snake_case", () => {
    const e = ok(capiPageView.data[0], { ...ctx, defaults: { environment: "production", platform: "web" } });
    expect(e.event).toBe("screen_view");
    expect(e.eventIdSource).toBe("derived_from_payload");
    const custom = ok({ ...capiPageView.data[0], event_name: "CustomizeProduct" }, { ...ctx, defaults: { environment: "production", platform: "web" } });
    expect(custom.event).toBe("customize_product");
    expect(rejected({ ...capiPageView.data[0], event_name: "Hello World!" }, ctx).field).toBe("event_name");
  });

  it("`event` wins over `event_name`", () => {
    expect(ok({ ...base, event_name: "Purchase" }).event).toBe("app_open");
  });
});

describe("parseIngestBody", () => {
  it.each([
    ["an array", [base]],
    ["a string", "hello"],
    ["null", null],
    ["events not an array", { events: base }],
    ["empty events", { events: [] }],
    ["too many events", { events: Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => base) }],
  ])("400 for %s", (_label, body) => {
    const r = parseIngestBody(body, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(400);
    // the exported zod envelope agrees
    expect(ZIngestBody.safeParse(body).success).toBe(false);
  });

  it("accepts a single event", () => {
    const r = parseIngestBody(base, opts);
    expect(ZIngestBody.safeParse(base).success).toBe(true);
    expect(r).toMatchObject({ ok: true, validCount: 1, rejectedCount: 0, results: [{ index: 0, outcome: "valid", eventId: base.event_id }] });
  });

  it("validates per event: one bad event does not reject the batch", () => {
    const r = parseIngestBody(sdkBatch, opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results.map((x) => x.outcome)).toEqual(["valid", "valid", "rejected"]);
    expect(r.results[2]).toMatchObject({ index: 2, outcome: "rejected", field: "event" });
    expect(r).toMatchObject({ validCount: 2, rejectedCount: 1 });
  });

  it("accepts exactly 1000 events and marks in-batch duplicates", () => {
    const events = Array.from({ length: MAX_BATCH_EVENTS }, (_, i) => ({ ...base, event_id: undefined, timestamp: new Date(NOW.getTime() - (i % 500) * 1000).toISOString() }));
    const r = parseIngestBody({ events }, opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.validCount).toBe(1000);
    const second = r.results[500];
    expect(second.outcome === "valid" && second.duplicateOfIndex).toBe(0);
    const first = r.results[0];
    expect(first.outcome === "valid" && first.duplicateOfIndex).toBeNull();
  });

  it("property: never throws on arbitrary JSON and always yields one result per event", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 20 }), (events) => {
        const r = parseIngestBody({ events }, opts);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.results.map((x) => x.index)).toEqual(events.map((_, i) => i));
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expect(() => parseIngestBody(body, opts)).not.toThrow();
      }),
    );
  });
});
