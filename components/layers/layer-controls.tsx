"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setLayerModeAction, setLayerPausedAction } from "@/lib/actions/layers";

export function LayerDangerZone({ layerId, paused, pausedReason }: { layerId: string; paused: boolean; pausedReason: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (nextPaused: boolean) =>
    startTransition(async () => {
      const result = await setLayerPausedAction({ layerId, paused: nextPaused, reason: reason || undefined });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setConfirming(false);
      router.refresh();
    });
  return (
    <div className="space-y-3">
      {paused ? (
        <>
          <p className="text-sm">This layer is <strong>paused</strong>{pausedReason ? ` (${pausedReason})` : ""}. Metrics keep syncing; no optimizer, watchdog or refresh command runs.</p>
          <button type="button" disabled={pending} onClick={() => submit(false)} className="rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white">Resume layer</button>
        </>
      ) : confirming ? (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-red-800">Pausing stops every scheduled command on this layer (optimizer, watchdog, content refresh) until you resume. Metrics keep syncing. Ads keep running as they are.</p>
          <label className="block text-sm">Reason (shown in the run history)
            <input value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" placeholder="e.g. launch week" />
          </label>
          <div className="flex gap-2">
            <button type="button" disabled={pending} onClick={() => submit(true)} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white">Confirm pause</button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border px-3 py-1.5 text-sm">Cancel</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700">Pause layer</button>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function LayerModeToggle({ layerId, mode }: { layerId: string; mode: "autopilot" | "approve_first" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <label className="text-sm font-medium">Mode{" "}
        <select aria-label="Mode" value={mode} disabled={pending} className="ml-2 rounded border border-slate-300 px-2 py-1"
          onChange={(e) => startTransition(async () => {
            const result = await setLayerModeAction({ layerId, mode: e.target.value });
            if (!result.ok) setError(result.error.message);
            else { setError(null); router.refresh(); }
          })}>
          <option value="autopilot">Autopilot — approved actions execute</option>
          <option value="approve_first">Approve first — approved actions wait for a marketer</option>
        </select>
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
