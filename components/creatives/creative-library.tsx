"use client";
// The library: grid or table of the filtered creatives, with selection for bulk actions.
import Link from "next/link";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/card";
import { filtersToQuery, type LibraryFilters } from "@/lib/creatives/filters";
import type { LibraryItem } from "@/lib/creatives/library";
import { BulkBar } from "./bulk-bar";
import { CreativeCard } from "./creative-card";
import { CreativeTable } from "./creative-table";
import type { LibraryPermissions } from "./permissions";

export function CreativeLibrary({ items, total, filters, projectId, currency, permissions }: {
  items: LibraryItem[];
  total: number;
  filters: LibraryFilters;
  projectId: string;
  currency: string;
  permissions: LibraryPermissions;
}) {
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  // Drop selections that a filter or a refresh has hidden, so bulk actions only touch what is on screen.
  const visibleSelection = useMemo(() => new Set(items.filter((i) => selection.has(i.id)).map((i) => i.id)), [items, selection]);
  const select = (id: string, checked: boolean) =>
    setSelection((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const base = `/p/${projectId}/creatives`;
  const viewLink = (view: LibraryFilters["view"]) => (
    <Link href={`${base}${filtersToQuery(filters, { view })}`} aria-current={filters.view === view ? "page" : undefined}
      className={`rounded-md px-2.5 py-1 text-xs font-medium ${filters.view === view ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
      {view === "grid" ? "Grid" : "Table"}
    </Link>
  );

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600" data-testid="library-count">Showing {items.length} of {total} creatives</p>
        <nav aria-label="View" className="flex gap-1 rounded-lg border border-slate-200 bg-white p-0.5">{viewLink("grid")}{viewLink("table")}</nav>
      </div>
      {visibleSelection.size > 0 && (
        <BulkBar projectId={projectId} selectedIds={[...visibleSelection]} permissions={permissions} onDone={() => setSelection(new Set())} />
      )}
      {items.length === 0 ? (
        <EmptyState title={total === 0 ? "No creatives yet" : "No creative matches these filters"}>
          {total === 0 ? "Upload a manual creative below." : <Link className="text-indigo-700 hover:underline" href={base}>Clear the filters</Link>}
        </EmptyState>
      ) : filters.view === "table" ? (
        <CreativeTable items={items} projectId={projectId} currency={currency} permissions={permissions} selected={visibleSelection}
          onSelect={select} onSelectAll={(checked) => setSelection(checked ? new Set(items.map((i) => i.id)) : new Set())} />
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {items.map((item) => (
            <CreativeCard key={item.id} item={item} projectId={projectId} currency={currency} permissions={permissions}
              selected={visibleSelection.has(item.id)} onSelect={(checked) => select(item.id, checked)} />
          ))}
        </div>
      )}
    </div>
  );
}
