// Display helpers for the wallet (pure; shared by server and client components).
import type { RunwayLevel } from "@/lib/wallet";

export const RUNWAY_TONE: Record<RunwayLevel, "red" | "amber" | "green"> = { red: "red", amber: "amber", ok: "green" };
export const RUNWAY_TEXT: Record<RunwayLevel, string> = { red: "text-red-700", amber: "text-amber-700", ok: "text-emerald-700" };

export function formatRunwayDays(days: number | null): string {
  if (days === null) return "No recent spend";
  if (days === 0) return "0 days — empty";
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} day${days === 1 ? "" : "s"}`;
}

const PLATFORM = { meta: "Meta Ads", tiktok: "TikTok Ads", apple_search_ads: "Apple Search Ads" } as Record<string, string>;

/** Who or what system made a ledger entry. */
export function actorLabel(type: string, id: string | null, name: string | null): string {
  if (type === "user") return name ?? "A team member";
  if (type === "ad_platform") return `${PLATFORM[id ?? ""] ?? id ?? "Ad platform"} (spend sync)`;
  if (type === "system" && id === "auto-top-up") return "Auto top-up (system)";
  if (type === "payment_provider") return "Payment provider";
  return id ? `System (${id})` : "System";
}

export const KIND_LABEL: Record<string, string> = {
  top_up: "Top-up", top_up_failed: "Failed top-up", ad_spend: "Ad spend", refund: "Refund", adjustment: "Adjustment",
};

/** "100", "1,250.50" → minor units of a two-decimal currency; null when it is not an amount. */
export function parseMoneyInput(value: string): number | null {
  const cleaned = value.replace(/[,\s$€£]/g, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const toMajorInput = (minor: number | null | undefined) => (minor === null || minor === undefined ? "" : (minor / 100).toFixed(2).replace(/\.00$/, ""));
