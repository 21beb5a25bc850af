// Alert webhook payloads: Slack's incoming-webhook format ({ text }), which most chat tools accept as well.
export interface OutgoingNotification {
  title: string;
  body: string;
  link: string | null;
  projectName: string;
}

export function buildWebhookPayload(n: OutgoingNotification, appUrl: string | null): { text: string } {
  const link = n.link && appUrl ? `\n<${new URL(n.link, appUrl).toString()}|Open in Layers>` : "";
  return { text: `*${n.projectName}: ${n.title}*\n${n.body}${link}` };
}

/** Only https endpoints (http on localhost for development) may receive project alerts. */
export function isAllowedWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname));
  } catch {
    return false;
  }
}
