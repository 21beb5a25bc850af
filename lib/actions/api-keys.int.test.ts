// API key actions: admin+ only, scoped to the caller's org, stored hashed, audited; a revoked key stops ingest at once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { hashApiKeySecret, parseApiKey } from "@/lib/events/api-key";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { createApiKeyAction, revokeApiKeyAction } = await import("./api-keys");
const { listApiKeys } = await import("@/lib/db/queries/api-keys");
const { POST: ingest } = await import("@/app/api/v1/events/route");

const db = createDb(process.env.DATABASE_URL!, 2);
const ids = { admin: "", marketer: "", viewer: "", outsider: "", project: "", otherProject: "" };

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const org = await db.org.create({ data: { name: "Keys org", slug: `keys-${suffix}` } });
  const other = await db.org.create({ data: { name: "Other org", slug: `keys-other-${suffix}` } });
  const member = async (orgId: string, role: "admin" | "marketer" | "viewer" | "owner", name: string) =>
    (await db.user.create({ data: { email: `${name}-${suffix}@keys.test`, memberships: { create: { orgId, role } } } })).id;
  ids.admin = await member(org.id, "admin", "admin");
  ids.marketer = await member(org.id, "marketer", "marketer");
  ids.viewer = await member(org.id, "viewer", "viewer");
  ids.outsider = await member(other.id, "owner", "outsider");
  ids.project = (await db.project.create({ data: { orgId: org.id, name: "Keys app", slug: "keys" } })).id;
  ids.otherProject = (await db.project.create({ data: { orgId: other.id, name: "Other app", slug: "other" } })).id;
});
afterAll(() => db.$disconnect());

const sendEvent = (key: string) =>
  ingest(new Request("http://x/api/v1/events", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ event: "app_open", timestamp: new Date().toISOString(), app_id: "a", environment: "production", platform: "ios" }),
  }));

describe("API key actions", () => {
  it("refuses viewers and marketers with a readable message and creates nothing", async () => {
    for (const user of [ids.viewer, ids.marketer]) {
      session.userId = user;
      const result = await createApiKeyAction({ projectId: ids.project, name: "nope" });
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      if (!result.ok) expect(result.error.message).toContain("admin");
    }
    expect(await db.apiKey.count({ where: { projectId: ids.project } })).toBe(0);
  });

  it("answers not found for another org's project, and validates the name", async () => {
    session.userId = ids.outsider;
    expect(await createApiKeyAction({ projectId: ids.project, name: "sneaky" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    session.userId = ids.admin;
    expect(await createApiKeyAction({ projectId: ids.otherProject, name: "sneaky" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await createApiKeyAction({ projectId: ids.project, name: "  " })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await db.apiKey.count({ where: { projectId: { in: [ids.project, ids.otherProject] } } })).toBe(0);
  });

  it("lets an admin create a key shown once, stored only as prefix + SHA-256, audited without the secret", async () => {
    session.userId = ids.admin;
    const result = await createApiKeyAction({ projectId: ids.project, name: "iOS app" });
    if (!result.ok) throw new Error(result.error.message);
    const parsed = parseApiKey(result.data.plaintext);
    if (!parsed.ok) throw new Error("malformed key");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ projectId: ids.project, prefix: parsed.prefix, keyId: parsed.keyId, secretHash: hashApiKeySecret(parsed.secret), createdById: ids.admin });
    expect(JSON.stringify(row)).not.toContain(parsed.secret);
    expect(JSON.stringify(await listApiKeys(ids.project))).not.toContain(parsed.secret);
    const audit = await db.auditLog.findFirstOrThrow({ where: { resourceId: row.id, action: "apikey.created" } });
    expect(JSON.stringify(audit.changes)).not.toContain(parsed.secret);
    expect((await sendEvent(result.data.plaintext)).status).toBe(202);
  });

  it("revokes: viewer and other org refused; admin revokes once, audited; ingest answers 401 immediately", async () => {
    session.userId = ids.admin;
    const created = await createApiKeyAction({ projectId: ids.project, name: "backend" });
    if (!created.ok) throw new Error(created.error.message);
    expect((await sendEvent(created.data.plaintext)).status).toBe(202); // now cached by the route

    session.userId = ids.viewer;
    expect(await revokeApiKeyAction({ apiKeyId: created.data.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    session.userId = ids.outsider;
    expect(await revokeApiKeyAction({ apiKeyId: created.data.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.data.id } })).revokedAt).toBeNull();

    session.userId = ids.admin;
    expect(await revokeApiKeyAction({ apiKeyId: created.data.id })).toMatchObject({ ok: true });
    expect(await revokeApiKeyAction({ apiKeyId: created.data.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.auditLog.count({ where: { resourceId: created.data.id, action: "apikey.revoked" } })).toBe(1);
    expect((await sendEvent(created.data.plaintext)).status).toBe(401);
  });
});
