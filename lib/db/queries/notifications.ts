import { db, type Db } from "../client";

/** Jobs that run on their own client (the seed, tests) pass it; the app uses the shared one. */
type Client = Pick<Db, "notification" | "task">;

export async function notify(data: { projectId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null; createdAt?: Date }, client: Client = db) {
  if (data.dedupeKey) {
    await client.notification.upsert({ where: { dedupeKey: data.dedupeKey }, update: {}, create: data });
    return;
  }
  await client.notification.create({ data });
}

export async function openTask(data: { projectId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey: string; createdAt?: Date }, client: Client = db) {
  await client.task.upsert({ where: { dedupeKey: data.dedupeKey }, update: {}, create: data });
}

export async function listNotifications(projectId: string, userId: string, take = 30) {
  const rows = await db.notification.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, reads: { where: { userId }, select: { readAt: true } } },
  });
  return rows.map(({ reads, ...n }) => ({ ...n, read: reads.length > 0 }));
}

export async function listOpenTasks(projectId: string, take = 20) {
  return db.task.findMany({ where: { projectId, status: "open" }, orderBy: { createdAt: "desc" }, take });
}

/** Closes the open tasks of a kind once their cause is gone (e.g. a retried top-up succeeded). */
export async function resolveOpenTasks(where: { projectIds: string[]; kind: string }, now: Date, client: Client = db): Promise<number> {
  const result = await client.task.updateMany({ where: { projectId: { in: where.projectIds }, kind: where.kind, status: "open" }, data: { status: "done", resolvedAt: now } });
  return result.count;
}

export async function hasOpenTask(projectId: string, kind: string, client: Client = db): Promise<boolean> {
  return (await client.task.count({ where: { projectId, kind, status: "open" } })) > 0;
}

export async function countUnreadNotifications(projectId: string, userId: string) {
  return db.notification.count({ where: { projectId, reads: { none: { userId } } } });
}

export async function notificationProjectId(notificationId: string): Promise<string | null> {
  return (await db.notification.findUnique({ where: { id: notificationId }, select: { projectId: true } }))?.projectId ?? null;
}

export async function taskProjectId(taskId: string): Promise<string | null> {
  return (await db.task.findUnique({ where: { id: taskId }, select: { projectId: true } }))?.projectId ?? null;
}

export async function markNotificationRead(notificationId: string, userId: string) {
  await db.notificationRead.upsert({ where: { notificationId_userId: { notificationId, userId } }, update: {}, create: { notificationId, userId } });
}

export async function markAllNotificationsRead(projectId: string, userId: string): Promise<number> {
  const unread = await db.notification.findMany({ where: { projectId, reads: { none: { userId } } }, select: { id: true } });
  const result = await db.notificationRead.createMany({ data: unread.map((n) => ({ notificationId: n.id, userId })), skipDuplicates: true });
  return result.count;
}

/** Completes or dismisses an open task; a task already closed stays as it was (returns null). */
export async function closeTask(taskId: string, status: "done" | "dismissed", now: Date) {
  const result = await db.task.updateMany({ where: { id: taskId, status: "open" }, data: { status, resolvedAt: now } });
  return result.count ? db.task.findUnique({ where: { id: taskId } }) : null;
}
