import { db } from "../client";

/** Recent notifications not yet delivered to a project that has an alert webhook. */
export async function undeliveredNotifications(now: Date, take = 50) {
  return db.notification.findMany({
    where: { deliveredAt: null, createdAt: { gte: new Date(now.getTime() - 86_400_000) }, project: { alertWebhookUrl: { not: null } } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, title: true, body: true, link: true, project: { select: { name: true, alertWebhookUrl: true } } },
  });
}

export async function markDelivered(id: string, outcome: { at: Date } | { error: string }) {
  await db.notification.update({ where: { id }, data: "at" in outcome ? { deliveredAt: outcome.at, deliveryError: null } : { deliveryError: outcome.error } });
}

/** `undefined` leaves the webhook as it is; returns the previous value. */
export async function setAlertWebhook(projectId: string, url: string | null | undefined) {
  const before = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { alertWebhookUrl: true } });
  if (url !== undefined) await db.project.update({ where: { id: projectId }, data: { alertWebhookUrl: url } });
  return before;
}

export async function setTargetCpa(projectId: string, targetCpaMinor: number | null) {
  const before = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { targetCpaMinor: true } });
  await db.project.update({ where: { id: projectId }, data: { targetCpaMinor } });
  return before;
}
