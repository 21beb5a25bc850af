"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setEmergencyStopAction } from "@/lib/actions/org";

export function EmergencyStop({ projectId, orgName, active }: { projectId: string; orgName: string; active: boolean }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState("");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (on: boolean) =>
    startTransition(async () => {
      const result = await setEmergencyStopAction({ projectId, on, confirm: on ? confirm : undefined });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setOpen(false);
      setConfirm("");
      router.refresh();
    });
  if (active) {
    return (
      <div className="space-y-2">
        <p className="text-sm">The emergency stop is on: every layer of {orgName} is paused.</p>
        <button type="button" disabled={pending} onClick={() => submit(false)} className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white">Release emergency stop</button>
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">Pauses every ad layer of {orgName} at once: no optimizer, watchdog or refresh runs until released. Metrics keep syncing.</p>
      {open ? (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
          <label className="block text-sm text-red-800">Type STOP to confirm
            <input aria-label="Confirm emergency stop" value={confirm} onChange={(e) => setConfirm(e.target.value)} className="mt-1 block w-40 rounded border border-red-300 px-2 py-1" />
          </label>
          <div className="flex gap-2">
            <button type="button" disabled={pending} onClick={() => submit(true)} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white">Stop every layer</button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border px-3 py-1.5 text-sm">Cancel</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-red-400 px-3 py-1.5 text-sm font-medium text-red-700">Emergency stop…</button>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
