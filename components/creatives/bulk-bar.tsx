"use client";
// Bulk approve / reject / override / archive for the selected creatives.
import { useState } from "react";
import { setCreativeApprovalAction, setCreativeOverrideAction, setCreativesArchivedAction } from "@/lib/actions/creatives";
import { OverrideDialog, type OverrideChoice } from "./override-dialog";
import { deniedMessage, type LibraryPermissions } from "./permissions";
import { useCreativeAction } from "./use-creative-action";

const BUTTON = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

const summary = (verb: string) => (data: { changed: string[]; unchanged: string[] }) =>
  `${verb} ${data.changed.length}${data.unchanged.length ? `; ${data.unchanged.length} already were` : ""}.`;

export function BulkBar({ projectId, selectedIds, permissions, onDone }: {
  projectId: string;
  selectedIds: string[];
  permissions: LibraryPermissions;
  onDone: () => void;
}) {
  const { run, pending, error, notice } = useCreativeAction();
  const [choice, setChoice] = useState<OverrideChoice | null>(null);
  const contentIds = selectedIds;
  const approveTitle = permissions.approve ? undefined : deniedMessage(permissions.role, "creative.approve");
  const overrideTitle = permissions.override ? undefined : deniedMessage(permissions.role, "creative.override");
  const done = (verb: string) => (data: { changed: string[]; unchanged: string[] }) => {
    onDone();
    return summary(verb)(data);
  };

  return (
    <div className="space-y-1 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2" aria-label="Bulk actions" role="region">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{selectedIds.length} selected</span>
        <button type="button" className={BUTTON} disabled={!permissions.approve || pending || !selectedIds.length} title={approveTitle}
          onClick={() => run(setCreativeApprovalAction, { projectId, contentIds, decision: "approve" }, done("Approved"))}>Approve selected</button>
        <button type="button" className={BUTTON} disabled={!permissions.approve || pending || !selectedIds.length} title={approveTitle}
          onClick={() => run(setCreativeApprovalAction, { projectId, contentIds, decision: "reject" }, done("Rejected"))}>Reject selected</button>
        {(["include", "exclude", "auto"] as const).map((option) => (
          <button key={option} type="button" className={BUTTON} disabled={!permissions.override || pending || !selectedIds.length} title={overrideTitle}
            onClick={() => setChoice(option)}>Override: {option}</button>
        ))}
        <button type="button" className={BUTTON} disabled={!permissions.approve || pending || !selectedIds.length} title={approveTitle}
          onClick={() => run(setCreativesArchivedAction, { projectId, contentIds, archived: true }, done("Archived"))}>Archive selected</button>
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      {notice && <p role="status" className="text-xs text-emerald-700">{notice}</p>}
      {choice && (
        <OverrideDialog choice={choice} subject={`${selectedIds.length} creative${selectedIds.length === 1 ? "" : "s"}`} pending={pending}
          onCancel={() => setChoice(null)}
          onConfirm={() => { setChoice(null); run(setCreativeOverrideAction, { projectId, contentIds, override: choice }, done("Changed the override of")); }} />
      )}
    </div>
  );
}
