"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideProposalAction } from "@/lib/actions/proposals";

export interface PendingActionView {
  id: string;
  subject: string;
  layer: string;
  action: string;
  change: string | null;
  sentence: string;
  expires: string;
}

export function PendingActions({ items, canDecide }: { items: PendingActionView[]; canDecide: boolean }) {
  const router = useRouter();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const decide = (id: string, decision: "approved" | "rejected") =>
    startTransition(async () => {
      const result = await decideProposalAction({ proposalId: id, decision, comment: comments[id] || undefined });
      setErrors((e) => ({ ...e, [id]: result.ok ? "" : result.error.message }));
      if (result.ok) router.refresh();
    });
  return (
    <ul className="divide-y divide-slate-100" data-testid="pending-actions">
      {items.map((item) => (
        <li key={item.id} className="space-y-2 py-3">
          <p className="text-sm"><span className="font-semibold uppercase">{item.action}</span> {item.subject} <span className="text-slate-500">· {item.layer}{item.change ? ` · ${item.change}` : ""}</span></p>
          <p className="text-sm text-slate-600">{item.sentence}</p>
          <p className="text-xs text-slate-400">Expires {item.expires}</p>
          {canDecide && (
            <div className="flex flex-wrap items-center gap-2">
              <input aria-label="Comment" placeholder="Comment (optional)" value={comments[item.id] ?? ""} onChange={(e) => setComments((c) => ({ ...c, [item.id]: e.target.value }))}
                className="w-64 rounded border border-slate-300 px-2 py-1 text-sm" />
              <button type="button" disabled={pending} onClick={() => decide(item.id, "approved")} className="rounded-md bg-emerald-600 px-3 py-1 text-sm text-white">Approve</button>
              <button type="button" disabled={pending} onClick={() => decide(item.id, "rejected")} className="rounded-md border border-slate-300 px-3 py-1 text-sm">Reject</button>
            </div>
          )}
          {errors[item.id] && <p role="alert" className="text-sm text-red-700">{errors[item.id]}</p>}
        </li>
      ))}
    </ul>
  );
}
