"use client";
import type { LibraryItem } from "@/lib/creatives/library";
import { CreativeActions } from "./creative-actions";
import { ApprovalBadge, EligibilityNote, FatigueBadges, MediaPreview, OverrideBadge, PerformanceFacts, PoolBadge, ScoreCell } from "./creative-facts";
import type { LibraryPermissions } from "./permissions";

export function CreativeTable({ items, projectId, currency, permissions, selected, onSelect, onSelectAll }: {
  items: LibraryItem[];
  projectId: string;
  currency: string;
  permissions: LibraryPermissions;
  selected: ReadonlySet<string>;
  onSelect: (id: string, checked: boolean) => void;
  onSelectAll: (checked: boolean) => void;
}) {
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="creatives-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-2"><input type="checkbox" checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} aria-label="Select all shown" /></th>
            <th className="pr-2">Creative</th><th className="pr-2">Score</th><th className="pr-2">Status</th>
            <th className="pr-2">Eligibility and running</th><th className="pr-2">Performance</th><th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="creative-item" data-creative-id={item.id} data-title={item.title} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-2">
                <input type="checkbox" checked={selected.has(item.id)} onChange={(e) => onSelect(item.id, e.target.checked)} aria-label={`Select ${item.title}`} />
              </td>
              <td className="py-2 pr-2">
                <div className="flex w-56 gap-2">
                  <MediaPreview item={item} className="h-12 w-12 shrink-0" />
                  <div className="min-w-0 space-y-1">
                    <div className="truncate font-medium" title={item.title}>{item.title}</div>
                    <PoolBadge item={item} />
                  </div>
                </div>
              </td>
              <td className="py-2 pr-2"><ScoreCell item={item} /></td>
              <td className="space-y-1 py-2 pr-2"><ApprovalBadge item={item} /><div><OverrideBadge item={item} /></div></td>
              <td className="w-72 space-y-1 py-2 pr-2"><EligibilityNote item={item} /><FatigueBadges item={item} /></td>
              <td className="min-w-60 py-2 pr-3"><PerformanceFacts item={item} currency={currency} /></td>
              <td className="w-56 py-2"><CreativeActions item={item} projectId={projectId} permissions={permissions} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
