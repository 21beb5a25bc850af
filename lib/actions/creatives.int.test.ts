// Creative actions against a real database: audit on every change, refusals change nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const {
  setCreativeApprovalAction, setCreativeOverrideAction, setCreativesArchivedAction, uploadCreativeAction, setRequiresApprovalAction,
  requestCreativeRegenerationAction,
} = await import("./creatives");

const db = createDb(process.env.DATABASE_URL!, 2);
const ids = { marketer: "", viewer: "", admin: "", ownerB: "", projectA: "", projectA2: "", projectB: "", pending: "", pending2: "", unsafe: "", foreign: "", unlinked: "" };

async function creative(orgId: string, title: string, data: Record<string, unknown> = {}) {
  return (await db.adsContent.create({ data: { orgId, pool: "generated", title, mediaUrl: "/demo/creative-1.svg", organicScore: 5, scoringVersion: 2, ...data } })).id;
}

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const orgA = await db.org.create({ data: { name: "Org A", slug: `ca-${suffix}` } });
  const orgB = await db.org.create({ data: { name: "Org B", slug: `cb-${suffix}` } });
  const user = async (email: string, orgId: string, role: "owner" | "admin" | "marketer" | "viewer") =>
    (await db.user.create({ data: { email: `${email}-${suffix}@x.test`, memberships: { create: { orgId, role } } } })).id;
  ids.marketer = await user("m", orgA.id, "marketer");
  ids.viewer = await user("v", orgA.id, "viewer");
  ids.admin = await user("a", orgA.id, "admin");
  ids.ownerB = await user("b", orgB.id, "owner");
  ids.projectA = (await db.project.create({ data: { orgId: orgA.id, name: "A", slug: "a" } })).id;
  ids.projectA2 = (await db.project.create({ data: { orgId: orgA.id, name: "A2", slug: "a2" } })).id;
  ids.projectB = (await db.project.create({ data: { orgId: orgB.id, name: "B", slug: "b" } })).id;
  ids.pending = await creative(orgA.id, "Pending one");
  ids.pending2 = await creative(orgA.id, "Pending two");
  ids.unsafe = await creative(orgA.id, "Unsafe", { safetyFailed: true, organicScore: 0, approval: "approved" });
  ids.unlinked = await creative(orgA.id, "Only in A2");
  ids.foreign = await creative(orgB.id, "Globex creative");
  await db.projectAdsContent.createMany({
    data: [
      { projectId: ids.projectA, contentId: ids.pending },
      { projectId: ids.projectA, contentId: ids.pending2 },
      { projectId: ids.projectA, contentId: ids.unsafe },
      { projectId: ids.projectA2, contentId: ids.pending },
      { projectId: ids.projectA2, contentId: ids.unlinked },
      { projectId: ids.projectB, contentId: ids.foreign },
    ],
  });
});
afterAll(() => db.$disconnect());

const auditCount = (resourceId: string, action?: string) => db.auditLog.count({ where: { resourceId, action } });

describe("creative actions", () => {
  it("approves one or many with one audit row per change holding who and { old, new }", async () => {
    session.userId = ids.marketer;
    const result = await setCreativeApprovalAction({ projectId: ids.projectA, contentIds: [ids.pending, ids.pending2], decision: "approve" });
    expect(result).toMatchObject({ ok: true, data: { changed: expect.arrayContaining([ids.pending, ids.pending2]), unchanged: [] } });
    expect((await db.adsContent.findUniqueOrThrow({ where: { id: ids.pending } })).approval).toBe("approved");
    const log = await db.auditLog.findFirstOrThrow({ where: { resourceId: ids.pending, action: "creative.approved" } });
    expect(log).toMatchObject({ actorId: ids.marketer, projectId: ids.projectA, changes: { old: "pending", new: "approved" } });
    expect(log.createdAt).toBeInstanceOf(Date);
    // Approving again changes nothing and logs nothing.
    expect(await setCreativeApprovalAction({ projectId: ids.projectA, contentIds: [ids.pending], decision: "approve" })).toMatchObject({ ok: true, data: { changed: [] } });
    expect(await auditCount(ids.pending, "creative.approved")).toBe(1);
  });

  it("sets and clears an override per project with audit action creative_override", async () => {
    session.userId = ids.marketer;
    expect(await setCreativeOverrideAction({ projectId: ids.projectA, contentIds: [ids.pending], override: "exclude" })).toMatchObject({ ok: true });
    const link = (projectId: string) => db.projectAdsContent.findUniqueOrThrow({ where: { projectId_contentId: { projectId, contentId: ids.pending } } });
    expect((await link(ids.projectA)).override).toBe("exclude");
    expect((await link(ids.projectA2)).override).toBeNull();
    expect(await setCreativeOverrideAction({ projectId: ids.projectA, contentIds: [ids.pending], override: "auto" })).toMatchObject({ ok: true });
    expect((await link(ids.projectA)).override).toBeNull();
    const logs = await db.auditLog.findMany({ where: { resourceId: ids.pending, action: "creative_override" }, orderBy: { createdAt: "asc" } });
    expect(logs.map((l) => l.changes)).toEqual([{ old: null, new: "exclude" }, { old: "exclude", new: null }]);
  });

  it("refuses an override value other than include/exclude/auto with a readable message and changes nothing", async () => {
    session.userId = ids.marketer;
    const before = await auditCount(ids.pending2);
    const result = await setCreativeOverrideAction({ projectId: ids.projectA, contentIds: [ids.pending2], override: "always" });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!result.ok) expect(result.error.message).toContain("Override must be 'include', 'exclude' or 'auto'");
    expect((await db.projectAdsContent.findUniqueOrThrow({ where: { projectId_contentId: { projectId: ids.projectA, contentId: ids.pending2 } } })).override).toBeNull();
    expect(await auditCount(ids.pending2)).toBe(before);
  });

  it("archives and restores with audit", async () => {
    session.userId = ids.marketer;
    expect(await setCreativesArchivedAction({ projectId: ids.projectA, contentIds: [ids.pending2], archived: true })).toMatchObject({ ok: true });
    expect((await db.adsContent.findUniqueOrThrow({ where: { id: ids.pending2 } })).archivedAt).not.toBeNull();
    expect(await db.auditLog.findFirst({ where: { resourceId: ids.pending2, action: "creative.archived" } })).toMatchObject({ changes: { old: false, new: true } });
    await setCreativesArchivedAction({ projectId: ids.projectA, contentIds: [ids.pending2], archived: false });
    expect((await db.adsContent.findUniqueOrThrow({ where: { id: ids.pending2 } })).archivedAt).toBeNull();
  });

  it("answers NOT_FOUND for another org's creative, or one not linked to the project, and changes nothing", async () => {
    session.userId = ids.ownerB;
    // Org B's owner naming Org A's project and creative.
    expect(await setCreativeApprovalAction({ projectId: ids.projectA, contentIds: [ids.pending2], decision: "reject" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    session.userId = ids.marketer;
    // Org A's marketer naming Org B's creative through their own project.
    expect(await setCreativeApprovalAction({ projectId: ids.projectA, contentIds: [ids.foreign], decision: "approve" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // A creative of the same org linked to another project only; one foreign id refuses the whole batch.
    expect(await setCreativeApprovalAction({ projectId: ids.projectA, contentIds: [ids.pending2, ids.unlinked], decision: "reject" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.adsContent.findUniqueOrThrow({ where: { id: ids.foreign } })).approval).toBe("pending");
    expect((await db.adsContent.findUniqueOrThrow({ where: { id: ids.pending2 } })).approval).toBe("approved");
    expect(await auditCount(ids.foreign)).toBe(0);
    expect(await auditCount(ids.unlinked)).toBe(0);
  });

  it("refuses a viewer with FORBIDDEN and a readable message", async () => {
    session.userId = ids.viewer;
    const result = await setCreativeOverrideAction({ projectId: ids.projectA, contentIds: [ids.pending2], override: "include" });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    if (!result.ok) expect(result.error.message).toBe("Your role (viewer) cannot do this; it needs marketer or above.");
    expect(await auditCount(ids.pending2, "creative_override")).toBe(0);
  });

  it("uploads a manual creative: pending when the project requires approval, approved when an admin turns that off", async () => {
    session.userId = ids.marketer;
    const first = await uploadCreativeAction({ projectId: ids.projectA, title: "Studio shoot", mediaUrl: "https://cdn.example.com/a.mp4", hook: "Watch this" });
    expect(first).toMatchObject({ ok: true, data: { approval: "pending" } });
    if (!first.ok) return;
    const row = await db.adsContent.findUniqueOrThrow({ where: { id: first.data.id }, include: { projects: true, scoreHistory: true } });
    expect(row).toMatchObject({ pool: "manual", mediaType: "video", scoringVersion: 2, projects: [{ projectId: ids.projectA }] });
    expect(Number(row.organicScore)).toBe(7);
    expect(row.scoreHistory).toHaveLength(1);
    expect(await setRequiresApprovalAction({ projectId: ids.projectA, requiresApproval: false })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    session.userId = ids.admin;
    expect(await setRequiresApprovalAction({ projectId: ids.projectA, requiresApproval: false })).toMatchObject({ ok: true });
    expect(await db.auditLog.findFirst({ where: { resourceId: ids.projectA, action: "project.requires_approval" } })).toMatchObject({ changes: { old: true, new: false } });
    const second = await uploadCreativeAction({ projectId: ids.projectA, title: "Poster", mediaUrl: "/demo/creative-2.svg" });
    expect(second).toMatchObject({ ok: true, data: { approval: "approved" } });
    const bad = await uploadCreativeAction({ projectId: ids.projectA, title: "", mediaUrl: "javascript:alert(1)" });
    expect(bad).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!bad.ok) expect(bad.error.message).toMatch(/title.*mediaUrl|mediaUrl.*title/s);
  });

  it("records a regeneration task for a safety-failed creative only", async () => {
    session.userId = ids.marketer;
    expect(await requestCreativeRegenerationAction({ projectId: ids.projectA, contentId: ids.unsafe })).toMatchObject({ ok: true });
    expect(await requestCreativeRegenerationAction({ projectId: ids.projectA, contentId: ids.unsafe })).toMatchObject({ ok: true });
    expect(await db.task.count({ where: { projectId: ids.projectA, kind: "regenerate_creative" } })).toBe(1);
    expect(await requestCreativeRegenerationAction({ projectId: ids.projectA, contentId: ids.pending })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
