import { db } from "../client";

export async function notify(data: { projectId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null }) {
  if (data.dedupeKey) {
    await db.notification.upsert({ where: { dedupeKey: data.dedupeKey }, update: {}, create: data });
    return;
  }
  await db.notification.create({ data });
}

export async function openTask(data: { projectId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey: string }) {
  await db.task.upsert({ where: { dedupeKey: data.dedupeKey }, update: {}, create: data });
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
