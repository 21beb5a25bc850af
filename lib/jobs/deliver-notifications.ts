// Delivers new notifications to each project's alert webhook (outbox: every source of notifications is covered,
// and a failed delivery is retried on the next pass, within a day).
import { markDelivered, undeliveredNotifications } from "@/lib/db/queries/notification-outbox";
import { buildWebhookPayload } from "@/lib/notifications/webhook";

export async function deliverNotifications(now: Date, options: { fetch?: typeof fetch; appUrl?: string | null; timeoutMs?: number } = {}) {
  const send = options.fetch ?? fetch;
  const pending = await undeliveredNotifications(now);
  let delivered = 0;
  let failed = 0;
  for (const n of pending) {
    try {
      const response = await send(n.project.alertWebhookUrl!, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(buildWebhookPayload({ title: n.title, body: n.body, link: n.link, projectName: n.project.name }, options.appUrl ?? process.env.AUTH_URL ?? null)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
      await markDelivered(n.id, { at: now });
      delivered += 1;
    } catch (error) {
      await markDelivered(n.id, { error: error instanceof Error ? error.message : String(error) });
      failed += 1;
    }
  }
  return { delivered, failed };
}
