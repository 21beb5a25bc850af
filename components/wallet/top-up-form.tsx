"use client";
import { useState } from "react";
import { topUpWalletAction } from "@/lib/actions/wallet";
import { formatMoney } from "@/lib/format";
import { platformFeeMinor } from "@/lib/wallet";
import { parseMoneyInput } from "./wallet-format";
import { useWalletAction } from "./use-wallet-action";

const PRESETS = [5_000, 10_000, 25_000];

/** "Add funds": presets or a custom amount; the saved card is charged the amount plus the platform fee. */
export function TopUpForm({ projectId, currency }: { projectId: string; currency: string }) {
  const [amount, setAmount] = useState("100");
  // One id per submission: a double click or a retried request is still one top-up.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const { run, pending, error, notice, setError } = useWalletAction();
  const amountMinor = parseMoneyInput(amount);
  const valid = amountMinor !== null && amountMinor > 0;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid) return setError("Enter an amount like 100 or 250.50.");
    run(topUpWalletAction, { projectId, amountMinor, requestId }, (data) => {
      setRequestId(crypto.randomUUID());
      return `Added ${formatMoney(amountMinor, currency)}. New balance ${formatMoney(data.balanceMinor, currency)}.`;
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Top up">
      <div className="flex flex-wrap gap-2">
        {PRESETS.map((p) => (
          <button key={p} type="button" onClick={() => setAmount(String(p / 100))}
            className={`rounded-md border px-3 py-1 text-sm ${amountMinor === p ? "border-indigo-600 bg-indigo-50 text-indigo-700" : "border-slate-300"}`}>
            {formatMoney(p, currency)}
          </button>
        ))}
      </div>
      <label className="block text-sm">Amount ({currency})
        <input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)}
          className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1" aria-describedby="top-up-charge" />
      </label>
      <p id="top-up-charge" className="text-xs text-slate-500">
        {valid ? <>Your saved card is charged {formatMoney(amountMinor + platformFeeMinor(amountMinor), currency)} ({formatMoney(amountMinor, currency)} + 5% platform fee); the wallet is credited {formatMoney(amountMinor, currency)}.</> : "Between 10.00 and 10,000.00 per top-up."}
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Charging…" : "Add funds"}
      </button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
    </form>
  );
}
