"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  FEED_RANGE_LABELS, FEED_RANGES, FEED_SOURCES, feedFiltersToSearch, parseFeedFilters, type FeedFilters,
} from "@/lib/events/feed-filters";
import { SDK_PLATFORMS } from "@/lib/events/taxonomy";
import { platformLabel } from "@/lib/reconciliation/reconcile";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Filters live in the URL: shareable, and the feed's query key follows them. */
export function EventsFilters({ eventNames }: { eventNames: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const filters = parseFeedFilters(new URLSearchParams(useSearchParams().toString()));
  const [q, setQ] = useState(filters.q ?? "");
  const apply = (next: Partial<FeedFilters>) => router.replace(`${pathname}${feedFiltersToSearch({ ...filters, ...next })}`, { scroll: false });
  const names = filters.name && !eventNames.includes(filters.name) ? [filters.name, ...eventNames] : eventNames;
  const search = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: q.trim() || null });
  };

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="events-filters">
      <label className="flex flex-col gap-1 text-xs text-slate-500">Event
        <select aria-label="Event name" className={SELECT} value={filters.name ?? ""} onChange={(e) => apply({ name: e.target.value || null })}>
          <option value="">All events</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500">Platform
        <select aria-label="Platform" className={SELECT} value={filters.platform ?? ""} onChange={(e) => apply({ platform: (e.target.value || null) as FeedFilters["platform"] })}>
          <option value="">All platforms</option>
          {SDK_PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500">Ad platform
        <select aria-label="Ad platform" className={SELECT} value={filters.source ?? ""} onChange={(e) => apply({ source: (e.target.value || null) as FeedFilters["source"] })}>
          <option value="">Any source</option>
          {FEED_SOURCES.map((s) => <option key={s} value={s}>{s === "unattributed" ? "Unattributed" : platformLabel(s)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500">Time range
        <select aria-label="Time range" className={SELECT} value={filters.range} onChange={(e) => apply({ range: e.target.value as FeedFilters["range"] })}>
          {FEED_RANGES.map((r) => <option key={r} value={r}>{FEED_RANGE_LABELS[r]}</option>)}
        </select>
      </label>
      <form onSubmit={search} className="flex items-end gap-2" role="search">
        <label className="flex flex-col gap-1 text-xs text-slate-500">Event id or app_user_id
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="user_42 or 8e3b6f0c-…" maxLength={256}
            className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">Search</button>
      </form>
      {feedFiltersToSearch(filters) && (
        <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => { setQ(""); router.replace(pathname, { scroll: false }); }}>
          Clear filters
        </button>
      )}
    </div>
  );
}
