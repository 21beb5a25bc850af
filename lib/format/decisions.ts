// How a proposed change reads to a marketer: "Budget $50.00 → $75.00", "Bid $1.20 → $1.45".
import { formatMoney } from "./index";

export function describeChange(action: string, from: number | null, to: number | null, currency: string): string | null {
  if ((action === "budget" || action === "bid") && from !== null && to !== null) {
    return `${action === "budget" ? "Daily budget" : "Bid"} ${formatMoney(from, currency)} → ${formatMoney(to, currency)}`;
  }
  return null;
}

export const RUN_KIND_LABEL: Record<string, string> = {
  ad_optimize: "ad-optimize", watchdog: "watchdog", content_refresh: "content-refresh", metrics_sync: "metrics-sync",
  rescore_creatives: "rescore-creatives", wallet_top_up: "wallet-top-up",
};
