// POST /api/v1/events against a real database: per-event statuses, nothing stored on a bad request,
// exactly-once under concurrent retries, and the per-key rate limit.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createApiKey, revokeApiKey } from "@/lib/db/queries/api-keys";
import { POST } from "./route";

const db = createDb(process.env.DATABASE_URL!, 2);
const ids = { project: "", otherProject: "" };
let key = "";

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const org = await db.org.create({ data: { name: "Ingest org", slug: `ingest-${suffix}` } });
  ids.project = (await db.project.create({ data: { orgId: org.id, name: "Ingest app", slug: "ingest" } })).id;
  ids.otherProject = (await db.project.create({ data: { orgId: org.id, name: "Other app", slug: "other" } })).id;
  key = (await createApiKey({ projectId: ids.project, name: "test", env: "live", createdById: null })).plaintext;
});
afterAll(() => db.$disconnect());
afterEach(() => {
  delete process.env.LAYERS_INGEST_RATE_PER_SEC;
  delete process.env.LAYERS_INGEST_BURST;
});

const event = (overrides: Record<string, unknown> = {}) => ({
  event: "app_install", event_id: randomUUID(), timestamp: new Date().toISOString(), app_id: "com.example",
  environment: "production", platform: "ios", ...overrides,
});

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${key}` }) {
  return POST(new Request("http://x/api/v1/events", {
    method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body),
  }));
}

const stored = (projectId = ids.project) => db.sdkEvent.count({ where: { projectId } });

describe("POST /api/v1/events", () => {
  it("answers 202 with a status per event: accepted, duplicate (also within the batch), rejected with the field", async () => {
    const a = event({ utm_source: "Facebook", app_user_id: "user_1" });
    const b = event({ event: "purchase_success", properties: { revenue: "9.99", currency: "usd" } });
    const before = await stored();
    const response = await post({ events: [a, b, { ...a }, event({ timestamp: "2026-01-01T00:00:00" }), event({ properties: { note: "nul\u0000byte" } })] });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ accepted: 2, duplicate: 1, rejected: 2 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted", "duplicate", "rejected", "rejected"]);
    expect(body.results[0].event_id).toBe(a.event_id);
    expect(body.results[3]).toMatchObject({ index: 3, field: "timestamp" });
    expect(body.results[4]).toMatchObject({ index: 4, field: "properties.note" });
    expect(await stored()).toBe(before + 2);

    const row = await db.sdkEvent.findUniqueOrThrow({ where: { projectId_eventId: { projectId: ids.project, eventId: a.event_id } } });
    expect(row).toMatchObject({ name: "app_install", adPlatform: "meta", appUserId: "user_1", platform: "ios" });
    expect((await db.sdkEvent.findUniqueOrThrow({ where: { projectId_eventId: { projectId: ids.project, eventId: b.event_id } } })).revenueMinor).toBe(999);

    const retry = await (await post({ events: [a, b] }, { "x-api-key": key })).json();
    expect(retry).toMatchObject({ accepted: 0, duplicate: 2, rejected: 0 });
    expect(await stored()).toBe(before + 2);
  });

  it("accepts a single event object", async () => {
    const response = await post(event());
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: 1, results: [{ index: 0, status: "accepted" }] });
  });

  it("refuses a malformed body with 400 and a clear message, storing nothing", async () => {
    const before = await stored();
    for (const body of ["{not json", "[]", JSON.stringify({ events: [] }), JSON.stringify({ events: "x" }), JSON.stringify({ events: Array(1001).fill(event()) })]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/JSON|events|object/);
    }
    expect(await stored()).toBe(before);
  });

  it("refuses a missing, malformed, unknown, wrong-secret or revoked key with 401, storing nothing", async () => {
    const before = await stored();
    const other = await createApiKey({ projectId: ids.otherProject, name: "to revoke", env: "test", createdById: null });
    await revokeApiKey(other.id);
    const wrongSecret = key.slice(0, -4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
    const wrongEnv = key.replace("lp_live_", "lp_test_");
    const unknown = `lp_live_0123456789abcdef_${"A".repeat(43)}`;
    const cases: Record<string, string>[] = [
      {}, { authorization: "Bearer nope" }, { authorization: `Bearer ${unknown}` }, { authorization: `Bearer ${wrongSecret}` },
      { authorization: `Bearer ${wrongEnv}` }, { "x-api-key": other.plaintext }, { authorization: `Bearer ${key}`, "x-api-key": other.plaintext },
    ];
    for (const headers of cases) {
      const response = await post({ events: [event()] }, headers);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    expect(await stored()).toBe(before);
    expect(await stored(ids.otherProject)).toBe(0);
  });

  it("stores each event once when the same batch is sent 5 times concurrently", async () => {
    const batch = { events: Array.from({ length: 200 }, (_, i) => event({ app_user_id: `concurrent_${i}` })) };
    const before = await stored();
    const bodies = await Promise.all(Array.from({ length: 5 }, () => post(batch).then((r) => r.json())));
    expect(bodies.reduce((sum, b) => sum + b.accepted, 0)).toBe(200);
    expect(bodies.reduce((sum, b) => sum + b.duplicate, 0)).toBe(800);
    expect(await stored()).toBe(before + 200);
    expect(await db.sdkEvent.count({ where: { projectId: ids.project, appUserId: { startsWith: "concurrent_" } } })).toBe(200);
  });

  it("counts each event once when many single-event requests race (grouped into shared statements)", async () => {
    const events = Array.from({ length: 20 }, () => event());
    const before = await stored();
    const bodies = await Promise.all([...events, ...events].map((e) => post(e).then((r) => r.json())));
    expect(bodies.reduce((sum, b) => sum + b.accepted, 0)).toBe(20);
    expect(bodies.reduce((sum, b) => sum + b.duplicate, 0)).toBe(20);
    expect(await stored()).toBe(before + 20);
  });

  it("answers 429 with Retry-After once the key's burst is spent, and stores nothing for it", async () => {
    process.env.LAYERS_INGEST_RATE_PER_SEC = "1";
    process.env.LAYERS_INGEST_BURST = "3";
    const limited = (await createApiKey({ projectId: ids.project, name: "limited", env: "live", createdById: null })).plaintext;
    const headers = { authorization: `Bearer ${limited}` };
    for (let i = 0; i < 3; i++) expect((await post(event(), headers)).status).toBe(202);
    const before = await stored();
    const response = await post(event(), headers);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBe(before);
    // Buckets are per key: the main key is unaffected.
    expect((await post(event())).status).toBe(202);
  });

  it("records the key's last use", async () => {
    await post(event());
    await expect.poll(async () => (await db.apiKey.findFirstOrThrow({ where: { projectId: ids.project, name: "test" } })).lastUsedAt).not.toBeNull();
  });
});
