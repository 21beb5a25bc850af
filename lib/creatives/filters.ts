// Library filters live in the URL (searchParams) so a filtered view can be shared and survives reloads.
import { POOLS, type Pool } from "@/lib/selection";
import type { LibraryItem } from "./library";

export const STATUS_FILTERS = ["pending", "approved", "rejected", "archived", "all"] as const;
export const ELIGIBILITY_FILTERS = ["eligible", "ineligible"] as const;
export const RUNNING_FILTERS = ["yes", "no"] as const;
export const OVERRIDE_FILTERS = ["include", "exclude", "auto"] as const;
export const VIEWS = ["grid", "table"] as const;

export interface LibraryFilters {
  view: (typeof VIEWS)[number];
  pool: Pool | null;
  /** null: every creative that is not archived. */
  status: (typeof STATUS_FILTERS)[number] | null;
  eligibility: (typeof ELIGIBILITY_FILTERS)[number] | null;
  running: (typeof RUNNING_FILTERS)[number] | null;
  override: (typeof OVERRIDE_FILTERS)[number] | null;
  q: string;
}

type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

function pick<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && (allowed as readonly string[]).includes(first) ? (first as T) : null;
}

/** Unknown values are ignored rather than refused: a stale bookmark still opens the library. */
export function parseLibraryFilters(params: SearchParams): LibraryFilters {
  const q = Array.isArray(params.q) ? params.q[0] : params.q;
  return {
    view: pick(params.view, VIEWS) ?? "grid",
    pool: pick(params.pool, POOLS),
    status: pick(params.status, STATUS_FILTERS),
    eligibility: pick(params.eligibility, ELIGIBILITY_FILTERS),
    running: pick(params.running, RUNNING_FILTERS),
    override: pick(params.override, OVERRIDE_FILTERS),
    q: (q ?? "").trim().slice(0, 200),
  };
}

function matchesStatus(item: LibraryItem, status: LibraryFilters["status"]): boolean {
  if (status === "all") return true;
  if (status === "archived") return item.archived;
  if (item.archived) return false;
  return status === null || item.approval === status;
}

export function filterLibrary(items: readonly LibraryItem[], filters: LibraryFilters): LibraryItem[] {
  const q = filters.q.toLowerCase();
  return items.filter((item) => {
    if (filters.pool && item.pool !== filters.pool) return false;
    if (!matchesStatus(item, filters.status)) return false;
    if (filters.eligibility && item.eligible !== (filters.eligibility === "eligible")) return false;
    if (filters.running && (item.runningAds > 0) !== (filters.running === "yes")) return false;
    if (filters.override && (item.override ?? "auto") !== filters.override) return false;
    if (q) {
      const haystack = [item.title, item.caption, item.hook, item.creatorHandle].filter(Boolean).join("\n").toLowerCase();
      if (!haystack.includes(q)) return false;
    }
    return true;
  });
}

/** The query string for `filters` with `patch` applied; defaults are left out to keep URLs short. */
export function filtersToQuery(filters: LibraryFilters, patch: Partial<LibraryFilters> = {}): string {
  const merged = { ...filters, ...patch };
  const params = new URLSearchParams();
  if (merged.view !== "grid") params.set("view", merged.view);
  for (const key of ["pool", "status", "eligibility", "running", "override"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.q) params.set("q", merged.q);
  const query = params.toString();
  return query ? `?${query}` : "";
}
