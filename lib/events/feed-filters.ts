/**
 * Events feed filters, kept in the URL (`?name=purchase_success&platform=ios&source=meta&range=24h&q=user_42`)
 * so a filtered feed can be shared and survives a reload. Pure; shared by the page, the JSON
 * route and the client hook.
 *
 * Parsing is lenient: an unknown value falls back to "no filter" instead of failing the page,
 * because URLs get hand-edited and pasted around.
 */
import { AD_PLATFORMS, type AdPlatform } from "./ingest-row";
import { EVENT_NAME_MAX_LENGTH, EVENT_NAME_PATTERN, SDK_PLATFORMS, type SdkPlatform } from "./taxonomy";

export const FEED_PAGE_SIZE = 100;
export const FEED_RANGES = ["1h", "24h", "7d", "30d", "all"] as const;
export type FeedRange = (typeof FEED_RANGES)[number];
export const FEED_RANGE_LABELS: Record<FeedRange, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", all: "All time" };
const RANGE_MS: Record<Exclude<FeedRange, "all">, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };

/** `unattributed` = events no ad platform could be derived for. */
export type FeedSource = AdPlatform | "unattributed";
export const FEED_SOURCES: readonly FeedSource[] = [...AD_PLATFORMS, "unattributed"];

export interface FeedFilters {
  name: string | null;
  platform: SdkPlatform | null;
  source: FeedSource | null;
  range: FeedRange;
  /** Event id (UUID or the id as sent) or app_user_id. */
  q: string | null;
}

export const NO_FEED_FILTERS: FeedFilters = { name: null, platform: null, source: null, range: "all", q: null };
export const MAX_SEARCH_LENGTH = 256;

type ParamSource = URLSearchParams | Readonly<Record<string, string | string[] | undefined>>;

function param(source: ParamSource, key: string): string | null {
  const raw = source instanceof URLSearchParams ? source.get(key) : source[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseFeedFilters(source: ParamSource): FeedFilters {
  const name = param(source, "name");
  const q = param(source, "q");
  return {
    name: name && name.length <= EVENT_NAME_MAX_LENGTH && EVENT_NAME_PATTERN.test(name) ? name : null,
    platform: oneOf(param(source, "platform"), SDK_PLATFORMS),
    source: oneOf(param(source, "source"), FEED_SOURCES),
    range: oneOf(param(source, "range"), FEED_RANGES) ?? "all",
    q: q ? q.slice(0, MAX_SEARCH_LENGTH) : null,
  };
}

/** Query string without defaults, keys in a stable order (`""` when nothing is filtered). */
export function feedFiltersToSearch(filters: FeedFilters): string {
  const params = new URLSearchParams();
  if (filters.name) params.set("name", filters.name);
  if (filters.platform) params.set("platform", filters.platform);
  if (filters.source) params.set("source", filters.source);
  if (filters.range !== "all") params.set("range", filters.range);
  if (filters.q) params.set("q", filters.q);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(filters: FeedFilters): boolean {
  return feedFiltersToSearch(filters) !== "";
}

/** Start of the time range (inclusive), or null for all time. */
export function rangeStart(range: FeedRange, now: Date): Date | null {
  return range === "all" ? null : new Date(now.getTime() - RANGE_MS[range]);
}
