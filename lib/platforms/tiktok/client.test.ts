import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyChanges } from "../changes";
import { AuthExpiredError, InvalidRequestError, NotFoundError, PlatformOutageError, RateLimitedError, withRetry } from "../errors";
import { loadFixture, startMockServer, type MockServer } from "../testing/mock-server";
import { createTikTokClient, TIKTOK_BASE_URL } from "./client";
import { classifyTikTokError } from "./errors";

const TOKEN = "tt-access-token";
const ADV = "7000000000000000001";
const PREFIX = "/open_api/v1.3";
const fx = <T = unknown>(name: string, replace: Record<string, string> = {}) => loadFixture<T>(import.meta.url, `fixtures/${name}`, replace);
const ok = (data: unknown = {}) => ({ body: { code: 0, message: "OK", request_id: "req-ok", data } });

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  await server.close();
});

function client(extra: Partial<Parameters<typeof createTikTokClient>[0]> = {}) {
  return createTikTokClient({ accessToken: TOKEN, advertiserId: ADV, baseUrl: `${server.url}${PREFIX}`, ...extra });
}

describe("TikTok connector: reads", () => {
  it("targets the v1.3 API", () => {
    expect(TIKTOK_BASE_URL).toBe("https://business-api.tiktok.com/open_api/v1.3");
  });

  it("lists campaigns, ad groups and ads (currency from /advertiser/info/)", async () => {
    server
      .on({ path: `${PREFIX}/advertiser/info/`, respond: { body: await fx("advertiser_info.assembled.json") } })
      .on({ path: `${PREFIX}/campaign/get/`, respond: { body: await fx("campaign_get.assembled.json") } })
      .on({ path: `${PREFIX}/adgroup/get/`, respond: { body: await fx("adgroup_get.assembled.json") } })
      .on({ path: `${PREFIX}/ad/get/`, respond: { body: await fx("ad_get.assembled.json") } });

    const entities = await client().listEntities();

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${PREFIX}/advertiser/info/`,
      `GET ${PREFIX}/campaign/get/`,
      `GET ${PREFIX}/adgroup/get/`,
      `GET ${PREFIX}/ad/get/`,
    ]);
    for (const r of server.requests) expect(r.headers["access-token"]).toBe(TOKEN);
    expect(server.requests[0].query).toEqual({
      advertiser_ids: `["${ADV}"]`,
      fields: '["advertiser_id","name","status","currency","balance","timezone"]',
    });
    expect(server.requests[1].query).toEqual({
      advertiser_id: ADV,
      fields: '["campaign_id","campaign_name","operation_status","secondary_status","budget","budget_mode","create_time"]',
      page: "1",
      page_size: "1000",
    });
    expect(JSON.parse(server.requests[2].query.fields)).toContain("bid_price");
    expect(JSON.parse(server.requests[3].query.fields)).toContain("video_id");

    const byId = Object.fromEntries(entities.map((e) => [e.platformId, e]));
    expect(byId["1800000000000000001"]).toMatchObject({ level: "campaign", status: "active", dailyBudgetMinor: null, currency: "USD" });
    expect(byId["1800000000000000001"].createdAt.toISOString()).toBe("2025-03-01T08:00:00.000Z");
    expect(byId["1810000000000000001"]).toMatchObject({
      level: "adset", parentPlatformId: "1800000000000000001", learning: true, dailyBudgetMinor: 5000, bidMinor: 150, status: "active",
    });
    expect(byId["1810000000000000002"]).toMatchObject({ status: "paused", dailyBudgetMinor: null, bidMinor: null, learning: false });
    expect(byId["1820000000000000001"]).toMatchObject({
      level: "ad", parentPlatformId: "1810000000000000001", learning: true, creativeRef: "v10044g50000abcdef",
    });
  });

  it("fetches the daily ad report with exact parameters and page_info paging", async () => {
    server
      .on({ path: `${PREFIX}/report/integrated/get/`, respond: { body: await fx("report_ad_daily.page1.assembled.json") } })
      .on({ path: `${PREFIX}/report/integrated/get/`, respond: { body: await fx("report_ad_daily.page2.assembled.json") } });

    const rows = await client({ currency: "USD" }).fetchDailyMetrics({ from: "2025-03-10", to: "2025-03-11" });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].query).toEqual({
      advertiser_id: ADV,
      report_type: "BASIC",
      data_level: "AUCTION_AD",
      dimensions: '["ad_id","stat_time_day"]',
      metrics: '["spend","impressions","clicks","app_install","conversion","total_purchase_value"]',
      start_date: "2025-03-10",
      end_date: "2025-03-11",
      page: "1",
      page_size: "1000",
    });
    expect(server.requests[1].query.page).toBe("2");
    expect(rows).toEqual([
      { platformId: "1820000000000000001", level: "ad", date: "2025-03-10", spendMinor: 4873, impressions: 6120, clicks: 96, installs: 11, conversions: 3, revenueMinor: 2997, frequency: null },
      { platformId: "1820000000000000001", level: "ad", date: "2025-03-11", spendMinor: 5100, impressions: 6500, clicks: 88, installs: 9, conversions: 0, revenueMinor: 0, frequency: null },
    ]);
  });

  it("splits ranges longer than 30 days (daily breakdown limit)", async () => {
    server.on({ path: `${PREFIX}/report/integrated/get/`, respond: ok({ list: [], page_info: { page: 1, total_page: 1 } }), times: 2 });
    await client({ currency: "USD" }).fetchDailyMetrics({ from: "2025-01-01", to: "2025-02-14" }, "adset");
    expect(server.requests.map((r) => [r.query.start_date, r.query.end_date, r.query.data_level, r.query.dimensions])).toEqual([
      ["2025-01-01", "2025-01-30", "AUCTION_ADGROUP", '["adgroup_id","stat_time_day"]'],
      ["2025-01-31", "2025-02-14", "AUCTION_ADGROUP", '["adgroup_id","stat_time_day"]'],
    ]);
  });

  it("parses the documented report payloads", async () => {
    server.on({ path: `${PREFIX}/report/integrated/get/`, respond: { body: await fx("report_basic.response.thirdparty_doc.json") } });
    server.on({ path: `${PREFIX}/report/integrated/get/`, respond: { body: { code: 0, message: "OK", data: { list: [], page_info: { page: 2, total_page: 3 } } } } });
    const rows = await client({ currency: "USD", revenueMetric: null }).fetchDailyMetrics({ from: "2024-01-15", to: "2024-01-15" }, "campaign");
    expect(rows).toEqual([
      { platformId: "1680018437245954", level: "campaign", date: "2024-01-15", spendMinor: 126587, impressions: 3840449, clicks: 45231, installs: 0, conversions: 0, revenueMinor: null, frequency: null },
    ]);
    // an empty page ends paging even if page_info claims more pages
    expect(server.requests).toHaveLength(2);

    const captured = await fx<{ data: { list: Array<{ metrics: { spend: string } }> } }>("gmv_max_report.response.captured.json");
    expect(captured.data.list.map((r) => r.metrics.spend)).toEqual(["6865538", "11358015"]);
  });

  it("maps advertiser status to account health", async () => {
    const info = await fx<{ data: { list: Array<Record<string, unknown>> } }>("advertiser_info.assembled.json");
    server.on({ path: `${PREFIX}/advertiser/info/`, respond: { body: info } });
    expect(await client().getAccountHealth()).toEqual({ status: "ok", spendCapReached: false, paymentIssue: false, message: null });
    info.data.list[0].status = "STATUS_LIMIT";
    server.on({ path: `${PREFIX}/advertiser/info/`, respond: { body: info } });
    expect(await client().getAccountHealth()).toMatchObject({ status: "restricted", message: "STATUS_LIMIT" });
    info.data.list[0].status = "STATUS_DISABLE";
    server.on({ path: `${PREFIX}/advertiser/info/`, respond: { body: info } });
    expect((await client().getAccountHealth()).status).toBe("disabled");
  });
});

describe("TikTok connector: writes", () => {
  it("sends status updates shaped like the SDK models", async () => {
    const adRef = await fx<Record<string, unknown>>("ad_status_update.request.json", { "<ADVERTISER_ID>": ADV, "<AD_ID>": "1820000000000000001" });
    const agRef = await fx<Record<string, unknown>>("adgroup_status_update.request.json", { "<ADVERTISER_ID>": ADV, "<ADGROUP_ID>": "1810000000000000001" });
    server.on({ method: "POST", respond: ok(), times: 4 });
    const c = client();
    await c.pause("1820000000000000001", "ad");
    await c.pause("1810000000000000001", "adset");
    await c.resume("1810000000000000001", "adset");
    await c.pause("1800000000000000001", "campaign");

    expect(server.requests.map((r) => [r.method, r.path])).toEqual([
      ["POST", `${PREFIX}/ad/status/update/`],
      ["POST", `${PREFIX}/adgroup/status/update/`],
      ["POST", `${PREFIX}/adgroup/status/update/`],
      ["POST", `${PREFIX}/campaign/status/update/`],
    ]);
    expect(server.requests[0].json).toEqual(adRef);
    expect(server.requests[1].json).toEqual(agRef);
    expect(server.requests[2].json).toEqual({ ...agRef, operation_status: "ENABLE" });
    expect(server.requests[3].json).toEqual({ advertiser_id: ADV, campaign_ids: ["1800000000000000001"], operation_status: "DISABLE" });
    for (const r of server.requests) {
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["access-token"]).toBe(TOKEN);
    }
  });

  it("updates budget and bid through /adgroup/update/ in whole currency units", async () => {
    const ref = await fx<Record<string, unknown>>("adgroup_update.request.json", { "<ADVERTISER_ID>": ADV, "<ADGROUP_ID>": "1810000000000000001" });
    server.on({ method: "POST", respond: ok(), times: 3 });
    const c = client({ currency: "USD" });
    await c.setDailyBudget("1810000000000000001", "adset", 5000);
    await c.setBid("1810000000000000001", "adset", 150);
    await c.setDailyBudget("1800000000000000001", "campaign", 12345);

    expect(server.requests[0].path).toBe(`${PREFIX}/adgroup/update/`);
    expect(server.requests[0].json).toEqual({ advertiser_id: ADV, adgroup_id: "1810000000000000001", budget: ref.budget });
    expect(server.requests[1].json).toEqual({ advertiser_id: ADV, adgroup_id: "1810000000000000001", bid_price: ref.bid_price });
    expect(server.requests[2].path).toBe(`${PREFIX}/campaign/update/`);
    expect(server.requests[2].json).toEqual({ advertiser_id: ADV, campaign_id: "1800000000000000001", budget: 123.45 });
  });

  it("converts with the advertiser currency (JPY has no minor unit)", async () => {
    server
      .on({ path: `${PREFIX}/advertiser/info/`, respond: ok({ list: [{ advertiser_id: ADV, currency: "JPY", status: "STATUS_ENABLE" }] }) })
      .on({ path: `${PREFIX}/adgroup/update/`, respond: ok() });
    await client().setDailyBudget("1810000000000000001", "adset", 5000);
    expect(server.requests[1].json).toEqual({ advertiser_id: ADV, adgroup_id: "1810000000000000001", budget: 5000 });
  });

  it("creates an ad once per idempotency key", async () => {
    server.on({ path: `${PREFIX}/ad/create/`, respond: ok({ ad_ids: ["1820000000000000009"] }) });
    const c = client({ adCreativeDefaults: { identity_id: "id-1", identity_type: "CUSTOMIZED_USER", ad_text: "Try it", call_to_action: "DOWNLOAD_NOW" } });
    const input = { adsetPlatformId: "1810000000000000001", creativeRef: "v10044g50000zzz", name: "UGC hook v2", idempotencyKey: "k1" };
    expect(await c.createAd(input)).toEqual({ platformId: "1820000000000000009" });
    expect(await c.createAd(input)).toEqual({ platformId: "1820000000000000009" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].json).toEqual({
      advertiser_id: ADV,
      adgroup_id: "1810000000000000001",
      creatives: [{ identity_id: "id-1", identity_type: "CUSTOMIZED_USER", ad_text: "Try it", call_to_action: "DOWNLOAD_NOW", ad_name: "UGC hook v2", video_id: "v10044g50000zzz" }],
    });
  });

  it("reports a partial failure when one of several updates is rejected", async () => {
    server
      .on({ path: `${PREFIX}/ad/status/update/`, respond: ok() })
      .on({ path: `${PREFIX}/ad/status/update/`, respond: { body: { code: 40002, message: "ad_ids: ad 999 does not exist", request_id: "req-bad", data: {} } } })
      .on({ path: `${PREFIX}/adgroup/update/`, respond: ok() });
    const results = await applyChanges(client({ currency: "USD" }), [
      { kind: "pause", platformId: "1820000000000000001", level: "ad" },
      { kind: "pause", platformId: "999", level: "ad" },
      { kind: "set_bid", platformId: "1810000000000000001", level: "adset", amountMinor: 175 },
    ]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2].json).toEqual({ advertiser_id: ADV, adgroup_id: "1810000000000000001", bid_price: 1.75 });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    const failed = results[1];
    if (!failed.ok) {
      expect(failed.error).toBeInstanceOf(NotFoundError);
      expect(failed.error).toMatchObject({ platform: "tiktok", code: 40002, requestId: "req-bad", httpStatus: 200 });
    }
  });

  it("refuses unsupported changes without calling TikTok", async () => {
    const c = client({ currency: "USD" });
    await expect(c.setBid("1", "ad", 100)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setDailyBudget("1", "ad", 100)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.pause("1", "keyword")).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.fetchDailyMetrics({ from: "2025-01-01", to: "2025-01-01" }, "keyword")).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("TikTok connector: errors and throttling", () => {
  it("retries code 40100 (HTTP 200) and then succeeds", async () => {
    server
      .on({ path: `${PREFIX}/adgroup/status/update/`, respond: { body: { code: 40100, message: "Requests made too frequently.", request_id: "req-rl", data: {} } } })
      .on({ path: `${PREFIX}/adgroup/status/update/`, respond: ok() });
    const sleeps: number[] = [];
    const seen: unknown[] = [];
    await withRetry(() => client().pause("1810000000000000001", "adset"), {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      baseMs: 1000,
      onRetry: ({ error }) => seen.push(error),
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].json).toEqual(server.requests[0].json);
    expect(seen[0]).toBeInstanceOf(RateLimitedError);
    expect(seen[0]).toMatchObject({ code: 40100, requestId: "req-rl", retryAfterMs: null });
    expect(sleeps).toEqual([750]); // step 1000: 500 fixed + 0.5 × 500 jitter
  });

  it("maps the observed 40104 response to AuthExpired without retrying", async () => {
    server.on({ path: `${PREFIX}/campaign/get/`, respond: { body: await fx("error_40104.response.observed.json") } });
    const err = await withRetry(() => client({ currency: "USD" }).listEntities(), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthExpiredError);
    expect(err).toMatchObject({ code: 40104, requestId: "..." });
    expect(server.requests).toHaveLength(1);
  });

  it("maps HTTP-level failures", async () => {
    server.on({ respond: { status: 429, body: "", headers: { "retry-after": "3" } } });
    const rl = await client({ currency: "USD" }).pause("1", "ad").catch((e: unknown) => e);
    expect(rl).toBeInstanceOf(RateLimitedError);
    expect((rl as RateLimitedError).retryAfterMs).toBe(3000);
    server.on({ respond: { status: 502, body: "<html>bad gateway</html>" } });
    await expect(client({ currency: "USD" }).pause("1", "ad")).rejects.toBeInstanceOf(PlatformOutageError);
  });

  it("classifies the documented codes", () => {
    expect(classifyTikTokError(40100, 200)).toBe("rate_limited");
    expect(classifyTikTokError(40016, 200)).toBe("rate_limited");
    expect(classifyTikTokError(40133, 200)).toBe("rate_limited");
    expect(classifyTikTokError(40102, 200)).toBe("auth_expired");
    expect(classifyTikTokError(40104, 200)).toBe("auth_expired");
    expect(classifyTikTokError(40105, 200)).toBe("auth_expired");
    expect(classifyTikTokError(40002, 200, "budget too low")).toBe("invalid_request");
    expect(classifyTikTokError(40001, 200)).toBe("invalid_request");
    expect(classifyTikTokError(50000, 200)).toBe("platform_outage");
    expect(classifyTikTokError(50002, 200)).toBe("platform_outage");
    expect(classifyTikTokError(null, 503)).toBe("platform_outage");
  });
});
