import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { AccountHealth } from "@/lib/platforms/types";

const TONE = { ok: "green", restricted: "amber", disabled: "red" } as const;

/** Runbook "Check ad-account health": restricted/disabled account, spend cap, payment trouble — or why we could not tell. */
export function AccountHealthSummary({ health, error, checkedAt, timezone }: { health: AccountHealth | null; error: string | null; checkedAt: Date; timezone: string }) {
  return (
    <div className="space-y-2 text-sm" data-testid="account-health">
      {health ? (
        <>
          <p className="flex items-center gap-2">
            <Badge tone={TONE[health.status]}>{health.status === "ok" ? "OK" : health.status}</Badge>
            {health.message && <span>{health.message}</span>}
          </p>
          {(health.spendCapReached || health.paymentIssue) && (
            <ul className="list-disc pl-5 text-amber-800">
              {health.spendCapReached && <li>Spend cap reached: delivery stops until it is raised in the ad platform.</li>}
              {health.paymentIssue && <li>Payment issue: settle the balance or update the payment method in the ad platform.</li>}
            </ul>
          )}
        </>
      ) : (
        <p className="flex items-start gap-2"><Badge tone="red">unknown</Badge><span className="text-red-700">{error}</span></p>
      )}
      <p className="text-xs text-slate-500">Checked {formatDateTime(checkedAt, timezone)}</p>
    </div>
  );
}
