// Data sections of the library page, each streamed in its own Suspense boundary.
import { CreativeLibrary } from "@/components/creatives/creative-library";
import type { LibraryPermissions } from "@/components/creatives/permissions";
import { RequiresApprovalToggle } from "@/components/creatives/requires-approval-toggle";
import { filterLibrary, type LibraryFilters } from "@/lib/creatives/filters";
import { buildLibraryItems } from "@/lib/creatives/library";
import { loadCreativeLibrary, loadLibrarySettings, loadRefreshAdsets, loadScoreHistories } from "@/lib/db/queries/creative-library";

export async function LibrarySection({ projectId, filters, currency, permissions }: {
  projectId: string;
  filters: LibraryFilters;
  currency: string;
  permissions: LibraryPermissions;
}) {
  const [rows, histories, adsets, settings] = await Promise.all([
    loadCreativeLibrary(projectId, new Date()),
    loadScoreHistories(projectId),
    loadRefreshAdsets(projectId),
    loadLibrarySettings(projectId),
  ]);
  const items = buildLibraryItems({ rows, histories, adsets, config: settings.config });
  return (
    <CreativeLibrary items={filterLibrary(items, filters)} total={items.length} filters={filters} projectId={projectId} currency={currency} permissions={permissions} />
  );
}

export async function ApprovalSetting({ projectId, permissions }: { projectId: string; permissions: LibraryPermissions }) {
  const { requiresApproval } = await loadLibrarySettings(projectId);
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3">
      <RequiresApprovalToggle projectId={projectId} requiresApproval={requiresApproval} permissions={permissions} />
    </div>
  );
}
