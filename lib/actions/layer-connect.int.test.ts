// Connecting a layer: live-checked credentials stored encrypted (or nothing at all), sandbox layers with history,
// admin+ only, and no credential ever in a read model.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { decryptCredentials, generateEncryptionKey, parseEncryptionKey } from "@/lib/platforms/credentials";
import { startMockServer, type MockServer } from "@/lib/platforms/testing/mock-server";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { connectLayerAction } = await import("./layer-connect");
const { listLayerConnections } = await import("@/lib/db/queries/layer-connections");

const db = createDb(process.env.DATABASE_URL!, 2);
const ids = { org: "", admin: "", marketer: "", viewer: "", outsider: "", project: "" };
const TOKEN = "EAAB-live-token-0123456789abcdefXYZ";
const KEY = generateEncryptionKey();
const metaInput = (extra: Record<string, unknown> = {}) => ({
  projectId: ids.project, platform: "meta", name: "Meta Ads — iOS", accountTimezone: "America/Los_Angeles",
  connection: { kind: "meta", accessToken: TOKEN, adAccountId: "1234567890", appSecret: "" }, ...extra,
});
const saved = async () => ({
  layers: await db.layer.count({ where: { projectId: ids.project, platform: "meta" } }),
  secrets: await db.credentialSecret.count({ where: { orgId: ids.org } }),
});

let server: MockServer;
beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const org = await db.org.create({ data: { name: "Connect org", slug: `connect-${suffix}` } });
  const other = await db.org.create({ data: { name: "Other org", slug: `connect-other-${suffix}` } });
  const member = async (orgId: string, role: "admin" | "marketer" | "viewer" | "owner", name: string) =>
    (await db.user.create({ data: { email: `${name}-${suffix}@connect.test`, memberships: { create: { orgId, role } } } })).id;
  ids.org = org.id;
  ids.admin = await member(org.id, "admin", "admin");
  ids.marketer = await member(org.id, "marketer", "marketer");
  ids.viewer = await member(org.id, "viewer", "viewer");
  ids.outsider = await member(other.id, "owner", "outsider");
  ids.project = (await db.project.create({ data: { orgId: org.id, name: "Connect app", slug: "connect", currency: "EUR" } })).id;
});
beforeEach(async () => {
  server = await startMockServer();
  process.env.LAYERS_META_BASE_URL = server.url;
  process.env.LAYERS_ENCRYPTION_KEY = KEY;
  session.userId = ids.admin;
});
afterEach(async () => {
  await server.close();
  delete process.env.LAYERS_META_BASE_URL;
});
afterAll(() => db.$disconnect());

describe("connectLayerAction: real credentials", () => {
  it("names the bad fields and saves nothing (no platform call either)", async () => {
    const result = await connectLayerAction(metaInput({ connection: { kind: "meta", accessToken: " ", adAccountId: "acct-12" } }));
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (result.ok) return;
    expect(result.error.fieldErrors?.["connection.accessToken"]?.[0]).toContain("access token");
    expect(result.error.fieldErrors?.["connection.adAccountId"]?.[0]).toContain("numeric");
    expect(await connectLayerAction(metaInput({ accountTimezone: "Mars/Olympus" }))).toMatchObject({ ok: false, error: { fieldErrors: { accountTimezone: [expect.stringContaining("time zone")] } } });
    expect(await connectLayerAction(metaInput({ connection: { kind: "tiktok", accessToken: "t", advertiserId: "1" } }))).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(server.requests).toHaveLength(0);
    expect(await saved()).toEqual({ layers: 0, secrets: 0 });
  });

  it("reports Meta's refusal (code 190) readably and saves nothing", async () => {
    server.on({
      path: "/v26.0/act_1234567890",
      respond: { status: 400, body: { error: { message: "Error validating access token: Session has expired", type: "OAuthException", code: 190, error_subcode: 463, fbtrace_id: "Xyz" } } },
    });
    const result = await connectLayerAction(metaInput());
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!result.ok) expect(result.error.message).toBe("Meta rejected these credentials: Error validating access token: Session has expired (OAuthException). Nothing was saved.");
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await saved()).toEqual({ layers: 0, secrets: 0 });
  });

  it("explains an unreachable platform and a missing encryption key, saving nothing", async () => {
    process.env.LAYERS_META_BASE_URL = "http://127.0.0.1:9"; // discard port: connection refused
    const unreachable = await connectLayerAction(metaInput());
    expect(unreachable).toMatchObject({ ok: false, error: { code: "UNAVAILABLE", message: expect.stringContaining("Could not reach Meta") } });

    delete process.env.LAYERS_ENCRYPTION_KEY;
    process.env.LAYERS_META_BASE_URL = server.url;
    const noKey = await connectLayerAction(metaInput());
    expect(noKey).toMatchObject({ ok: false, error: { code: "UNAVAILABLE", message: expect.stringContaining("Set LAYERS_ENCRYPTION_KEY") } });
    expect(server.requests).toHaveLength(0);
    expect(await saved()).toEqual({ layers: 0, secrets: 0 });
  });

  it("saves valid credentials encrypted, with the layer, after one live check; audit and list stay redacted", async () => {
    server.on({ path: "/v26.0/act_1234567890", respond: { body: { id: "act_1234567890", account_status: 1, spend_cap: "0", amount_spent: "0", currency: "USD" } } });
    const result = await connectLayerAction(metaInput({ currency: "usd" }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toMatchObject({ connection: "connected", health: { status: "ok" }, layer: { platform: "meta", adAccountId: "act_1234567890" } });
    expect(JSON.stringify(result.data)).not.toContain(TOKEN);

    const layer = await db.layer.findUniqueOrThrow({ where: { id: result.data.layer.id } });
    expect(layer).toMatchObject({ projectId: ids.project, name: "Meta Ads — iOS", accountTimezone: "America/Los_Angeles", currency: "USD", adAccountId: "act_1234567890" });
    const secret = await db.credentialSecret.findUniqueOrThrow({ where: { id: layer.credentialsRef! } });
    expect(secret).toMatchObject({ orgId: ids.org, kind: "meta" });
    expect(secret.ciphertext).not.toContain(TOKEN);
    expect(secret.ciphertext).not.toContain(Buffer.from(TOKEN).toString("base64"));
    expect(decryptCredentials(secret.ciphertext, parseEncryptionKey(KEY))).toEqual({ kind: "meta", accessToken: TOKEN, adAccountId: "1234567890" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { resourceId: layer.id, action: "layer.connected" } });
    expect(audit.actorId).toBe(ids.admin);
    expect(JSON.stringify(audit.changes)).not.toContain(TOKEN);
    expect(audit.changes).toMatchObject({ connection: "connected", adAccountId: "act_1234567890", credentials: { accessToken: expect.stringMatching(/^\[redacted\]/) } });

    const list = await listLayerConnections(ids.project, new Date());
    const payload = JSON.stringify(list);
    for (const secretish of [TOKEN, secret.ciphertext, secret.id, "credentialsRef", "ciphertext"]) expect(payload).not.toContain(secretish);
    expect(list.find((l) => l.id === layer.id)).toMatchObject({ connection: "connected", adAccountId: "act_1234567890" });

    // The same account twice is refused before any platform call.
    const before = server.requests.length;
    expect(await connectLayerAction(metaInput({ name: "Again" }))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(server.requests).toHaveLength(before);
  });
});

describe("connectLayerAction: simulated sandbox and roles", () => {
  it("creates a sandbox TikTok layer with an entity tree and 30 days of metrics", async () => {
    const result = await connectLayerAction({ projectId: ids.project, platform: "tiktok", name: "TikTok sandbox", accountTimezone: "UTC", connection: { kind: "simulated" } });
    if (!result.ok) throw new Error(result.error.message);
    const layerId = result.data.layer.id;
    const layer = await db.layer.findUniqueOrThrow({ where: { id: layerId }, include: { simWorld: true } });
    expect(layer).toMatchObject({ credentialsRef: null, currency: "EUR", platform: "tiktok" });
    expect(layer.simWorld?.seed).toContain(layerId);
    const levels = await db.adEntity.groupBy({ by: ["level"], where: { layerId }, _count: { _all: true } });
    expect(Object.fromEntries(levels.map((l) => [l.level, l._count._all]))).toMatchObject({ campaign: 2, adset: expect.any(Number), ad: expect.any(Number) });
    expect(await db.simEntity.count({ where: { entity: { layerId } } })).toBeGreaterThan(0);
    const days = await db.dailyMetric.groupBy({ by: ["date"], where: { layerId } });
    expect(days).toHaveLength(30);
    const row = (await listLayerConnections(ids.project, new Date())).find((l) => l.id === layerId);
    expect(row).toMatchObject({ connection: "simulated" });
    expect(row!.spendMinor30d).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { resourceId: layerId, action: "layer.connected" } })).toBe(1);
    expect(await db.credentialSecret.count({ where: { orgId: ids.org, kind: "simulated" } })).toBe(0);
  });

  it("refuses marketers and viewers (FORBIDDEN) and another org (NOT_FOUND), saving nothing", async () => {
    server.on({ path: "/v26.0/act_1234567890", respond: { body: { account_status: 1 } }, times: 10 });
    const layersBefore = await db.layer.count({ where: { projectId: ids.project } });
    for (const user of [ids.marketer, ids.viewer]) {
      session.userId = user;
      const result = await connectLayerAction(metaInput({ connection: { kind: "meta", accessToken: TOKEN, adAccountId: "999" } }));
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("admin") } });
      expect(await connectLayerAction({ projectId: ids.project, platform: "meta", name: "x", accountTimezone: "UTC", connection: { kind: "simulated" } })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    session.userId = ids.outsider;
    expect(await connectLayerAction(metaInput({ connection: { kind: "meta", accessToken: TOKEN, adAccountId: "999" } }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    session.userId = null;
    expect(await connectLayerAction(metaInput())).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(server.requests).toHaveLength(0);
    expect(await db.layer.count({ where: { projectId: ids.project } })).toBe(layersBefore);
  });
});
