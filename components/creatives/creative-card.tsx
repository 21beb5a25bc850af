"use client";
import type { LibraryItem } from "@/lib/creatives/library";
import { CreativeActions } from "./creative-actions";
import { ApprovalBadge, EligibilityNote, FatigueBadges, MediaPreview, OverrideBadge, PerformanceFacts, PoolBadge, ScoreCell } from "./creative-facts";
import type { LibraryPermissions } from "./permissions";

export function CreativeCard({ item, projectId, currency, permissions, selected, onSelect }: {
  item: LibraryItem;
  projectId: string;
  currency: string;
  permissions: LibraryPermissions;
  selected: boolean;
  onSelect: (checked: boolean) => void;
}) {
  return (
    <article data-testid="creative-item" data-creative-id={item.id} data-title={item.title}
      className={`flex flex-col gap-2 rounded-xl border bg-white p-3 shadow-sm ${selected ? "border-indigo-400 ring-1 ring-indigo-300" : "border-slate-200"}`}>
      <div className="relative">
        <MediaPreview item={item} />
        <label className="absolute left-2 top-2 rounded bg-white/90 px-1">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${item.title}`} />
        </label>
      </div>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate font-medium" title={item.title}>{item.title}</h3>
          {item.hook && <p className="truncate text-xs text-slate-500" title={item.hook}>{item.hook}</p>}
        </div>
        <PoolBadge item={item} />
      </div>
      <div className="flex flex-wrap gap-1"><ApprovalBadge item={item} /><OverrideBadge item={item} /></div>
      <ScoreCell item={item} />
      <EligibilityNote item={item} />
      <FatigueBadges item={item} />
      <PerformanceFacts item={item} currency={currency} />
      <div className="mt-auto border-t border-slate-100 pt-2">
        <CreativeActions item={item} projectId={projectId} permissions={permissions} />
      </div>
    </article>
  );
}
