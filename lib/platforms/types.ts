/**
 * The one client interface every consumer (optimizer, watchdog, content refresh, sync) talks to.
 *
 * Conventions:
 * - Money is always an integer in the account currency's minor unit (cents for USD, yen for JPY).
 *   Connectors convert to/from each platform's representation (Meta: minor-unit strings, TikTok: whole
 *   currency floats, Apple: decimal strings) with the helpers in `./money`.
 * - Dates are calendar days `YYYY-MM-DD` in the ad account's reporting time zone (or UTC where the
 *   platform lets us choose; Apple reports are requested in UTC).
 * - Ids are the platform's own ids, always as strings.
 */

export const PLATFORMS = ["meta", "tiktok", "apple_search_ads"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ENTITY_LEVELS = ["campaign", "adset", "ad", "keyword"] as const;
/** `adset` = Meta ad set / TikTok ad group / Apple ad group. `keyword` only exists on Apple. */
export type EntityLevel = (typeof ENTITY_LEVELS)[number];

export type EntityStatus = "active" | "paused" | "deleted";

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface DateRange {
  /** inclusive */
  from: IsoDate;
  /** inclusive */
  to: IsoDate;
}

export interface PlatformEntity {
  platformId: string;
  level: EntityLevel;
  /** campaign → null; adset → campaign id; ad → adset id; keyword → adset (ad group) id */
  parentPlatformId: string | null;
  name: string;
  /** Configured status (what pause/resume toggles), not the derived delivery status. */
  status: EntityStatus;
  /** In the platform's learning phase (Meta learning_stage_info; TikTok secondary status; Apple: always false). */
  learning: boolean;
  /** Daily budget in minor units; null when the entity has no daily budget (lifetime / inherited / none). */
  dailyBudgetMinor: number | null;
  /** Bid (bid cap / max CPT) in minor units; null when automatic bidding. */
  bidMinor: number | null;
  createdAt: Date;
  /** Creative id (Meta creative id, TikTok video/image id, Apple creative id) for ads. */
  creativeRef?: string | null;
  /** ISO 4217 currency of the money fields, when the platform told us. */
  currency?: string | null;
  /** The platform's raw delivery status (e.g. Meta effective_status), for display/diagnostics only. */
  platformStatus?: string | null;
}

export interface DailyMetricRow {
  platformId: string;
  level: EntityLevel;
  date: IsoDate;
  spendMinor: number;
  impressions: number;
  /** Meta: clicks (all); TikTok: clicks; Apple: taps. */
  clicks: number;
  installs: number;
  /** Post-install conversion events (configurable per connector); Apple: equals installs. */
  conversions: number;
  /** Revenue attributed by the platform in minor units; null when the platform does not report it. */
  revenueMinor: number | null;
  /** Average daily frequency (impressions / reach); only Meta reports it, null elsewhere. */
  frequency: number | null;
}

export interface AccountHealth {
  status: "ok" | "restricted" | "disabled";
  spendCapReached: boolean;
  paymentIssue: boolean;
  message: string | null;
}

export interface CreateAdInput {
  adsetPlatformId: string;
  creativeRef: string;
  name: string;
  /**
   * Caller-chosen key; calling createAd twice with the same key must not create two ads. The real
   * connectors remember key → ad id in an injectable `IdempotencyStore` (default: in-process Map),
   * because none of the three APIs offers a server-side idempotency key for ad creation.
   */
  idempotencyKey: string;
}

/** One mutation, for bulk application (`applyChanges`). */
export type EntityChange =
  | { kind: "pause"; platformId: string; level: EntityLevel }
  | { kind: "resume"; platformId: string; level: EntityLevel }
  | { kind: "set_daily_budget"; platformId: string; level: EntityLevel; amountMinor: number }
  | { kind: "set_bid"; platformId: string; level: EntityLevel; amountMinor: number };

export type ChangeResult =
  | { change: EntityChange; ok: true }
  | { change: EntityChange; ok: false; error: import("./errors").PlatformError };

export interface AdPlatformClient {
  readonly platform: Platform;
  listEntities(): Promise<PlatformEntity[]>;
  /**
   * Daily rows for every entity of `level` with delivery in the range (entities with no delivery may
   * be absent). Default level: "ad" (Meta, TikTok) / "keyword" (Apple).
   */
  fetchDailyMetrics(range: DateRange, level?: EntityLevel): Promise<DailyMetricRow[]>;
  pause(platformId: string, level: EntityLevel): Promise<void>;
  resume(platformId: string, level: EntityLevel): Promise<void>;
  setDailyBudget(platformId: string, level: EntityLevel, amountMinor: number): Promise<void>;
  setBid(platformId: string, level: EntityLevel, amountMinor: number): Promise<void>;
  createAd(input: CreateAdInput): Promise<{ platformId: string }>;
  getAccountHealth(): Promise<AccountHealth>;
  /**
   * Optional bulk path (Meta batch API, Apple bulk keyword update). Never throws for a per-item
   * failure: each item gets its own result. Use `applyChanges(client, changes)` from `./changes`,
   * which falls back to one call per change when a client does not implement it.
   */
  applyChanges?(changes: EntityChange[]): Promise<ChangeResult[]>;
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === "string" && (PLATFORMS as readonly string[]).includes(value);
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function assertDateRange(range: DateRange): void {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) {
    throw new RangeError(`invalid date range ${range.from}..${range.to} (want YYYY-MM-DD)`);
  }
  if (range.from > range.to) throw new RangeError(`date range is reversed: ${range.from} > ${range.to}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every day of an inclusive range. */
export function eachDay(range: DateRange): IsoDate[] {
  assertDateRange(range);
  const out: IsoDate[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Splits an inclusive range into consecutive chunks of at most `maxDays` days. */
export function chunkDateRange(range: DateRange, maxDays: number): DateRange[] {
  assertDateRange(range);
  if (!Number.isInteger(maxDays) || maxDays < 1) throw new RangeError("maxDays must be a positive integer");
  const out: DateRange[] = [];
  let from = range.from;
  while (from <= range.to) {
    const end = addDays(from, maxDays - 1);
    const to = end < range.to ? end : range.to;
    out.push({ from, to });
    from = addDays(to, 1);
  }
  return out;
}
