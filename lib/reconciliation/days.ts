/**
 * Calendar days in a time zone (the project's timezone), DST-safe, using Intl only.
 * Day keys are `YYYY-MM-DD` local dates.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // throws RangeError for an unknown zone
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError unless `timeZone` is a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

export type TimestampInput = Date | string | number;

function toMs(ts: TimestampInput): number {
  const ms = ts instanceof Date ? ts.getTime() : typeof ts === "number" ? ts : Date.parse(ts);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid timestamp: ${String(ts)}`);
  return ms;
}

/** Local calendar date of an instant in `timeZone`, as `YYYY-MM-DD`. */
export function dayKey(ts: TimestampInput, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(toMs(ts));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  let year = get("year");
  if (year.length < 4) year = year.padStart(4, "0");
  return `${year}-${get("month")}-${get("day")}`;
}

/** Count of instants per local day, keys ascending. */
export function bucketByDay(timestamps: Iterable<TimestampInput>, timeZone: string): Record<string, number> {
  assertTimeZone(timeZone);
  const counts = new Map<string, number>();
  for (const ts of timestamps) {
    const k = dayKey(ts, timeZone);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): [number, number, number] {
  const m = DAY_KEY.exec(day);
  if (!m) throw new RangeError(`day must be YYYY-MM-DD (got ${day})`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `YYYY-MM-DD` ± n calendar days (pure date arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** First instant (UTC ms) whose local date in `timeZone` is ≥ `day`. Handles DST gaps at midnight. */
function startOfDayMs(day: string, timeZone: string): number {
  const [y, m, d] = parseDay(day);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // offsets lie within −12h..+14h; search a ±15h window (binary search on minutes)
  let lo = (utcMidnight - 15 * 3_600_000) / 60_000;
  let hi = (utcMidnight + 15 * 3_600_000) / 60_000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid * 60_000, timeZone) >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo * 60_000;
}

/**
 * `[start, end)` of a local day as UTC instants — e.g. for querying `sdk_events` by project day.
 * In America/Los_Angeles 2026-03-08 is 23 hours long and 2026-11-01 is 25 hours.
 */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  assertTimeZone(timeZone);
  return { start: new Date(startOfDayMs(day, timeZone)), end: new Date(startOfDayMs(addDays(day, 1), timeZone)) };
}

/** `platform → day → count`, the shape `reconcile` takes (e.g. from conversions attributed to each platform). */
export function bucketByPlatformDay(
  items: Iterable<{ platform: string; at: TimestampInput }>,
  timeZone: string,
): Record<string, Record<string, number>> {
  assertTimeZone(timeZone);
  const out: Record<string, Record<string, number>> = {};
  for (const { platform, at } of items) {
    const day = dayKey(at, timeZone);
    const byDay = (out[platform] ??= {});
    byDay[day] = (byDay[day] ?? 0) + 1;
  }
  return out;
}
