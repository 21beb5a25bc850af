/**
 * Wallet runway: "Glance at wallet — at least 7d runway?" (daily runbook).
 *
 * days = balance ÷ average daily spend, the average taken over the last 7 days (pass exactly the
 * last 7 complete days, zeros included; a younger org may pass fewer and is averaged over what it
 * has; more than 7 values → only the last 7 are used).
 * - no spend (average 0) and a positive balance → `days: null` (infinite), level "ok";
 * - balance ≤ 0 → `days: 0`, level "red" (nothing left to spend);
 * - level: "red" when days < 3, "amber" when days < 7, else "ok" (7 days exactly is ok).
 */

export const RUNWAY_RED_DAYS = 3;
export const RUNWAY_AMBER_DAYS = 7;

export type RunwayLevel = "red" | "amber" | "ok";

export interface RunwayInput {
  balanceMinor: number;
  /** Daily spend in minor units, oldest first; the last 7 entries are used. */
  dailySpendMinorLast7: readonly number[];
  /** Optional: to compute `projectedEmptyAt`. */
  now?: Date;
}

export interface Runway {
  /** Fractional days; null = no spend, never runs out. */
  days: number | null;
  level: RunwayLevel;
  averageDailySpendMinor: number;
  /** now + days, when `now` was given and days is finite. */
  projectedEmptyAt: Date | null;
}

export function runwayLevel(days: number | null): RunwayLevel {
  if (days === null) return "ok";
  if (days < RUNWAY_RED_DAYS) return "red";
  if (days < RUNWAY_AMBER_DAYS) return "amber";
  return "ok";
}

export function runway(input: RunwayInput): Runway {
  const { balanceMinor } = input;
  if (!Number.isFinite(balanceMinor)) throw new RangeError("balanceMinor must be finite");
  const window = input.dailySpendMinorLast7.slice(-7);
  if (window.some((n) => !Number.isFinite(n) || n < 0)) throw new RangeError("daily spend must be ≥ 0");
  const average = window.length ? window.reduce((a, b) => a + b, 0) / window.length : 0;
  let days: number | null;
  if (balanceMinor <= 0) days = 0;
  else if (average === 0) days = null;
  else days = balanceMinor / average;
  const projectedEmptyAt = input.now && days !== null ? new Date(input.now.getTime() + days * 86_400_000) : null;
  return { days, level: runwayLevel(days), averageDailySpendMinor: average, projectedEmptyAt };
}
