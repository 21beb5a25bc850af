// Windowed metrics. A window of N days is the N UTC calendar dates ending at (and including)
// now's UTC date; rows dated after today are ignored (clock skew / bad sync), rows older than 30
// days only count toward lifetime spend. Today is usually partial, which is the honest state of
// the data at decision time, and keeps 1d non-empty on a 6-hourly cadence.
import { DAY_MS } from "./constants";
import type { DailyMetric, EntityMetrics, WindowKey, WindowMetrics, WindowSet } from "./types";

export const WINDOW_DAYS: Readonly<Record<WindowKey, number>> = { "1d": 1, "3d": 3, "7d": 7, "14d": 14, "30d": 30 };
const MAX_WINDOW = 30;

export function utcDateString(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" string, or NaN when malformed. Parsed by hand: the
 * cycle reads ~3M rows and a Date parse or a Map lookup per row dominated the decision time. */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = date.charCodeAt(0) - 48;
  const y1 = date.charCodeAt(1) - 48;
  const y2 = date.charCodeAt(2) - 48;
  const y3 = date.charCodeAt(3) - 48;
  const m0 = date.charCodeAt(5) - 48;
  const m1 = date.charCodeAt(6) - 48;
  const d0 = date.charCodeAt(8) - 48;
  const d1 = date.charCodeAt(9) - 48;
  // `>>> 0` turns a negative (non-digit below '0') into a huge value: one compare per digit.
  if (
    y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9
  ) {
    return Number.NaN;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > 31) return Number.NaN;
  // Days-from-civil (H. Hinnant), proleptic Gregorian; all operands are non-negative here.
  const yy = m <= 2 ? y - 1 : y;
  const era = yy >= 0 ? (yy / 400) | 0 : -1;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
}

/** Built once per cycle: today's UTC day number, plus a per-cycle cache from date string to
 * offset (days before today). Inputs repeat the same few dozen dates across 100k entities, and a
 * Map hit on a short string beats re-parsing it (JSON.parse even shares identical short strings). */
export interface DateIndex {
  today: string;
  todayDay: number;
  offsets: Map<string, number>;
}

/** Unique dates worth caching; beyond this (garbage input) rows are parsed without caching. */
const MAX_CACHED_DATES = 4_096;

export function buildDateIndex(now: Date): DateIndex {
  const today = utcDateString(now);
  return { today, todayDay: Math.floor(now.getTime() / DAY_MS), offsets: new Map() };
}

function offsetOf(date: string, index: DateIndex): number {
  let offset = index.offsets.get(date);
  if (offset === undefined) {
    offset = index.todayDay - dayNumber(date);
    if (index.offsets.size < MAX_CACHED_DATES) index.offsets.set(date, offset);
  }
  return offset;
}

/** Running sums of one window; a class so every instance shares one shape (monomorphic adds). */
class Acc {
  spend = 0;
  impressions = 0;
  clicks = 0;
  installs = 0;
  revenue = 0;
  freqWeighted = 0;
  freqImpressions = 0;
  activeMask = 0;

  add(row: DailyMetric, offset: number) {
    this.spend += row.spendMinor;
    this.impressions += row.impressions;
    this.clicks += row.clicks;
    this.installs += row.installs;
    const revenue = row.revenueMinor;
    if (revenue != null) this.revenue += revenue;
    const frequency = row.frequency;
    if (frequency != null && row.impressions > 0) {
      this.freqWeighted += frequency * row.impressions;
      this.freqImpressions += row.impressions;
    }
    if (row.spendMinor > 0 || row.impressions > 0) this.activeMask |= 1 << offset;
  }

  finalize(days: number): WindowMetrics {
    const { spend, impressions, clicks, installs } = this;
    return {
      days,
      spendMinor: spend,
      impressions,
      clicks,
      installs,
      revenueMinor: this.revenue,
      cpaMinor: installs > 0 ? spend / installs : null,
      ctr: impressions > 0 ? clicks / impressions : null,
      cpmMinor: impressions > 0 ? (spend * 1000) / impressions : null,
      cvr: clicks > 0 ? installs / clicks : null,
      frequency: this.freqImpressions > 0 ? this.freqWeighted / this.freqImpressions : null,
      // Distinct active dates, so duplicate rows for one day never count twice.
      activeDays: popcount(this.activeMask),
    };
  }
}

function popcount(bits: number): number {
  let count = 0;
  let rest = bits >>> 0;
  while (rest !== 0) {
    rest &= rest - 1;
    count += 1;
  }
  return count;
}

/** Duplicate rows for one date are summed (a re-sync split across rows must not lose spend). */
export function computeWindows(metrics: readonly DailyMetric[], index: DateIndex): EntityMetrics {
  const w1 = new Acc();
  const w3 = new Acc();
  const w7 = new Acc();
  const w14 = new Acc();
  const w30 = new Acc();
  let lifetimeSpend = 0;
  let hasAnyMetrics = false;
  for (let r = 0; r < metrics.length; r += 1) {
    const row = metrics[r];
    const offset = offsetOf(row.date, index);
    // NaN (malformed date) and future dates fail this test and are skipped entirely.
    if (!(offset >= 0)) continue;
    lifetimeSpend += row.spendMinor;
    if (row.spendMinor > 0 || row.impressions > 0 || row.clicks > 0 || row.installs > 0) hasAnyMetrics = true;
    if (offset >= MAX_WINDOW) continue;
    w30.add(row, offset);
    if (offset >= 14) continue;
    w14.add(row, offset);
    if (offset >= 7) continue;
    w7.add(row, offset);
    if (offset >= 3) continue;
    w3.add(row, offset);
    if (offset >= 1) continue;
    w1.add(row, offset);
  }
  const windows: WindowSet = {
    "1d": w1.finalize(1),
    "3d": w3.finalize(3),
    "7d": w7.finalize(7),
    "14d": w14.finalize(14),
    "30d": w30.finalize(30),
  };
  return { windows, lifetimeSpendMinor: lifetimeSpend, hasAnyMetrics };
}
