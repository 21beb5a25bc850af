// The simulated market, pure: one day of delivery for an ad set's ads (or an ad group's keywords).
// Latent creative quality drives CTR and install rate; ads under-deliver while learning, fatigue as frequency
// climbs, paused ads spend nothing, budgets buy installs with diminishing returns, weekends differ.
import { createSeededRandom, gaussian } from "./random";

export type SimPlatform = "meta" | "tiktok" | "apple_search_ads";

export interface SimChild {
  id: string;
  quality: number;
  burner: boolean;
  ageDays: number;
  active: boolean;
  cumulativeImpressions: number;
  bidMinor: number | null;
}

export interface SimAdset {
  id: string;
  active: boolean;
  dailyBudgetMinor: number;
  audienceSize: number;
}

export interface SimDayRow {
  id: string;
  spendMinor: number;
  impressions: number;
  clicks: number;
  installs: number;
  revenueMinor: number;
  frequency: number | null;
}

const PLATFORM = {
  meta: { cpmMinor: 950, ctr: 0.011, installRate: 0.16 },
  tiktok: { cpmMinor: 620, ctr: 0.014, installRate: 0.11 },
  apple_search_ads: { cpmMinor: 0, ctr: 0.08, installRate: 0.55 },
} as const;

export const LEARNING_DAYS = 5;

function weekdayFactor(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6 ? 1.18 : day === 1 ? 0.92 : 1;
}

export function simulateAdsetDay(input: { seed: string; platform: SimPlatform; date: string; adset: SimAdset; children: SimChild[] }): SimDayRow[] {
  const { seed, platform, date, adset, children } = input;
  const live = children.filter((c) => c.active && c.ageDays >= 0);
  if (!adset.active || live.length === 0) return [];
  const p = PLATFORM[platform];
  const adsetRand = createSeededRandom(`${seed}|${date}|${adset.id}`);
  // Spend tracks budget; the first learning days under-deliver.
  const deliveredBudget = adset.dailyBudgetMinor * weekdayFactor(date) * (0.9 + adsetRand() * 0.12);
  // Diminishing returns: doubling budget buys ~1.6× the installs (exponent 0.7).
  const scaleEfficiency = Math.pow(Math.max(adset.dailyBudgetMinor, 1) / 5_000, -0.3);
  const weights = live.map((c) => (0.4 + c.quality) * (c.ageDays < LEARNING_DAYS ? 0.5 + c.ageDays / (2 * LEARNING_DAYS) : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  return live.map((child, i) => {
    const rand = createSeededRandom(`${seed}|${date}|${child.id}`);
    const noise = () => Math.max(0.4, 1 + gaussian(rand) * 0.18);
    const learning = child.ageDays < LEARNING_DAYS;
    const share = weights[i]! / totalWeight;
    if (platform === "apple_search_ads") {
      const cpt = (child.bidMinor ?? 150) * (0.6 + rand() * 0.3);
      const taps = Math.max(0, Math.round((deliveredBudget * share) / cpt * noise()));
      const impressions = Math.round(taps / (p.ctr * (0.5 + child.quality)) * noise());
      const installs = child.burner ? 0 : Math.round(taps * p.installRate * (0.4 + child.quality) * Math.min(1.2, scaleEfficiency) * noise() * 0.8);
      return { id: child.id, spendMinor: Math.round(taps * cpt), impressions, clicks: taps, installs, revenueMinor: Math.round(installs * (150 + child.quality * 250) * noise()), frequency: null };
    }
    const spendMinor = Math.round(deliveredBudget * share * noise() * (learning ? 0.8 : 1));
    const impressions = Math.round((spendMinor / (p.cpmMinor * noise())) * 1000);
    const frequency = platform === "meta" ? 1 + (child.cumulativeImpressions + impressions) / Math.max(adset.audienceSize, 1) * 1.6 : null;
    // Fatigue: CTR decays as the same people see the ad again and again.
    const fatigue = Math.exp(-Math.max(0, (child.cumulativeImpressions / Math.max(adset.audienceSize, 1)) - 0.6) * 0.9);
    const ctr = p.ctr * (0.35 + child.quality * 1.3) * fatigue * (learning ? 0.85 : 1) * noise();
    const clicks = Math.round(impressions * Math.min(ctr, 0.2));
    const rate = child.burner ? 0.0015 : p.installRate * (0.25 + child.quality) * Math.min(1.3, scaleEfficiency);
    const installs = Math.round(clicks * rate * noise());
    return { id: child.id, spendMinor, impressions, clicks, installs, revenueMinor: Math.round(installs * (120 + child.quality * 300) * noise()), frequency: frequency === null ? null : Math.round(frequency * 1000) / 1000 };
  });
}
