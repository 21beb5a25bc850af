// A user of org A gets nothing of org B: reads, server actions and API routes all answer "not found".
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { getProjectAccess, listProjectsForUser } = await import("@/lib/db/access");
const { authorizeProject } = await import("./session");
const { setLayerPausedAction } = await import("@/lib/actions/layers");
const { GET: layersRoute } = await import("@/app/api/projects/[projectId]/layers/route");

const db = createDb(process.env.DATABASE_URL!, 2);
const ids = { userA: "", userB: "", viewerA: "", projectA: "", projectB: "", layerA: "" };

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const orgA = await db.org.create({ data: { name: "Org A", slug: `org-a-${suffix}` } });
  const orgB = await db.org.create({ data: { name: "Org B", slug: `org-b-${suffix}` } });
  ids.userA = (await db.user.create({ data: { email: `a-${suffix}@a.test`, memberships: { create: { orgId: orgA.id, role: "owner" } } } })).id;
  ids.viewerA = (await db.user.create({ data: { email: `v-${suffix}@a.test`, memberships: { create: { orgId: orgA.id, role: "viewer" } } } })).id;
  ids.userB = (await db.user.create({ data: { email: `b-${suffix}@b.test`, memberships: { create: { orgId: orgB.id, role: "owner" } } } })).id;
  ids.projectA = (await db.project.create({ data: { orgId: orgA.id, name: "A app", slug: "a" } })).id;
  ids.projectB = (await db.project.create({ data: { orgId: orgB.id, name: "B app", slug: "b" } })).id;
  ids.layerA = (await db.layer.create({ data: { projectId: ids.projectA, platform: "meta", name: "A meta" } })).id;
});
afterAll(() => db.$disconnect());

describe("org scoping", () => {
  it("lists only the user's own projects", async () => {
    expect((await listProjectsForUser(ids.userB)).map((p) => p.id)).toEqual([ids.projectB]);
  });

  it("gives no access to another org's project, indistinguishable from a missing one", async () => {
    expect(await getProjectAccess(ids.userB, ids.projectA)).toBeNull();
    await expect(authorizeProject(ids.userB, ids.projectA, "read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authorizeProject(ids.userB, "no-such-project", "read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authorizeProject(ids.userA, ids.projectA, "read")).resolves.toMatchObject({ role: "owner" });
  });

  it("refuses a server action on another org's layer and changes nothing", async () => {
    session.userId = ids.userB;
    const result = await setLayerPausedAction({ layerId: ids.layerA, paused: true });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.layer.findUniqueOrThrow({ where: { id: ids.layerA } })).status).toBe("active");
    expect(await db.auditLog.count({ where: { resourceId: ids.layerA } })).toBe(0);
  });

  it("refuses a viewer of the same org with a readable message, and lets the owner act", async () => {
    session.userId = ids.viewerA;
    const denied = await setLayerPausedAction({ layerId: ids.layerA, paused: true });
    expect(denied).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    if (!denied.ok) expect(denied.error.message).toContain("admin");
    session.userId = ids.userA;
    expect(await setLayerPausedAction({ layerId: ids.layerA, paused: true, reason: "launch week" })).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { resourceId: ids.layerA, action: "layer.paused" } })).toBe(1);
  });

  it("rejects malformed input with the field named and changes nothing", async () => {
    session.userId = ids.userA;
    const result = await setLayerPausedAction({ layerId: "", paused: "yes" });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!result.ok) expect(result.error.message).toMatch(/layerId|paused/);
  });

  it("answers 404 from the API route for another org's project", async () => {
    session.userId = ids.userB;
    const response = await layersRoute(new Request("http://x/"), { params: Promise.resolve({ projectId: ids.projectA }) });
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain("A meta");
    session.userId = ids.userA;
    const ok = await layersRoute(new Request("http://x/"), { params: Promise.resolve({ projectId: ids.projectA }) });
    expect(ok.status).toBe(200);
  });
});
