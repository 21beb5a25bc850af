"use client";
import { useState } from "react";
import { saveAutoTopUpSettingsAction } from "@/lib/actions/wallet";
import { formatMoney } from "@/lib/format";
import { platformFeeMinor } from "@/lib/wallet";
import { parseMoneyInput, toMajorInput } from "./wallet-format";
import { useWalletAction } from "./use-wallet-action";

export interface AutoTopUpSettings {
  enabled: boolean;
  thresholdMinor: number | null;
  amountMinor: number | null;
  dailyCapMinor: number | null;
}

const OUTCOME = {
  succeeded: "Saved. The balance was below the threshold, so the wallet was topped up now.",
  failed: "Saved, but the top-up it triggered was declined: see the failed top-ups below.",
  not_needed: "Saved. Auto top-up is on.",
  disabled: "Saved. Auto top-up is off.",
} as const;

/** Threshold, amount and daily cap, saved only after a confirmation that spells out what will be charged. */
export function AutoTopUpForm({ projectId, currency, settings }: { projectId: string; currency: string; settings: AutoTopUpSettings }) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [threshold, setThreshold] = useState(toMajorInput(settings.thresholdMinor ?? 50_000));
  const [amount, setAmount] = useState(toMajorInput(settings.amountMinor ?? 100_000));
  const [cap, setCap] = useState(toMajorInput(settings.dailyCapMinor ?? 300_000));
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, notice, setError } = useWalletAction();
  const values = { thresholdMinor: parseMoneyInput(threshold), amountMinor: parseMoneyInput(amount), dailyCapMinor: parseMoneyInput(cap) };
  const money = (minor: number) => formatMoney(minor, currency);

  const review = (e: React.FormEvent) => {
    e.preventDefault();
    if (values.thresholdMinor === null || values.amountMinor === null || values.dailyCapMinor === null) return setError("Enter amounts like 2000 or 250.50.");
    setError(null);
    setConfirming(true);
  };
  const save = () => {
    const { thresholdMinor, amountMinor, dailyCapMinor } = values;
    if (thresholdMinor === null || amountMinor === null || dailyCapMinor === null) return;
    run(saveAutoTopUpSettingsAction, { projectId, enabled, thresholdMinor, amountMinor, dailyCapMinor }, (data) => {
      setConfirming(false);
      return OUTCOME[data.topUp];
    });
  };

  const field = (label: string, value: string, set: (v: string) => void, name: string) => (
    <label className="block text-sm">{label} ({currency})
      <input name={name} inputMode="decimal" value={value} disabled={confirming} onChange={(e) => set(e.target.value)} className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1" />
    </label>
  );

  return (
    <form onSubmit={review} className="space-y-3" aria-label="Auto top-up settings">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={enabled} disabled={confirming} onChange={(e) => setEnabled(e.target.checked)} /> Auto top-up enabled
      </label>
      <div className="grid gap-3 sm:grid-cols-3">
        {field("When the balance is below", threshold, setThreshold, "threshold")}
        {field("Add", amount, setAmount, "amount")}
        {field("At most per day", cap, setCap, "dailyCap")}
      </div>
      {confirming && values.amountMinor !== null && values.thresholdMinor !== null && values.dailyCapMinor !== null ? (
        <div role="alertdialog" aria-label="Confirm auto top-up settings" className="space-y-2 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm">
          {enabled ? (
            <p>
              Whenever the wallet balance drops below <strong>{money(values.thresholdMinor)}</strong>, Layers charges your saved card{" "}
              <strong>{money(values.amountMinor + platformFeeMinor(values.amountMinor))}</strong> ({money(values.amountMinor)} + 5% platform fee) and adds{" "}
              {money(values.amountMinor)} to the wallet — never more than <strong>{money(values.dailyCapMinor)}</strong> of top-ups per day (UTC). A declined
              charge is retried after 15 minutes, 1 hour, 4 hours and 24 hours; each failure notifies the team and opens a task. Saving also retries a failed
              top-up right away, and tops up now if the balance is already below the threshold.
            </p>
          ) : (
            <p>Auto top-up will be <strong>off</strong>: nothing is charged automatically, and ads stop when the balance runs out unless someone tops up.</p>
          )}
          <div className="flex gap-2">
            <button type="button" disabled={pending} onClick={save} className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white disabled:opacity-50">
              {pending ? "Saving…" : "Confirm and save"}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">Back</button>
          </div>
        </div>
      ) : (
        <button type="submit" className="rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700">Review and save</button>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
    </form>
  );
}
