"use server";
import { z } from "zod";
import { setAlertWebhook, setTargetCpa } from "@/lib/db/queries/notification-outbox";
import { isAllowedWebhookUrl } from "@/lib/notifications/webhook";
import { projectAction } from "./safe-action";

export const updateProjectAlertsAction = projectAction({
  capability: "project.settings",
  input: z.object({
    projectId: z.string().min(1),
    /** Empty keeps the current webhook (it is never sent back to the browser); `removeWebhook` clears it. */
    alertWebhookUrl: z.string().trim().max(500).refine((v) => v === "" || isAllowedWebhookUrl(v), { message: "Use an https:// webhook URL (e.g. a Slack incoming webhook)." }),
    removeWebhook: z.boolean().default(false),
    targetCpa: z.string().trim().refine((v) => v === "" || (/^\d+(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 10_000), { message: "Target CPA is an amount like 6.00 (up to 10,000), or empty for none." }),
  }),
  project: async (input) => input.projectId,
  handler: async (input, { audit }) => {
    const target = input.targetCpa === "" ? null : Math.round(Number(input.targetCpa) * 100);
    const before = await setTargetCpa(input.projectId, target);
    const current = await setAlertWebhook(input.projectId, input.removeWebhook ? null : input.alertWebhookUrl || undefined);
    const url = input.removeWebhook ? null : input.alertWebhookUrl || current.alertWebhookUrl;
    // The webhook URL is a secret of sorts: the audit says it changed, not what it is.
    await audit({ action: "project.settings_updated", resourceType: "project", resourceId: input.projectId, changes: { alertWebhook: { old: current.alertWebhookUrl ? "set" : "none", new: url ? "set" : "none" }, targetCpaMinor: { old: before.targetCpaMinor, new: target } } });
    return { alertWebhookSet: url !== null, targetCpaMinor: target };
  },
});
