// The one table of schedules. Inngest crons (inngest/functions) and the in-process runner (instrumentation.ts)
// are both generated from it, so the two modes cannot drift apart. Crons are UTC.
import { OPTIMIZER_CRONS, OPTIMIZER_INTERVAL_MINUTES } from "@/lib/optimizer/cadence";

export type JobName = "ad-optimize" | "watchdog" | "content-refresh" | "metrics-sync" | "rescore-creatives" | "wallet-top-up" | "reconcile" | "deliver-notifications";
export type AdPlatform = "meta" | "tiktok" | "apple_search_ads";

export interface ScheduleEntry {
  /** Stable id: the Inngest function id and the runner's job name. */
  id: string;
  job: JobName;
  cron: string;
  /** Layer jobs fan out one run per active ad layer of these platforms; project/org jobs one per project/org. */
  scope: { kind: "layer"; platforms: AdPlatform[] } | { kind: "project" } | { kind: "org" } | { kind: "global" };
  intervalMinutes: number;
  description: string;
}

const layerEntries = (job: JobName, mode: "cycle" | "watchdog" | "refresh", description: string): ScheduleEntry[] => {
  // Platforms sharing a cron share one entry; Apple's optimizer runs at :30.
  const byCron = new Map<string, AdPlatform[]>();
  for (const platform of Object.keys(OPTIMIZER_CRONS) as AdPlatform[]) {
    const cron = OPTIMIZER_CRONS[platform][mode];
    byCron.set(cron, [...(byCron.get(cron) ?? []), platform]);
  }
  return [...byCron].map(([cron, platforms]) => ({
    id: byCron.size === 1 ? job : `${job}-${platforms.join("-").replace(/_/g, "-")}`,
    job, cron, scope: { kind: "layer", platforms }, intervalMinutes: OPTIMIZER_INTERVAL_MINUTES[mode], description,
  }));
};

export const SCHEDULES: readonly ScheduleEntry[] = [
  ...layerEntries("ad-optimize", "cycle", "Optimizer: classify, propose, guard, execute"),
  ...layerEntries("watchdog", "watchdog", "Watchdog: pause catastrophic spenders"),
  ...layerEntries("content-refresh", "refresh", "Content refresh: disable underperformers, launch the best eligible creatives"),
  // Metrics sync every 6 hours, staggered 15 minutes per platform (runbooks: global schedules).
  { id: "metrics-sync-meta", job: "metrics-sync", cron: "0 */6 * * *", scope: { kind: "layer", platforms: ["meta"] }, intervalMinutes: 360, description: "Ads metrics sync — Meta" },
  { id: "metrics-sync-tiktok", job: "metrics-sync", cron: "15 */6 * * *", scope: { kind: "layer", platforms: ["tiktok"] }, intervalMinutes: 360, description: "Ads metrics sync — TikTok" },
  { id: "metrics-sync-apple", job: "metrics-sync", cron: "30 */6 * * *", scope: { kind: "layer", platforms: ["apple_search_ads"] }, intervalMinutes: 360, description: "Ads metrics sync — Apple Search Ads" },
  { id: "rescore-creatives", job: "rescore-creatives", cron: "0 */4 * * *", scope: { kind: "project" }, intervalMinutes: 240, description: "Organic scoring: rescore every creative" },
  { id: "wallet-top-up", job: "wallet-top-up", cron: "*/30 * * * *", scope: { kind: "org" }, intervalMinutes: 30, description: "Wallet: draw down spend, auto top-up and retries" },
  { id: "reconcile", job: "reconcile", cron: "10 * * * *", scope: { kind: "project" }, intervalMinutes: 60, description: "Attribution reconciliation: flag persistent drift" },
  { id: "deliver-notifications", job: "deliver-notifications", cron: "* * * * *", scope: { kind: "global" }, intervalMinutes: 1, description: "Alert webhooks: deliver new notifications" },
];

export function scheduleById(id: string): ScheduleEntry {
  const entry = SCHEDULES.find((s) => s.id === id);
  if (!entry) throw new Error(`Unknown schedule ${id}`);
  return entry;
}
