// Wallet and notification actions through the real gate (mocked session only): roles, org scoping, validation.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { createWalletOrg, postingSum, type WalletFixture } from "@/lib/jobs/wallet-test-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { topUpWalletAction, saveAutoTopUpSettingsAction, recordWalletCorrectionAction } = await import("./wallet");
const { markNotificationReadAction, markAllNotificationsReadAction, closeTaskAction } = await import("./notifications");
const { GET: notificationsRoute } = await import("@/app/api/projects/[projectId]/notifications/route");

const db = createDb(process.env.DATABASE_URL!, 2);
let a: WalletFixture;
let b: WalletFixture;
const as = (userId: string) => (session.userId = userId);
const balanceOf = async (orgId: string) => {
  const sum = await db.ledgerPosting.aggregate({ where: { account: "wallet", transaction: { wallet: { orgId } } }, _sum: { amountMinor: true } });
  return -Number(sum._sum.amountMinor ?? 0n);
};
const ledgerCount = (orgId: string) => db.ledgerTransaction.count({ where: { wallet: { orgId } } });
const route = (projectId: string) => notificationsRoute(new Request("http://x/"), { params: Promise.resolve({ projectId }) });

beforeAll(async () => {
  a = await createWalletOrg(db, "act-a", { wallet: { thresholdMinor: 20_000, topUpAmountMinor: 30_000, dailyCapMinor: 60_000, autoTopUpEnabled: false } });
  b = await createWalletOrg(db, "act-b");
});
afterAll(() => db.$disconnect());

describe("wallet actions", () => {
  it("lets an admin top up: balance, ledger line, audit and a notification", async () => {
    as(a.users.admin);
    const result = await topUpWalletAction({ projectId: a.projectId, amountMinor: 10_000, requestId: "req-admin-0001" });
    expect(result).toEqual({ ok: true, data: { balanceMinor: 10_000, chargedMinor: 10_500 } });
    // The same request again (double submit) is the same top-up.
    expect(await topUpWalletAction({ projectId: a.projectId, amountMinor: 10_000, requestId: "req-admin-0001" })).toMatchObject({ ok: true, data: { balanceMinor: 10_000 } });
    expect(await ledgerCount(a.orgId)).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: a.orgId, action: "wallet.top_up" } })).toBe(2);
    expect(await db.notification.count({ where: { projectId: a.projectId, kind: "wallet.top_up" } })).toBe(1);
    expect(await postingSum(db, a.orgId)).toBe(0n);
  });

  it("refuses a viewer and a marketer with a readable message and changes nothing", async () => {
    const before = { balance: await balanceOf(a.orgId), entries: await ledgerCount(a.orgId) };
    for (const role of ["viewer", "marketer"] as const) {
      as(a.users[role]);
      const denied = await topUpWalletAction({ projectId: a.projectId, amountMinor: 10_000, requestId: `req-${role}-0001` });
      expect(denied).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      if (!denied.ok) expect(denied.error.message).toBe(`Your role (${role}) cannot do this; it needs admin or above.`);
      expect(await saveAutoTopUpSettingsAction({ projectId: a.projectId, enabled: true, thresholdMinor: 1_000, amountMinor: 5_000, dailyCapMinor: 5_000 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await recordWalletCorrectionAction({ projectId: a.projectId, kind: "refund", amountMinor: 1_000, memo: "nope", requestId: `corr-${role}-01` })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect({ balance: await balanceOf(a.orgId), entries: await ledgerCount(a.orgId) }).toEqual(before);
    expect((await db.wallet.findUniqueOrThrow({ where: { orgId: a.orgId } })).autoTopUpEnabled).toBe(false);
  });

  it("validates amounts and requires a memo, changing nothing on bad input", async () => {
    as(a.users.owner);
    const before = await ledgerCount(a.orgId);
    const tooSmall = await topUpWalletAction({ projectId: a.projectId, amountMinor: 999, requestId: "req-small-0001" });
    expect(tooSmall).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fieldErrors: { amountMinor: ["Top up at least 10.00."] } } });
    expect(await topUpWalletAction({ projectId: a.projectId, amountMinor: 1_000_001, requestId: "req-big-00001" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await topUpWalletAction({ projectId: a.projectId, amountMinor: 10.5, requestId: "req-frac-0001" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const noMemo = await recordWalletCorrectionAction({ projectId: a.projectId, kind: "adjustment", amountMinor: -500, memo: "  ", requestId: "corr-nomemo-1" });
    expect(noMemo).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fieldErrors: { memo: ["Say why (a memo is required)."] } } });
    const negativeRefund = await recordWalletCorrectionAction({ projectId: a.projectId, kind: "refund", amountMinor: -500, memo: "credit", requestId: "corr-negref-1" });
    expect(negativeRefund).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const badCap = await saveAutoTopUpSettingsAction({ projectId: a.projectId, enabled: true, thresholdMinor: 1_000, amountMinor: 5_000, dailyCapMinor: 4_000 });
    expect(badCap).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fieldErrors: { dailyCapMinor: ["The daily cap must be at least one top-up amount."] } } });
    expect(await ledgerCount(a.orgId)).toBe(before);
  });

  it("records an owner's refund and adjustment with their memo", async () => {
    as(a.users.owner);
    const start = await balanceOf(a.orgId);
    expect(await recordWalletCorrectionAction({ projectId: a.projectId, kind: "refund", amountMinor: 1_200, memo: "Meta invalid-activity credit", requestId: "corr-refund-1" })).toMatchObject({ ok: true, data: { balanceMinor: start + 1_200 } });
    expect(await recordWalletCorrectionAction({ projectId: a.projectId, kind: "adjustment", amountMinor: -200, memo: "Duplicate credit", requestId: "corr-adjust-1" })).toMatchObject({ ok: true, data: { balanceMinor: start + 1_000 } });
    const memos = await db.ledgerTransaction.findMany({ where: { wallet: { orgId: a.orgId }, kind: { in: ["refund", "adjustment"] } }, select: { description: true, actorId: true } });
    expect(memos.map((m) => m.description).sort()).toEqual(["Adjustment: Duplicate credit", "Refund: Meta invalid-activity credit"]);
    expect(memos.every((m) => m.actorId === a.users.owner)).toBe(true);
    expect(await postingSum(db, a.orgId)).toBe(0n);
  });

  it("saves auto top-up settings and tops up at once when below the threshold", async () => {
    as(a.users.admin);
    const start = await balanceOf(a.orgId);
    const saved = await saveAutoTopUpSettingsAction({ projectId: a.projectId, enabled: true, thresholdMinor: start + 1, amountMinor: 5_000, dailyCapMinor: 10_000 });
    expect(saved).toEqual({ ok: true, data: { topUp: "succeeded" } });
    expect(await db.wallet.findUniqueOrThrow({ where: { orgId: a.orgId } })).toMatchObject({ autoTopUpEnabled: true, thresholdMinor: start + 1, topUpAmountMinor: 5_000, dailyCapMinor: 10_000 });
    expect(await balanceOf(a.orgId)).toBe(start + 5_000);
  });

  it("gives another org's user NOT_FOUND for every read and write, changing nothing", async () => {
    as(b.users.owner);
    const before = { balance: await balanceOf(a.orgId), entries: await ledgerCount(a.orgId) };
    expect(await topUpWalletAction({ projectId: a.projectId, amountMinor: 10_000, requestId: "req-foreign-01" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await saveAutoTopUpSettingsAction({ projectId: a.projectId, enabled: false, thresholdMinor: 0, amountMinor: 5_000, dailyCapMinor: 5_000 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await recordWalletCorrectionAction({ projectId: a.projectId, kind: "refund", amountMinor: 500, memo: "sneaky", requestId: "corr-foreign-1" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const notification = await db.notification.findFirstOrThrow({ where: { projectId: a.projectId } });
    expect(await markNotificationReadAction({ notificationId: notification.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await markAllNotificationsReadAction({ projectId: a.projectId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const response = await route(a.projectId);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain("Wallet topped up");
    expect({ balance: await balanceOf(a.orgId), entries: await ledgerCount(a.orgId) }).toEqual(before);
    expect(await db.notificationRead.count({ where: { userId: b.users.owner } })).toBe(0);
    expect((await db.wallet.findUniqueOrThrow({ where: { orgId: a.orgId } })).autoTopUpEnabled).toBe(true);
  });
});

describe("notification centre", () => {
  it("marks one and then all notifications read, per user", async () => {
    as(a.users.viewer);
    const before = await (await route(a.projectId)).json();
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const first = before.notifications[0];
    expect(await markNotificationReadAction({ notificationId: first.id })).toMatchObject({ ok: true });
    const after = await (await route(a.projectId)).json();
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.notifications.find((n: { id: string }) => n.id === first.id).read).toBe(true);
    expect(await markAllNotificationsReadAction({ projectId: a.projectId })).toMatchObject({ ok: true, data: { marked: before.unreadCount - 1 } });
    expect((await (await route(a.projectId)).json()).unreadCount).toBe(0);
    // Read state is the viewer's own: the admin still has everything unread.
    as(a.users.admin);
    expect((await (await route(a.projectId)).json()).unreadCount).toBe(before.unreadCount);
  });

  it("lets a marketer complete a task, refuses a viewer, and refuses closing it twice", async () => {
    const task = await db.task.create({ data: { projectId: a.projectId, kind: "test", title: "Check the card", body: "…", dedupeKey: `t-${Date.now()}` } });
    as(a.users.viewer);
    expect(await closeTaskAction({ taskId: task.id, status: "done" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    as(b.users.owner);
    expect(await closeTaskAction({ taskId: task.id, status: "done" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("open");
    as(a.users.marketer);
    expect((await (await route(a.projectId)).json()).tasks.map((t: { id: string }) => t.id)).toContain(task.id);
    expect(await closeTaskAction({ taskId: task.id, status: "dismissed" })).toEqual({ ok: true, data: { taskId: task.id, status: "dismissed" } });
    expect(await closeTaskAction({ taskId: task.id, status: "done" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.auditLog.count({ where: { resourceId: task.id, action: "task.dismissed" } })).toBe(1);
  });
});
