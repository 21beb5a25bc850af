// Cadence from optimizer.md ("Cycle cadence") and ad-eligibility.md ("Refresh cadence"). The
// extended notes mention a daily 06:00 UTC schedule; the spec pages win (6-hourly, 15 minutes).
// Exposed as data so the scheduler registers exactly these crons (UTC).
import type { Mode, Platform } from "./types";

export const OPTIMIZER_CRONS: Readonly<Record<Platform, Readonly<Record<Mode, string>>>> = {
  meta: { cycle: "0 */6 * * *", watchdog: "0 */2 * * *", refresh: "*/15 * * * *" },
  tiktok: { cycle: "0 */6 * * *", watchdog: "0 */2 * * *", refresh: "*/15 * * * *" },
  // Apple runs at :30 so its cycle does not coincide with the Meta/TikTok fan-out.
  apple_search_ads: { cycle: "30 */6 * * *", watchdog: "0 */2 * * *", refresh: "*/15 * * * *" },
};

export const OPTIMIZER_INTERVAL_MINUTES: Readonly<Record<Mode, number>> = { cycle: 360, watchdog: 120, refresh: 15 };
