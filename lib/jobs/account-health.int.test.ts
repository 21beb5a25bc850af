// Account health on the layer page: read live through the layer's own client, always answered, never thrown.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { encryptCredentials, generateEncryptionKey, parseEncryptionKey } from "@/lib/platforms/credentials";
import { startMockServer, type MockServer } from "@/lib/platforms/testing/mock-server";
import type { AdPlatformClient } from "@/lib/platforms/types";
import { getLayerAccountHealth } from "./account-health";

const db = createDb(process.env.DATABASE_URL!, 2);
const KEY = generateEncryptionKey();
const layers = { simulated: "", meta: "", social: "" };
let credentialsRef = "";
let server: MockServer;

beforeAll(async () => {
  const org = await db.org.create({ data: { name: "Health org", slug: `health-${Date.now().toString(36)}` } });
  const project = await db.project.create({ data: { orgId: org.id, name: "Health app", slug: "health" } });
  const secret = await db.credentialSecret.create({
    data: { orgId: org.id, kind: "meta", ciphertext: encryptCredentials({ kind: "meta", accessToken: "EAAB-health", adAccountId: "555" }, parseEncryptionKey(KEY)) },
  });
  credentialsRef = secret.id;
  layers.simulated = (await db.layer.create({ data: { projectId: project.id, platform: "tiktok", name: "Sim" } })).id;
  layers.meta = (await db.layer.create({ data: { projectId: project.id, platform: "meta", name: "Meta", credentialsRef, adAccountId: "act_555" } })).id;
  layers.social = (await db.layer.create({ data: { projectId: project.id, platform: "social", name: "Social" } })).id;
});
beforeEach(async () => {
  server = await startMockServer();
  process.env.LAYERS_META_BASE_URL = server.url;
  process.env.LAYERS_ENCRYPTION_KEY = KEY;
});
afterEach(async () => {
  await server.close();
  delete process.env.LAYERS_META_BASE_URL;
});
afterAll(() => db.$disconnect());

const metaLayer = () => ({ id: layers.meta, platform: "meta" as const, credentialsRef });

describe("getLayerAccountHealth", () => {
  it("is OK for a simulated layer", async () => {
    const result = await getLayerAccountHealth(db, { id: layers.simulated, platform: "tiktok", credentialsRef: null });
    expect(result).toMatchObject({ health: { status: "ok", spendCapReached: false, paymentIssue: false }, error: null });
    expect(result.checkedAt).toBeInstanceOf(Date);
  });

  it("reads a connected Meta account's status through the stored (decrypted) credentials", async () => {
    server.on({ path: "/v26.0/act_555", respond: { body: { account_status: 2, disable_reason: 3, spend_cap: "0", amount_spent: "10" } } });
    const result = await getLayerAccountHealth(db, metaLayer());
    expect(result).toMatchObject({ health: { status: "disabled", message: "account disabled; disable_reason 3" }, error: null });
    expect(server.requests[0].headers.authorization).toBe("Bearer EAAB-health");
  });

  it("turns a rejected token, a missing key, a hang and a non-ad layer into readable errors", async () => {
    server.on({ path: "/v26.0/act_555", respond: { status: 400, body: { error: { message: "Session has expired", type: "OAuthException", code: 190 } } } });
    const rejected = await getLayerAccountHealth(db, metaLayer());
    expect(rejected.health).toBeNull();
    expect(rejected.error).toMatch(/^Meta rejected the stored credentials: Session has expired.*Reconnect the layer from Settings → Layers\.$/);

    delete process.env.LAYERS_ENCRYPTION_KEY;
    expect((await getLayerAccountHealth(db, metaLayer())).error).toContain("LAYERS_ENCRYPTION_KEY is not set");

    const hanging: AdPlatformClient = { getAccountHealth: () => new Promise(() => {}) } as unknown as AdPlatformClient;
    const slow = await getLayerAccountHealth(db, metaLayer(), { timeoutMs: 50, resolveClient: async () => hanging });
    expect(slow).toMatchObject({ health: null, error: "Meta did not answer in time (no answer within 0.05 s); try again." });

    expect((await getLayerAccountHealth(db, { id: layers.social, platform: "social", credentialsRef: null })).error).toContain("no ad account");
  });
});
