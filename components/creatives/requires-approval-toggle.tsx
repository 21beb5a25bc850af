"use client";
import { setRequiresApprovalAction } from "@/lib/actions/creatives";
import { deniedMessage, type LibraryPermissions } from "./permissions";
import { useCreativeAction } from "./use-creative-action";

export function RequiresApprovalToggle({ projectId, requiresApproval, permissions }: { projectId: string; requiresApproval: boolean; permissions: LibraryPermissions }) {
  const { run, pending, error } = useCreativeAction();
  return (
    <div className="space-y-1 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={requiresApproval} disabled={!permissions.settings || pending}
          title={permissions.settings ? undefined : deniedMessage(permissions.role, "project.settings")}
          onChange={(e) => run(setRequiresApprovalAction, { projectId, requiresApproval: e.target.checked })} />
        New uploads need approval before they can be selected
      </label>
      {!permissions.settings && <p className="text-xs text-slate-500">Only an admin or owner can change this.</p>}
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
