// Notifications reach the project's alert webhook once; a failing endpoint is recorded and retried.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { deliverNotifications } = await import("./deliver-notifications");
const { updateProjectAlertsAction } = await import("@/lib/actions/project-settings");

const db = createDb(process.env.DATABASE_URL!, 2);
const received: unknown[] = [];
let status = 200;
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push(JSON.parse(body));
    res.writeHead(status).end("ok");
  });
});
let hookUrl = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.close();
  await db.$disconnect();
});

describe("alert webhook delivery", () => {
  it("lets only an admin set the webhook, then delivers each new notification once and retries failures", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const org = await db.org.create({ data: { name: "Hooks", slug: `hooks-${suffix}` } });
    const admin = await db.user.create({ data: { email: `admin-${suffix}@h.test`, memberships: { create: { orgId: org.id, role: "admin" } } } });
    const viewer = await db.user.create({ data: { email: `viewer-${suffix}@h.test`, memberships: { create: { orgId: org.id, role: "viewer" } } } });
    const project = await db.project.create({ data: { orgId: org.id, name: "Hook App", slug: "hooks" } });

    session.userId = viewer.id;
    expect(await updateProjectAlertsAction({ projectId: project.id, alertWebhookUrl: hookUrl, targetCpa: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    session.userId = admin.id;
    expect(await updateProjectAlertsAction({ projectId: project.id, alertWebhookUrl: "http://example.com/x", targetCpa: "" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await updateProjectAlertsAction({ projectId: project.id, alertWebhookUrl: hookUrl, targetCpa: "6.50" })).toMatchObject({ ok: true, data: { targetCpaMinor: 650 } });
    expect(await updateProjectAlertsAction({ projectId: project.id, alertWebhookUrl: "", targetCpa: "7" })).toMatchObject({ ok: true });
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).alertWebhookUrl).toBe(hookUrl);

    const now = new Date();
    status = 500;
    await db.notification.create({ data: { projectId: project.id, kind: "test", title: "3 paused", body: "Read each reason.", link: "/p/x/runs/1" } });
    const first = await deliverNotifications(now, { appUrl: "https://layers.example.com" });
    expect(first.failed).toBeGreaterThanOrEqual(1);
    const failed = await db.notification.findFirstOrThrow({ where: { projectId: project.id } });
    expect(failed.deliveredAt).toBeNull();
    expect(failed.deliveryError).toContain("500");
    status = 200;
    await deliverNotifications(now, { appUrl: "https://layers.example.com" });
    await deliverNotifications(now, { appUrl: "https://layers.example.com" });
    const mine = received.filter((p) => JSON.stringify(p).includes("Hook App"));
    expect(mine).toHaveLength(2);
    expect(mine[1]).toEqual({ text: "*Hook App: 3 paused*\nRead each reason.\n<https://layers.example.com/p/x/runs/1|Open in Layers>" });
    expect((await db.notification.findFirstOrThrow({ where: { projectId: project.id } })).deliveredAt).not.toBeNull();
  });
});
