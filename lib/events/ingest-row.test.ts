import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adPlatformFromSource, ingestOutcome, MAX_REVENUE_MINOR, planIngest, toIngestRow, unstorablePath } from "./ingest-row";
import { normalizeEvent, parseIngestBody, type NormalizedEvent } from "./normalize";

const now = new Date("2026-05-12T18:00:00Z");
const base = { event: "app_install", timestamp: "2026-05-12T16:00:00Z", app_id: "app", environment: "production", platform: "ios" };

function normalized(fields: Record<string, unknown> = {}): NormalizedEvent {
  const r = normalizeEvent({ ...base, ...fields }, { now });
  if (!r.ok) throw new Error(`${r.field}: ${r.reason}`);
  return r.event;
}

describe("ad platform attribution", () => {
  it.each([
    ["Facebook", "meta"], ["ig", "meta"], ["meta_ads", "meta"], ["TikTok Ads", "tiktok"], ["apple-search-ads", "apple_search_ads"],
    ["ASA", "apple_search_ads"], ["google", null], ["", null], [42, null],
  ])("%s → %s", (source, expected) => expect(adPlatformFromSource(source)).toBe(expected));

  it("an explicit ad_platform wins over properties and utm_source; unknown stays null", () => {
    expect(toIngestRow(normalized({ utm_source: "facebook", ad_platform: "tiktok" }))).toMatchObject({ ok: true, row: { adPlatform: "tiktok" } });
    expect(toIngestRow(normalized({ utm_source: "facebook", properties: { ad_platform: "asa" } }))).toMatchObject({ ok: true, row: { adPlatform: "apple_search_ads" } });
    expect(toIngestRow(normalized({ utm_source: "facebook" }))).toMatchObject({ ok: true, row: { adPlatform: "meta" } });
    expect(toIngestRow(normalized({ utm_source: "newsletter" }))).toMatchObject({ ok: true, row: { adPlatform: null } });
  });
});

describe("toIngestRow", () => {
  it("maps columns and keeps everything else in the JSON payload", () => {
    const r = toIngestRow(normalized({ event_id: "order_1", app_user_id: 7, properties: { revenue: "9.99", currency: "usd", level: 3 }, os_version: "18", sdk_name: "swift" }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.row).toMatchObject({ name: "app_install", appUserId: "7", revenueMinor: 999, currency: "USD", environment: "production", platform: "ios" });
    expect(JSON.parse(r.row.payload)).toMatchObject({ clientEventId: "order_1", device: { osVersion: "18" }, properties: { level: 3 }, extra: { sdk_name: "swift" } });
  });

  it("rejects what PostgreSQL cannot store, naming the field as sent", () => {
    expect(toIngestRow(normalized({ properties: { a: { b: ["ok", "x\u0000"] } } }))).toMatchObject({ ok: false, field: "properties.a.b[1]" });
    expect(toIngestRow(normalized({ app_user_id: "\uD800" }))).toMatchObject({ ok: false, field: "app_user_id" });
    expect(toIngestRow(normalized({ custom: { "k\u0000": 1 } }))).toMatchObject({ ok: false, field: "custom.k\u0000" });
    expect(toIngestRow(normalized({ revenue: "99999999", currency: "USD" }))).toMatchObject({ ok: false, field: "revenue" });
    expect(toIngestRow(normalized({ revenue: String(MAX_REVENUE_MINOR / 100), currency: "USD" })).ok).toBe(true);
    // Text that merely looks like an escape is fine.
    expect(toIngestRow(normalized({ properties: { path: "C:\\u0000\\ud800" } })).ok).toBe(true);
  });

  it("property: paired surrogates (emoji) are storable, any string with NUL is not", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(unstorablePath({ v: `😀${s.replace(/\u0000/g, "")}😀`.replace(/[\uD800-\uDFFF]/g, "") })).toBeNull();
      expect(unstorablePath({ v: `${s}\u0000` })).toBe("v");
    }));
  });
});

describe("planIngest / ingestOutcome", () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const body = { events: [{ ...base, event_id: id(1) }, { ...base, event_id: id(2) }, { ...base, event_id: id(1) }, { ...base, event_id: "x", timestamp: "no" }, { ...base, event_id: id(3), properties: { s: "\u0000" } }] };

  it("inserts the first occurrence of each id; repeats are duplicates; rejections keep the id as sent", () => {
    const parsed = parseIngestBody(body, { now });
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = planIngest(parsed.results, body.events);
    expect(plan.rows.map((r) => r.eventId)).toEqual([id(1), id(2)]);
    const outcome = ingestOutcome(plan, new Set([id(1)]));
    expect(outcome).toMatchObject({ accepted: 1, duplicate: 2, rejected: 2 });
    expect(outcome.results).toEqual([
      { index: 0, event_id: id(1), status: "accepted" },
      { index: 1, event_id: id(2), status: "duplicate" },
      { index: 2, event_id: id(1), status: "duplicate" },
      { index: 3, event_id: "x", status: "rejected", field: "timestamp", reason: expect.any(String) },
      { index: 4, event_id: id(3), status: "rejected", field: "properties.s", reason: expect.stringContaining("NUL") },
    ]);
  });
});
