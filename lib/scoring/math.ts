const MS_PER_DAY = 86_400_000;

/** clamp(lo, hi, x), argument order as in the documented formulas. */
export function clamp(lo: number, hi: number, x: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Stored scores carry two decimals (half up), so threshold checks never see float noise like
 * 3.9999999. toPrecision(12) first strips noise such as 3.825 × 100 = 382.49999999999994.
 */
export function roundScore(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Mid-rank percentile in [0, 1]: (values below + (ties − 1) / 2) / (n − 1).
 * The best value maps to 1, the worst to 0, all-equal values to 0.5; a single value gets 0.5.
 */
export function midRankPercentiles(values: readonly number[]): number[] {
  const n = values.length;
  if (n <= 1) return values.map(() => 0.5);
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Array<number>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]] === values[order[start]]) end += 1;
    // `start` values lie below this tie group of (end − start + 1) equal values.
    const percentile = (start + (end - start) / 2) / (n - 1);
    for (let k = start; k <= end; k += 1) out[order[k]] = percentile;
    start = end + 1;
  }
  return out;
}

/** Whole and fractional days from `from` to `now`; never negative (future timestamps count as age 0). */
export function ageInDays(from: Date, now: Date): number {
  const ms = now.getTime() - from.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("invalid date");
  return Math.max(0, ms / MS_PER_DAY);
}
