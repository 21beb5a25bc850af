import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyChanges } from "../changes";
import { AuthExpiredError, InvalidRequestError, PlatformOutageError, RateLimitedError, withRetry } from "../errors";
import { loadFixture, startMockServer, type MockServer } from "../testing/mock-server";
import { createMetaClient, META_API_VERSION } from "./client";
import { classifyMetaError, mapMetaError, parseMetaUsageHeaders } from "./errors";

const TOKEN = "EAAB-test-token";
const ACCOUNT = "1234567890";
const fx = <T = unknown>(name: string, base = "") => loadFixture<T>(import.meta.url, `fixtures/${name}`, { "{{BASE}}": base });

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  await server.close();
});

function client(extra: Partial<Parameters<typeof createMetaClient>[0]> = {}) {
  return createMetaClient({ accessToken: TOKEN, adAccountId: ACCOUNT, baseUrl: server.url, ...extra });
}

describe("Meta connector: reads", () => {
  it("uses Graph API v26.0", () => {
    expect(META_API_VERSION).toBe("v26.0");
  });

  it("lists campaigns, ad sets and ads with paging and maps them", async () => {
    server
      .on({ method: "GET", path: "/v26.0/act_1234567890/campaigns", respond: { body: await fx("campaigns.page1.assembled.json", server.url) } })
      .on({ method: "GET", path: "/v26.0/act_1234567890/campaigns", respond: { body: await fx("campaigns.page2.assembled.json") } })
      .on({ method: "GET", path: "/v26.0/act_1234567890/adsets", respond: { body: await fx("adsets.assembled.json") } })
      .on({ method: "GET", path: "/v26.0/act_1234567890/ads", respond: { body: await fx("ads.assembled.json") } });

    const entities = await client().listEntities();

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v26.0/act_1234567890/campaigns",
      "GET /v26.0/act_1234567890/campaigns",
      "GET /v26.0/act_1234567890/adsets",
      "GET /v26.0/act_1234567890/ads",
    ]);
    const [c1, c2, s, a] = server.requests;
    expect(c1.query).toEqual({ limit: "500", fields: "id,name,status,effective_status,daily_budget,created_time" });
    expect(c1.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // second page: exactly the paging.next URL
    expect(c2.query).toEqual({ fields: "id,name", limit: "500", after: "QVFIUjRk", access_token: "SHOULD-NOT-MATTER" });
    expect(s.query.fields).toBe(
      "id,name,campaign_id,status,effective_status,daily_budget,bid_amount,created_time,learning_stage_info",
    );
    expect(a.query.fields).toBe("id,name,adset_id,status,effective_status,created_time,creative{id}");

    expect(entities).toHaveLength(6);
    const byId = Object.fromEntries(entities.map((e) => [e.platformId, e]));
    expect(byId["120210000000000001"]).toMatchObject({
      level: "campaign", parentPlatformId: null, status: "active", dailyBudgetMinor: 5000, learning: false,
    });
    expect(byId["120210000000000001"].createdAt.toISOString()).toBe("2025-03-01T17:00:00.000Z");
    expect(byId["120210000000000002"]).toMatchObject({ status: "paused", dailyBudgetMinor: null });
    expect(byId["120210000000000101"]).toMatchObject({
      level: "adset", parentPlatformId: "120210000000000001", learning: true, dailyBudgetMinor: 2000, bidMinor: 100,
    });
    expect(byId["120210000000000102"]).toMatchObject({ learning: false, dailyBudgetMinor: null, status: "active", platformStatus: "CAMPAIGN_PAUSED" });
    expect(byId["120210000000001001"]).toMatchObject({
      level: "ad", parentPlatformId: "120210000000000101", learning: true, creativeRef: "120210000000009001", status: "active",
    });
    expect(byId["120210000000001002"]).toMatchObject({ status: "deleted", learning: false });
  });

  it("never follows paging.next to another host; uses the after cursor instead", async () => {
    const page1 = await fx<Record<string, unknown>>("campaigns.page1.assembled.json", "https://evil.example.com");
    server
      .on({ path: "/v26.0/act_1234567890/campaigns", respond: { body: page1 } })
      .on({ path: "/v26.0/act_1234567890/campaigns", respond: { body: await fx("campaigns.page2.assembled.json") } })
      .on({ path: "/v26.0/act_1234567890/adsets", respond: { body: { data: [] } } })
      .on({ path: "/v26.0/act_1234567890/ads", respond: { body: { data: [] } } });
    await client().listEntities();
    expect(server.requests[1].query).toEqual({
      limit: "500", fields: "id,name,status,effective_status,daily_budget,created_time", after: "QVFIUjRk",
    });
  });

  it("fetches daily ad insights with level/time_increment/time_range and follows paging", async () => {
    server
      .on({ path: "/v26.0/act_1234567890/insights", respond: { body: await fx("insights_daily_ad.page1.assembled.json", server.url) } })
      .on({ path: "/v26.0/act_1234567890/insights", respond: { body: await fx("insights_daily_ad.page2.assembled.json") } });

    const rows = await client().fetchDailyMetrics({ from: "2025-03-10", to: "2025-03-11" });

    expect(server.requests[0].method).toBe("GET");
    expect(server.requests[0].query).toEqual({
      limit: "500",
      level: "ad",
      time_increment: "1",
      time_range: '{"since":"2025-03-10","until":"2025-03-11"}',
      fields: "ad_id,account_currency,spend,impressions,clicks,frequency,actions,action_values,date_start,date_stop",
    });
    expect(server.requests[1].query).toEqual({ level: "ad", after: "MQZDZD" });
    expect(rows).toEqual([
      {
        platformId: "120210000000001001", level: "ad", date: "2025-03-10", spendMinor: 1234, impressions: 1520, clicks: 31,
        installs: 6, conversions: 2, revenueMinor: 1998, frequency: 1.12,
      },
      {
        platformId: "120210000000001001", level: "ad", date: "2025-03-11", spendMinor: 901, impressions: 1100, clicks: 20,
        installs: 4, conversions: 0, revenueMinor: null, frequency: 1.3,
      },
    ]);
  });

  it("parses the verbatim documented insights responses (strings, missing metrics)", async () => {
    server.on({ path: "/v26.0/act_1234567890/insights", respond: { body: await fx("insights_level_ad.response.json") } });
    const rows = await client().fetchDailyMetrics({ from: "2016-03-28", to: "2016-04-01" });
    expect(rows.map((r) => [r.platformId, r.impressions, r.spendMinor, r.installs, r.frequency])).toEqual([
      ["6142546123068", 9708, 0, 0, null],
      ["6142546117828", 18841, 0, 0, null],
    ]);

    server.on({ path: "/v26.0/act_1234567890/insights", respond: { body: await fx("insights_campaign_default.response.json") } });
    const campaignRows = await client().fetchDailyMetrics({ from: "2025-03-14", to: "2025-04-12" }, "campaign");
    expect(server.requests[1].query.level).toBe("campaign");
    expect(server.requests[1].query.fields.startsWith("campaign_id,")).toBe(true);
    expect(campaignRows[0]).toMatchObject({ platformId: "<CAMPAIGN_ID>", spendMinor: 533950, impressions: 361324, date: "2025-03-14" });
  });

  it("rejects keyword-level insights without a request", async () => {
    await expect(client().fetchDailyMetrics({ from: "2025-01-01", to: "2025-01-02" }, "keyword")).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });

  it("adds appsecret_proof when an app secret is configured", async () => {
    server.on({ path: "/v26.0/act_1234567890/insights", respond: { body: { data: [] } } });
    await client({ appSecret: "s3cret" }).fetchDailyMetrics({ from: "2025-03-10", to: "2025-03-10" });
    expect(server.requests[0].query.appsecret_proof).toBe(createHmac("sha256", "s3cret").update(TOKEN).digest("hex"));
  });

  it("reports account health from account_status / spend cap", async () => {
    server.on({
      path: "/v26.0/act_1234567890",
      respond: { body: { id: "act_1234567890", account_status: 3, disable_reason: 0, spend_cap: "100000", amount_spent: "100000", currency: "USD" } },
    });
    const health = await client().getAccountHealth();
    expect(server.requests[0].query).toEqual({ fields: "account_status,disable_reason,spend_cap,amount_spent,currency" });
    expect(health).toEqual({ status: "restricted", spendCapReached: true, paymentIssue: true, message: "unsettled balance; spend cap reached" });

    server.on({ path: "/v26.0/act_1234567890", respond: { body: { account_status: 1, spend_cap: "0", amount_spent: "523" } } });
    expect(await client().getAccountHealth()).toEqual({ status: "ok", spendCapReached: false, paymentIssue: false, message: null });
  });
});

describe("Meta connector: writes", () => {
  it("pauses / resumes / sets budget and bid with form-encoded POST /<id>", async () => {
    server.on({ method: "POST", respond: { body: { success: true } }, times: 4 });
    const c = client();
    await c.pause("120210000000001001", "ad");
    await c.resume("120210000000000101", "adset");
    await c.setDailyBudget("120210000000000101", "adset", 2000);
    await c.setBid("120210000000000101", "adset", 150);

    expect(server.requests.map((r) => [r.method, r.path, r.form])).toEqual([
      ["POST", "/v26.0/120210000000001001", { status: "PAUSED" }],
      ["POST", "/v26.0/120210000000000101", { status: "ACTIVE" }],
      ["POST", "/v26.0/120210000000000101", { daily_budget: "2000" }],
      ["POST", "/v26.0/120210000000000101", { bid_amount: "150" }],
    ]);
    for (const r of server.requests) {
      expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.query).toEqual({});
    }
  });

  it("refuses changes Meta does not support, without calling it", async () => {
    const c = client();
    await expect(c.setBid("1", "ad", 100)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setDailyBudget("1", "ad", 100)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setDailyBudget("1", "adset", 0)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setDailyBudget("1", "adset", 10.5)).rejects.toThrow(RangeError);
    await expect(c.pause("1", "keyword")).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });

  it("creates an ad once per idempotency key", async () => {
    server.on({ method: "POST", path: "/v26.0/act_1234567890/ads", respond: { body: { id: "120210000000001999" } } });
    const c = client();
    const input = { adsetPlatformId: "120210000000000101", creativeRef: "120210000000009003", name: "Video C", idempotencyKey: "refresh-42" };
    expect(await c.createAd(input)).toEqual({ platformId: "120210000000001999" });
    expect(await c.createAd(input)).toEqual({ platformId: "120210000000001999" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].form).toEqual({
      name: "Video C", adset_id: "120210000000000101", creative: '{"creative_id":"120210000000009003"}', status: "ACTIVE",
    });
  });

  it("batches changes and reports a partial failure per item", async () => {
    server.on({ method: "POST", path: "/v26.0/", respond: { body: await fx("batch_partial_failure.assembled.json") } });
    const changes = [
      { kind: "pause", platformId: "111", level: "ad" },
      { kind: "set_daily_budget", platformId: "222", level: "adset", amountMinor: 2500 },
      { kind: "set_bid", platformId: "222", level: "adset", amountMinor: 120 },
      { kind: "set_bid", platformId: "333", level: "ad", amountMinor: 120 }, // unsupported: never sent
    ] as const;
    const results = await applyChanges(client(), [...changes]);

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.form?.include_headers).toBe("false");
    expect(JSON.parse(req.form?.batch ?? "null")).toEqual([
      { method: "POST", relative_url: "111", body: "status=PAUSED" },
      { method: "POST", relative_url: "222", body: "daily_budget=2500" },
      { method: "POST", relative_url: "222", body: "bid_amount=120" },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    const failed = results[1];
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error).toBeInstanceOf(InvalidRequestError);
      expect(failed.error).toMatchObject({ platform: "meta", code: 100, subcode: 1885272, requestId: "AbCdEf123", httpStatus: 400 });
    }
    if (!results[3].ok) expect(results[3].error).toBeInstanceOf(InvalidRequestError);
  });

  it("treats a null batch item (Meta timed it out) as an outage for that item only", async () => {
    server.on({ method: "POST", path: "/v26.0/", respond: { body: [{ code: 200, body: '{"success":true}' }, null] } });
    const results = await applyChanges(client(), [
      { kind: "pause", platformId: "1", level: "ad" },
      { kind: "pause", platformId: "2", level: "ad" },
    ]);
    expect(results[0].ok).toBe(true);
    expect(!results[1].ok && results[1].error).toBeInstanceOf(PlatformOutageError);
  });
});

describe("Meta connector: errors and throttling", () => {
  it("maps code 17 with x-business-use-case-usage to RateLimited and succeeds after the retry", async () => {
    const envelope = await fx("error_envelope.assembled.json");
    const headers = await fx<Record<string, string>>("rate_limit_headers.captured.json");
    const buc = JSON.parse(headers["X-Business-Use-Case-Usage"]) as Record<string, Array<Record<string, unknown>>>;
    buc["339410370"][0].estimated_time_to_regain_access = 2; // minutes
    server
      .on({ path: "/v26.0/act_1234567890/insights", respond: { status: 400, body: envelope, headers: { "x-business-use-case-usage": JSON.stringify(buc) } } })
      .on({ path: "/v26.0/act_1234567890/insights", respond: { body: { data: [] } } });

    const sleeps: number[] = [];
    const errors: unknown[] = [];
    const rows = await withRetry(() => client().fetchDailyMetrics({ from: "2025-03-10", to: "2025-03-10" }), {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
      maxMs: 10 * 60_000,
      onRetry: ({ error }) => errors.push(error),
    });
    expect(rows).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].query).toEqual(server.requests[0].query);
    expect(sleeps).toEqual([120_000]);
    expect(errors[0]).toBeInstanceOf(RateLimitedError);
    expect(errors[0]).toMatchObject({ code: 17, subcode: 2446079, requestId: "ABC123", retryAfterMs: 120_000, httpStatus: 400 });
  });

  it("gives up at once when Meta asks for a wait longer than maxMs", async () => {
    server.on({
      path: "/v26.0/act_1234567890/insights",
      respond: {
        status: 400,
        body: { error: { message: "too many calls", code: 80004, fbtrace_id: "T1" } },
        headers: { "x-business-use-case-usage": JSON.stringify({ "1": [{ type: "ads_management", estimated_time_to_regain_access: 30 }] }) },
      },
    });
    const sleeps: number[] = [];
    const err = await withRetry(() => client().fetchDailyMetrics({ from: "2025-03-10", to: "2025-03-10" }), {
      sleep: async (ms) => void sleeps.push(ms),
      maxMs: 60_000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(30 * 60_000);
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("maps an expired token (190) to AuthExpired and does not retry", async () => {
    server.on({
      path: "/v26.0/act_1234567890/campaigns",
      respond: {
        status: 400,
        body: { error: { message: "Error validating access token: Session has expired", type: "OAuthException", code: 190, error_subcode: 463, fbtrace_id: "Xyz" } },
      },
    });
    const err = await withRetry(() => client().listEntities(), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthExpiredError);
    expect(err).toMatchObject({ platform: "meta", code: 190, subcode: 463, requestId: "Xyz" });
    expect(server.requests).toHaveLength(1);
  });

  it("maps 5xx without a body to PlatformOutage", async () => {
    server.on({ path: "/v26.0/act_1234567890", respond: { status: 503, body: "" } });
    await expect(client().getAccountHealth()).rejects.toBeInstanceOf(PlatformOutageError);
  });

  it("classifies every documented code", async () => {
    const codes = await fx<{
      rate_limit: Array<{ code: number; error_subcode: number | null }>;
      ads_insights: Array<{ code: number; error_subcode: number; summary: string }>;
      generic_edge_errors: Array<{ code: number }>;
    }>("error_codes.official.json");
    for (const e of codes.rate_limit) expect(classifyMetaError(e.code, e.error_subcode, 400, false)).toBe("rate_limited");
    const insightKinds = Object.fromEntries(codes.ads_insights.map((e) => [`${e.code}/${e.error_subcode}`, classifyMetaError(e.code, e.error_subcode, 400, false)]));
    expect(insightKinds).toEqual({
      "-2/2490547": "platform_outage", // report failed, try again later
      "100/1504018": "invalid_request", // timed out: needs a smaller request
      "4/1504022": "rate_limited",
      "2/1504038": "platform_outage",
      "4/1504039": "rate_limited",
      "2/1504041": "invalid_request",
      "2/1504042": "invalid_request",
      "2/1504043": "platform_outage",
    });
    expect(codes.generic_edge_errors.map((e) => classifyMetaError(e.code, null, 400, false))).toEqual([
      "invalid_request", "auth_expired", "invalid_request", "invalid_request",
    ]);
    expect(classifyMetaError(32, null, 400, false)).toBe("rate_limited");
    expect(classifyMetaError(80000, null, 400, false)).toBe("rate_limited");
    expect(classifyMetaError(80014, null, 400, false)).toBe("rate_limited");
    expect(classifyMetaError(80015, null, 400, false)).toBe("invalid_request");
    expect(classifyMetaError(1, null, 500, false)).toBe("platform_outage");
    expect(classifyMetaError(100, 33, 400, false)).toBe("not_found");
    expect(classifyMetaError(null, null, 502, false)).toBe("platform_outage");
    expect(classifyMetaError(null, null, 429, false)).toBe("rate_limited");
  });

  it("reads wait hints from all three usage headers", () => {
    const h = new Headers({
      "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 30 }),
      "x-ad-account-usage": JSON.stringify({ acc_id_util_pct: 12, reset_time_duration: 90 }),
    });
    expect(parseMetaUsageHeaders(h)).toEqual({ maxUtilPct: 100, regainAccessMs: 90_000 });
    const captured = new Headers({
      "x-business-use-case-usage":
        '{"339410370":[{"type":"ads_insights","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0,"ads_api_access_tier":"development_access"}]}',
    });
    expect(parseMetaUsageHeaders(captured)).toEqual({ maxUtilPct: 1, regainAccessMs: null });
    const err = mapMetaError({ httpStatus: 400, body: { error: { code: 613, error_subcode: 1487742, message: "x" } }, headers: captured });
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeNull();
  });

  it("turns a refused connection into PlatformOutage (network)", async () => {
    const url = server.url;
    await server.close();
    const err = await createMetaClient({ accessToken: TOKEN, adAccountId: ACCOUNT, baseUrl: url }).getAccountHealth().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformOutageError);
    expect(err).toMatchObject({ code: "network" });
    server = await startMockServer(); // for afterEach
  });
});
