"use client";
// Confirms an override change and says what it will and will not do before anything is written.
import { useEffect, useRef } from "react";

export type OverrideChoice = "include" | "exclude" | "auto";

export const OVERRIDE_LABEL: Record<OverrideChoice, string> = { include: "Include", exclude: "Exclude", auto: "Auto" };

export const OVERRIDE_EFFECT: Record<OverrideChoice, string> = {
  include:
    "Always eligible in this project regardless of its organic score. It still needs approval and a passed safety check, and it does not resume a paused ad.",
  exclude:
    "Never selected in this project, whatever its score. Ads already running it keep running: an override does not pause them.",
  auto: "The organic score decides again: eligible at 4.0 or above. Clears the override in this project only.",
};

export function OverrideDialog({ choice, subject, pending, onConfirm, onCancel }: {
  choice: OverrideChoice;
  /** e.g. "“Hook variant 4”" or "3 creatives". */
  subject: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby="override-dialog-title" className="w-full max-w-md rounded-xl bg-white p-5 shadow-xl">
        <h2 id="override-dialog-title" className="text-lg font-semibold">Set override to {OVERRIDE_LABEL[choice]} for {subject}?</h2>
        <p className="mt-2 text-sm text-slate-600" data-testid="override-effect">{OVERRIDE_EFFECT[choice]}</p>
        <p className="mt-2 text-xs text-slate-500">The change is recorded in the audit log.</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">Cancel</button>
          <button ref={confirmRef} type="button" onClick={onConfirm} disabled={pending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            {pending ? "Saving…" : `Confirm ${OVERRIDE_LABEL[choice]}`}
          </button>
        </div>
      </div>
    </div>
  );
}
