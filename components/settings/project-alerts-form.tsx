"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateProjectAlertsAction } from "@/lib/actions/project-settings";

export function ProjectAlertsForm({ projectId, targetCpa, webhookSet, canEdit }: { projectId: string; targetCpa: string; webhookSet: boolean; canEdit: boolean }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form className="space-y-3" onSubmit={(event) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      startTransition(async () => {
        const result = await updateProjectAlertsAction({ projectId, alertWebhookUrl: String(form.get("alertWebhookUrl") ?? ""), removeWebhook: form.get("removeWebhook") === "on", targetCpa: String(form.get("targetCpa") ?? "") });
        if (!result.ok) {
          setFieldErrors(result.error.fieldErrors ?? {});
          setMessage(result.error.message);
          return;
        }
        setFieldErrors({});
        setMessage("Saved.");
        router.refresh();
      });
    }}>
      <label className="block text-sm font-medium">Target CPA
        <input name="targetCpa" defaultValue={targetCpa} disabled={!canEdit} aria-describedby="targetCpa-error" className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1" />
      </label>
      <p id="targetCpa-error" className="text-sm text-red-700">{fieldErrors.targetCpa?.join(" ")}</p>
      <label className="block text-sm font-medium">Alert webhook (Slack incoming webhook or compatible) {webhookSet && <span className="text-xs text-emerald-700">— currently set</span>}
        <input name="alertWebhookUrl" type="url" placeholder={webhookSet ? "(unchanged unless you enter a new URL)" : "https://hooks.slack.com/services/…"} disabled={!canEdit} aria-describedby="alertWebhookUrl-error" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      {webhookSet && canEdit && <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="removeWebhook" /> Remove the webhook</label>}
      <p id="alertWebhookUrl-error" className="text-sm text-red-700">{fieldErrors.alertWebhookUrl?.join(" ")}</p>
      <p className="text-xs text-slate-500">Every notification (pauses, scale-ups, failed top-ups, attribution drift, scoring bumps) is also posted there within a minute.</p>
      {canEdit ? <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white">Save</button> : <p className="text-sm text-slate-500">Only admins can change project settings.</p>}
      {message && <p role="status" className="text-sm">{message}</p>}
    </form>
  );
}
