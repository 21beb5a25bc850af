/**
 * Events feed helper: "events per hour against the same hour last week" — the first check of the
 * "Investigating a bad day" runbook (are conversions arriving?).
 *
 * Inputs are hourly counts aligned by index: `thisWeek[i]` and `lastWeek[i]` are the same hour
 * exactly 7 days apart (e.g. index 0 = Monday 00:00 in the project time zone, up to 167). The
 * current week is usually shorter (only elapsed hours); hours present in only one array have no
 * comparison. Totals compare only the hours present in both arrays, so a partial week is
 * compared with the same partial span of last week.
 */

export interface HourComparison {
  index: number;
  thisWeek: number;
  lastWeek: number | null;
  delta: number | null;
  /** (thisWeek − lastWeek) / lastWeek × 100; null when last week is missing or 0. */
  deltaPct: number | null;
  /**
   * `drop`: ≥ `dropPct` below last week; `spike`: ≥ `spikePct` above. Only judged when last week
   * had at least `minBaseline` events in that hour (small counts are noise). Else null.
   */
  flag: "drop" | "spike" | null;
}

export interface EventsPerHourComparison {
  hours: HourComparison[];
  totals: { thisWeek: number; lastWeek: number; delta: number; deltaPct: number | null };
  /** Indexes flagged as drops; the most recent is the one to look at first. */
  dropHours: number[];
  spikeHours: number[];
}

export interface EventsPerHourOptions {
  /** Default 50 (%). */
  dropPct?: number;
  /** Default 100 (%). */
  spikePct?: number;
  /** Default 10 events in last week's hour. */
  minBaseline?: number;
}

function pct(now: number, before: number): number | null {
  return before === 0 ? null : ((now - before) * 100) / before;
}

export function eventsPerHourComparison(
  hourCountsThisWeek: readonly number[],
  hourCountsLastWeek: readonly number[],
  options: EventsPerHourOptions = {},
): EventsPerHourComparison {
  const dropPct = options.dropPct ?? 50;
  const spikePct = options.spikePct ?? 100;
  const minBaseline = options.minBaseline ?? 10;
  for (const [name, arr] of [["hourCountsThisWeek", hourCountsThisWeek], ["hourCountsLastWeek", hourCountsLastWeek]] as const)
    if (arr.some((n) => !Number.isFinite(n) || n < 0)) throw new RangeError(`${name} must contain counts ≥ 0`);

  let totalNow = 0;
  let totalBefore = 0;
  const hours = hourCountsThisWeek.map((count, index): HourComparison => {
    const before = index < hourCountsLastWeek.length ? hourCountsLastWeek[index] : null;
    if (before === null) return { index, thisWeek: count, lastWeek: null, delta: null, deltaPct: null, flag: null };
    totalNow += count;
    totalBefore += before;
    const deltaPct = pct(count, before);
    let flag: HourComparison["flag"] = null;
    if (before >= minBaseline && deltaPct !== null) {
      if (deltaPct <= -dropPct) flag = "drop";
      else if (deltaPct >= spikePct) flag = "spike";
    }
    return { index, thisWeek: count, lastWeek: before, delta: count - before, deltaPct, flag };
  });
  return {
    hours,
    totals: { thisWeek: totalNow, lastWeek: totalBefore, delta: totalNow - totalBefore, deltaPct: pct(totalNow, totalBefore) },
    dropHours: hours.filter((h) => h.flag === "drop").map((h) => h.index),
    spikeHours: hours.filter((h) => h.flag === "spike").map((h) => h.index),
  };
}
