import { generateKeyPairSync, verify, type KeyObject } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyChanges } from "../changes";
import { AuthExpiredError, InvalidRequestError, NotFoundError, RateLimitedError, withRetry } from "../errors";
import { loadFixture, startMockServer, type MockServer } from "../testing/mock-server";
import { APPLE_TOKEN_URL, AppleTokenProvider, createAppleClientSecret } from "./auth";
import { APPLE_ADS_BASE_URL, createAppleAdsClient } from "./client";

const fx = <T = unknown>(name: string) => loadFixture<T>(import.meta.url, `fixtures/${name}`);
const ids = { clientId: "SEARCHADS.aeb3ef5f-0c5a-4f2a-99c8-fca83f25a9", teamId: "SEARCHADS.hgw3ef3p-0w7a-8a2n-77c8-scv83f25a7", keyId: "a273d0d3-4d9e-458c-a173-0db8619ca7d7" };
const AD_ACCOUNT = "123456789";
const T0 = Date.parse("2026-09-01T12:00:00Z");

let privateKeyPem: string;
let publicKey: KeyObject;
beforeAll(() => {
  const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  privateKeyPem = pair.privateKey.export({ format: "pem", type: "sec1" }).toString(); // "BEGIN EC PRIVATE KEY", as openssl ecparam writes it
  publicKey = pair.publicKey;
});

let server: MockServer;
let now = T0;
beforeEach(async () => {
  server = await startMockServer();
  now = T0;
});
afterEach(async () => {
  await server.close();
});

function client(extra: Partial<Parameters<typeof createAppleAdsClient>[0]> = {}) {
  return createAppleAdsClient({
    ...ids,
    privateKeyPem,
    orgId: "987654321",
    adAccountId: AD_ACCOUNT,
    baseUrl: `${server.url}/v1`,
    tokenUrl: `${server.url}/auth/oauth2/token`,
    now: () => now,
    ...extra,
  });
}

async function tokenRoute(times = 1) {
  server.on({ method: "POST", path: "/auth/oauth2/token", respond: { body: await fx("oauth_token.response.json") }, times });
}

function decodeJwt(jwt: string) {
  const [h, p, s] = jwt.split(".");
  return {
    header: JSON.parse(Buffer.from(h, "base64url").toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>,
    valid: verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url")),
    signatureBytes: Buffer.from(s, "base64url").length,
  };
}

const apiRequests = () => server.requests.filter((r) => r.path.startsWith("/v1/"));
const tokenRequests = () => server.requests.filter((r) => r.path === "/auth/oauth2/token");

describe("Apple Ads OAuth", () => {
  it("defaults to the documented hosts", () => {
    expect(APPLE_ADS_BASE_URL).toBe("https://api.ads.apple.com/v1");
    expect(APPLE_TOKEN_URL).toBe("https://appleid.apple.com/auth/oauth2/token");
  });

  it("builds an ES256 client secret with the documented header and claims", () => {
    const jwt = createAppleClientSecret({ ...ids, privateKeyPem, nowSec: 2234567891, lifetimeSec: 3600 });
    const { header, payload, valid, signatureBytes } = decodeJwt(jwt);
    expect(header).toEqual({ alg: "ES256", kid: ids.keyId });
    expect(payload).toEqual({ sub: ids.clientId, aud: "https://appleid.apple.com", iat: 2234567891, exp: 2234567891 + 3600, iss: ids.teamId });
    expect(signatureBytes).toBe(64); // raw r||s, not DER
    expect(valid).toBe(true);
    // never longer than Apple's 180-day maximum
    const long = decodeJwt(createAppleClientSecret({ ...ids, privateKeyPem, nowSec: 0, lifetimeSec: 400 * 86400 }));
    expect(Number(long.payload.exp)).toBeLessThan(180 * 86400);
  });

  it("rejects a key that is not P-256", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => createAppleClientSecret({ ...ids, privateKeyPem: rsa, nowSec: 0 })).toThrow(/P-256/);
  });

  it("exchanges the secret for a token, sends the documented headers, and caches the token until expiry", async () => {
    await tokenRoute(2);
    server.on({ method: "GET", path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { body: await fx("ad_account.response.json") }, times: 3 });
    const c = client();
    await c.getAccountHealth();
    now += 30 * 60_000;
    await c.getAccountHealth();
    expect(tokenRequests()).toHaveLength(1);

    const tok = tokenRequests()[0];
    expect(tok.method).toBe("POST");
    expect(tok.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.keys(tok.form ?? {})).toEqual(["grant_type", "client_id", "client_secret", "scope"]);
    expect(tok.form).toMatchObject({ grant_type: "client_credentials", client_id: ids.clientId, scope: "searchadsorg" });
    const secret = decodeJwt(tok.form?.client_secret ?? "");
    expect(secret.valid).toBe(true);
    expect(secret.payload).toMatchObject({ iat: T0 / 1000, iss: ids.teamId, sub: ids.clientId });

    const token = ((await fx("oauth_token.response.json")) as { access_token: string }).access_token;
    for (const r of apiRequests()) {
      expect(r.headers.authorization).toBe(`Bearer ${token}`);
      expect(r.headers["x-ap-context"]).toBe(`adAccountId=${AD_ACCOUNT}`);
    }

    now += 31 * 60_000; // 61 min after the first token: expired (3600 s)
    await c.getAccountHealth();
    expect(tokenRequests()).toHaveLength(2);
  });

  it("refreshes the token once on 401, then retries the call", async () => {
    await tokenRoute(2);
    server
      .on({ path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { status: 401, body: { error: { code: "UNAUTHORIZED", message: "token expired" } } } })
      .on({ path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { body: await fx("ad_account.response.json") } });
    expect((await client().getAccountHealth()).status).toBe("ok");
    expect(server.requests.map((r) => r.path)).toEqual([
      "/auth/oauth2/token", `/v1/ad-accounts/${AD_ACCOUNT}`, "/auth/oauth2/token", `/v1/ad-accounts/${AD_ACCOUNT}`,
    ]);
  });

  it("gives AuthExpired when the fresh token is rejected too (no retry loop)", async () => {
    await tokenRoute(2);
    server.on({ path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { status: 401, body: { error: { code: "UNAUTHORIZED", message: "invalid token" } } }, times: 2 });
    const err = await withRetry(() => client().getAccountHealth(), { sleep: async () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthExpiredError);
    expect(err).toMatchObject({ platform: "apple_search_ads", code: "UNAUTHORIZED", httpStatus: 401 });
    expect(apiRequests()).toHaveLength(2);
  });

  it("maps a rejected client secret (invalid_client) to AuthExpired", async () => {
    server.on({ path: "/auth/oauth2/token", respond: { status: 400, body: { error: "invalid_client" } } });
    const provider = new AppleTokenProvider({ ...ids, privateKeyPem, tokenUrl: `${server.url}/auth/oauth2/token` });
    const err = await provider.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthExpiredError);
    expect(err).toMatchObject({ code: "invalid_client" });
  });
});

describe("Apple Ads connector: reads", () => {
  it("lists campaigns, ad groups, keywords and ads through /query endpoints", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/campaigns/query", respond: { body: await fx("campaigns_query.response.json") } })
      .on({ path: "/v1/adgroups/query", respond: { body: await fx("adgroups_query.response.json") } })
      .on({ path: "/v1/keywords/query", respond: { body: await fx("keywords_query.response.json") } })
      .on({ path: "/v1/ads/query", respond: { body: { result: [], pagination: { totalCount: 0, offset: 0, pageSize: 1000 } } } });

    const entities = await client().listEntities();

    const reqs = apiRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/campaigns/query", "POST /v1/adgroups/query", "POST /v1/keywords/query", "POST /v1/ads/query",
    ]);
    const page = { offset: 0, pageSize: 1000, fetchTotalCount: true };
    expect(reqs[0].json).toEqual({ pagination: page });
    expect(reqs[1].json).toEqual({ pagination: page });
    expect(reqs[2].json).toEqual({ filters: [{ field: "adGroupId", operator: "IN", value: [555666779, 555666780] }], pagination: page });
    expect(reqs[3].json).toEqual(reqs[2].json);
    for (const r of reqs) expect(r.headers["content-type"]).toBe("application/json");

    const byId = Object.fromEntries(entities.map((e) => [e.platformId, e]));
    expect(byId["444555666"]).toMatchObject({ level: "campaign", status: "active", dailyBudgetMinor: 10000, currency: "USD", learning: false });
    expect(byId["444555666"].createdAt.toISOString()).toBe("2025-01-10T08:00:00.000Z");
    expect(byId["555666779"]).toMatchObject({ level: "adset", parentPlatformId: "444555668", bidMinor: 500 });
    expect(byId["888999000"]).toMatchObject({ level: "keyword", parentPlatformId: "555666777", bidMinor: 250, name: "photo editor [exact]", status: "active" });
  });

  it("pages /query results by offset until totalCount", async () => {
    await tokenRoute();
    const campaigns = await fx<{ result: Array<Record<string, unknown>> }>("campaigns_query.response.json");
    const second = { ...campaigns.result[0], id: 444555667, status: "PAUSED" };
    server
      .on({ path: "/v1/campaigns/query", respond: { body: { result: campaigns.result, pagination: { totalCount: 2, offset: 0, pageSize: 1 } } } })
      .on({ path: "/v1/campaigns/query", respond: { body: { result: [second], pagination: { totalCount: 2, offset: 1, pageSize: 1 } } } })
      .on({ path: "/v1/adgroups/query", respond: { body: { result: [], pagination: { totalCount: 0 } } } });
    const entities = await client().listEntities();
    expect(apiRequests().slice(0, 2).map((r) => (r.json as { pagination: { offset: number } }).pagination.offset)).toEqual([0, 1]);
    expect(entities.map((e) => [e.platformId, e.status])).toEqual([["444555666", "active"], ["444555667", "paused"]]);
  });

  it("fetches the daily keyword report per campaign", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/campaigns/query", respond: { body: await fx("campaigns_query.response.json") } })
      .on({ path: "/v1/reports/apps/keywords/query", respond: { body: await fx("keyword_report.response.json") } });

    const rows = await client().fetchDailyMetrics({ from: "2025-01-01", to: "2025-01-31" });

    const report = apiRequests()[1];
    expect(report.method).toBe("POST");
    expect(report.json).toEqual({
      timeRange: { start: "2025-01-01", end: "2025-01-31", timeZone: "ORTZ", granularity: "DAILY" },
      filters: [{ field: "campaignId", operator: "EQUALS", value: "444555666" }],
      pagination: { offset: 0, pageSize: 1000 },
    });
    expect(rows).toEqual([
      { platformId: "888999000", level: "keyword", date: "2025-01-01", spendMinor: 240, impressions: 160, clicks: 8, installs: 2, conversions: 2, revenueMinor: null, frequency: null },
    ]);
  });

  it("asks for a single day without granularity and reads totalMetrics", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/campaigns/query", respond: { body: await fx("campaigns_query.response.json") } })
      .on({ path: "/v1/reports/apps/adgroups/query", respond: { body: await fx("keyword_report.response.json") } });
    const rows = await client({ reportTimeZone: "UTC" }).fetchDailyMetrics({ from: "2025-01-05", to: "2025-01-05" }, "adset");
    expect((apiRequests()[1].json as { timeRange: unknown }).timeRange).toEqual({ start: "2025-01-05", end: "2025-01-05", timeZone: "UTC" });
    expect(rows).toEqual([
      { platformId: "888999000", level: "adset", date: "2025-01-05", spendMinor: 7500, impressions: 5000, clicks: 250, installs: 72, conversions: 72, revenueMinor: null, frequency: null },
    ]);
  });

  it("reports account health from the ad account", async () => {
    await tokenRoute();
    const account = await fx<{ result: Record<string, unknown> }>("ad_account.response.json");
    server.on({ path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { body: account } });
    const c = client();
    expect(await c.getAccountHealth()).toEqual({ status: "ok", spendCapReached: false, paymentIssue: false, message: null });
    server.on({ path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { body: { result: { ...account.result, systemStatus: "ON_HOLD", systemStatusReasons: ["PAYMENT_METHOD_DECLINED"] } } } });
    expect(await c.getAccountHealth()).toEqual({ status: "restricted", spendCapReached: false, paymentIssue: true, message: "ON_HOLD; PAYMENT_METHOD_DECLINED" });
  });
});

describe("Apple Ads connector: writes", () => {
  it("sends partial PUT updates with money as decimal strings in the account currency", async () => {
    await tokenRoute();
    server
      .on({ method: "GET", path: `/v1/ad-accounts/${AD_ACCOUNT}`, respond: { body: await fx("ad_account.response.json") } })
      .on({ method: "PUT", respond: { body: { result: {} } }, times: 5 });
    const c = client();
    await c.pause("888999000", "keyword");
    await c.setDailyBudget("444555666", "campaign", 120000);
    await c.setBid("888999000", "keyword", 300);
    await c.setBid("555666777", "adset", 125);
    await c.resume("444555666", "campaign");

    const reqs = apiRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /v1/keywords/888999000",
      `GET /v1/ad-accounts/${AD_ACCOUNT}`, // currency lookup, once
      "PUT /v1/campaigns/444555666",
      "PUT /v1/keywords/888999000",
      "PUT /v1/adgroups/555666777",
      "PUT /v1/campaigns/444555666",
    ]);
    expect(reqs[0].json).toEqual({ status: "PAUSED" });
    expect(reqs[2].json).toEqual(await fx("campaign_update_budget.request.json"));
    expect(reqs[3].json).toEqual({ bid: { amount: "3.00", currency: "USD" } });
    expect(reqs[4].json).toEqual({ bidStrategy: { bid: { amount: "1.25", currency: "USD" } } });
    expect(reqs[5].json).toEqual({ status: "ENABLED" });
  });

  it("refuses budgets below campaign level without calling Apple", async () => {
    const c = client({ currency: "USD" });
    await expect(c.setDailyBudget("555666777", "adset", 1000)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(c.setBid("1", "campaign", 100)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });

  it("bulk-updates keywords with the documented payload", async () => {
    await tokenRoute();
    server.on({ path: "/v1/keywords/bulk-update", respond: { body: await fx("keywords_bulk_update.response.json") } });
    const results = await applyChanges(client({ currency: "USD" }), [
      { kind: "set_bid", platformId: "888999000", level: "keyword", amountMinor: 300 },
      { kind: "set_bid", platformId: "888999001", level: "keyword", amountMinor: 225 },
      { kind: "pause", platformId: "888999002", level: "keyword" },
    ]);
    const documented = await fx<Record<string, unknown>>("keywords_bulk_update.request.json");
    const sent = apiRequests()[0].json as { items: Array<{ data: Record<string, unknown> }> };
    // documented example raises a bid AND re-enables the second keyword; ours only changes the bid
    documented.items = (documented.items as Array<{ data: Record<string, unknown> }>).map((it, i) => (i === 1 ? { ...it, data: { id: it.data.id, bid: it.data.bid } } : it));
    expect(sent).toEqual({ allowPartialSuccess: true, ...documented });
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it("reports a partial failure per keyword and still applies non-keyword changes", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/keywords/bulk-update", respond: { body: await fx("keywords_bulk_update.partial_failure.assembled.json") } })
      .on({ method: "PUT", path: "/v1/campaigns/444555666", respond: { body: { result: {} } } });
    const results = await applyChanges(client({ currency: "USD" }), [
      { kind: "set_bid", platformId: "888999000", level: "keyword", amountMinor: 300 },
      { kind: "set_bid", platformId: "888999999", level: "keyword", amountMinor: 225 },
      { kind: "pause", platformId: "888999002", level: "keyword" },
      { kind: "set_daily_budget", platformId: "444555666", level: "campaign", amountMinor: 5000 },
    ]);
    expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/keywords/bulk-update", "PUT /v1/campaigns/444555666"]);
    expect((apiRequests()[0].json as { items: unknown[] }).items).toHaveLength(3);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    const failed = results[1];
    if (!failed.ok) {
      expect(failed.error).toBeInstanceOf(NotFoundError);
      expect(failed.error).toMatchObject({ code: "KEYWORD_NOT_FOUND", message: expect.stringContaining("888999999") });
    }
  });

  it("creates an ad with the documented body, once per idempotency key", async () => {
    await tokenRoute();
    server.on({ method: "POST", path: "/v1/ads", respond: { body: await fx("ad_create.response.json") } });
    const c = client({ currency: "USD" });
    const input = { adsetPlatformId: "555666777", creativeRef: "666777888", name: "AwayFinder - Default Product Page", idempotencyKey: "k-1" };
    expect(await c.createAd(input)).toEqual({ platformId: "777888999" });
    expect(await c.createAd(input)).toEqual({ platformId: "777888999" });
    expect(apiRequests()).toHaveLength(1);
    expect(apiRequests()[0].json).toEqual(await fx("ad_create.request.json"));
  });
});

describe("Apple Ads connector: errors", () => {
  it("retries a 429 after Retry-After and succeeds", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/keywords/888999000", respond: { status: 429, headers: { "retry-after": "2", "ratelimit-remaining": "0" }, body: { error: { code: "RATE_LIMIT_EXCEEDED", message: "Too many requests" } } } })
      .on({ path: "/v1/keywords/888999000", respond: { body: { result: {} } } });
    const sleeps: number[] = [];
    const c = client({ currency: "USD" });
    await withRetry(() => c.pause("888999000", "keyword"), { sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    expect(apiRequests()).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("falls back to RateLimit-Reset when there is no Retry-After", async () => {
    await tokenRoute();
    server.on({ path: "/v1/keywords/888999000", respond: { status: 429, headers: { "ratelimit-reset": "7" }, body: "" } });
    const err = await client({ currency: "USD" }).pause("888999000", "keyword").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(7000);
  });

  it("maps the documented not-found and validation errors", async () => {
    await tokenRoute();
    server
      .on({ path: "/v1/campaigns/999999999", respond: { status: 404, body: await fx("campaign_update.not_found.response.json") } })
      .on({ path: "/v1/campaigns/1", respond: { status: 400, body: await fx("platform_api_error_response.v1.json") } });
    const c = client({ currency: "USD" });
    const nf = await c.pause("999999999", "campaign").catch((e: unknown) => e);
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf).toMatchObject({ code: "CAMPAIGN_NOT_FOUND", message: "Campaign with id '999999999' not found.", httpStatus: 404 });
    const bad = await c.pause("1", "campaign").catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRequestError);
    expect((bad as InvalidRequestError).code).toBe("INVALID_ARGUMENT");
    expect((bad as InvalidRequestError).message).toContain("The field 'name' is required");
  });

  it("understands the retired v5 error shape too", async () => {
    const { mapAppleError } = await import("./errors");
    const err = mapAppleError({ httpStatus: 404, body: await fx("error_response_item.v5.json") });
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe("404");
  });
});

