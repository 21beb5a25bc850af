"use client";
import { useState } from "react";
import { recordWalletCorrectionAction } from "@/lib/actions/wallet";
import { formatMoney } from "@/lib/format";
import { parseMoneyInput } from "./wallet-format";
import { useWalletAction } from "./use-wallet-action";

/** Refunds credit the wallet; adjustments correct it either way. Both are new ledger entries with a memo, never edits. */
export function CorrectionForm({ projectId, currency }: { projectId: string; currency: string }) {
  const [kind, setKind] = useState<"refund" | "adjustment">("refund");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const { run, pending, error, notice, setError } = useWalletAction();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const amountMinor = parseMoneyInput(amount);
    if (amountMinor === null || amountMinor === 0) return setError("Enter an amount like 120 or -35.50.");
    run(recordWalletCorrectionAction, { projectId, kind, amountMinor, memo, requestId }, (data) => {
      setRequestId(crypto.randomUUID());
      setAmount("");
      setMemo("");
      return `Recorded. New balance ${formatMoney(data.balanceMinor, currency)}.`;
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Refund or adjustment">
      <div className="flex flex-wrap gap-3">
        <label className="block text-sm">Type
          <select value={kind} onChange={(e) => setKind(e.target.value as "refund" | "adjustment")} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            <option value="refund">Refund (adds to the wallet)</option>
            <option value="adjustment">Adjustment (+ adds, − deducts)</option>
          </select>
        </label>
        <label className="block text-sm">Amount ({currency})
          <input name="correctionAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} className="mt-1 block w-32 rounded border border-slate-300 px-2 py-1" />
        </label>
      </div>
      <label className="block text-sm">Memo (required: why)
        <input name="memo" value={memo} onChange={(e) => setMemo(e.target.value)} maxLength={300} placeholder="e.g. Meta invalid-activity credit"
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium disabled:opacity-50">
        {pending ? "Recording…" : "Record"}
      </button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
    </form>
  );
}
