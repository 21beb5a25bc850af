import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppleAdsClient } from "./apple/client";
import { InvalidRequestError } from "./errors";
import { createPlatformClient } from "./factory";
import { createMemoryClient } from "./memory";
import { MetaClient } from "./meta/client";
import { startMockServer, type MockServer } from "./testing/mock-server";
import { TikTokClient } from "./tiktok/client";

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  await server.close();
});

describe("createPlatformClient", () => {
  it("uses the injected simulated client for simulated credentials", () => {
    const sim = createMemoryClient({ platform: "tiktok" });
    const seen: unknown[] = [];
    const client = createPlatformClient("tiktok", { kind: "simulated", seed: "s1" }, { simulated: (platform, creds) => (seen.push([platform, creds]), sim) });
    expect(client).toBe(sim);
    expect(seen).toEqual([["tiktok", { kind: "simulated", seed: "s1" }]]);
    expect(() => createPlatformClient("tiktok", { kind: "simulated", seed: "s1" })).toThrow(/deps.simulated/);
  });

  it("builds the real connector for each platform", () => {
    const pem = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ format: "pem", type: "sec1" }).toString();
    const raw = { retry: false as const };
    expect(createPlatformClient("meta", { kind: "meta", accessToken: "t", adAccountId: "1" }, raw)).toBeInstanceOf(MetaClient);
    expect(createPlatformClient("tiktok", { kind: "tiktok", accessToken: "t", advertiserId: "1" }, raw)).toBeInstanceOf(TikTokClient);
    expect(createPlatformClient("apple_search_ads", { kind: "apple", clientId: "c", teamId: "t", keyId: "k", privateKeyPem: pem, orgId: "1" }, raw)).toBeInstanceOf(AppleAdsClient);
  });

  it("rejects credentials of another platform and invalid shapes", () => {
    expect(() => createPlatformClient("meta", { kind: "tiktok", accessToken: "t", advertiserId: "1" })).toThrow(InvalidRequestError);
    expect(() => createPlatformClient("meta", { kind: "meta" })).toThrow();
  });

  it("wraps real clients in retry by default and passes base URLs through", async () => {
    server
      .on({ path: "/v26.0/act_42", respond: { status: 500, body: { error: { code: 2, message: "Service temporarily unavailable", is_transient: true } } } })
      .on({ path: "/v26.0/act_42", respond: { body: { account_status: 1 } } });
    const sleeps: number[] = [];
    const client = createPlatformClient(
      "meta",
      { kind: "meta", accessToken: "tok", adAccountId: "42" },
      { baseUrls: { meta: server.url }, retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 } },
    );
    expect((await client.getAccountHealth()).status).toBe("ok");
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([250]);
    expect(client.platform).toBe("meta");
    expect(typeof client.applyChanges).toBe("function");
  });
});
