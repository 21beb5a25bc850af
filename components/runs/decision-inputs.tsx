import { formatMoney } from "@/lib/format";

export interface DecisionInputsView {
  spend7dMinor?: number;
  installs7d?: number;
  cpa7dMinor?: number | null;
  targetCpaMinor?: number | null;
  poolCpa7dMinor?: number | null;
  frequency7d?: number | null;
  ageDays?: number;
  impressions7d?: number;
}

/** The inputs that drove a decision, as the marketer reads them: 7d spend, conversions, CPA vs target, frequency, age. */
export function DecisionInputs({ inputs, currency }: { inputs: DecisionInputsView; currency: string }) {
  const parts = [
    `7d spend ${formatMoney(inputs.spend7dMinor ?? 0, currency)}`,
    `7d conversions ${inputs.installs7d ?? 0}`,
    `CPA ${inputs.cpa7dMinor == null ? "—" : formatMoney(Math.round(inputs.cpa7dMinor), currency)}${inputs.targetCpaMinor != null ? ` (target ${formatMoney(inputs.targetCpaMinor, currency)})` : ""}${inputs.poolCpa7dMinor != null ? ` · pool ${formatMoney(Math.round(inputs.poolCpa7dMinor), currency)}` : ""}`,
    inputs.frequency7d != null ? `frequency ${inputs.frequency7d.toFixed(1)}` : null,
    inputs.ageDays !== undefined ? `age ${Math.floor(inputs.ageDays)}d` : null,
  ].filter(Boolean);
  return <span className="text-xs text-slate-500">{parts.join(" · ")}</span>;
}
