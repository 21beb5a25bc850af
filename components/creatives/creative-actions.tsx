"use client";
// One creative's actions: approve / reject, override (with a confirmation that explains it), archive, regenerate.
import { useState } from "react";
import { requestCreativeRegenerationAction, setCreativeApprovalAction, setCreativeOverrideAction, setCreativesArchivedAction } from "@/lib/actions/creatives";
import type { LibraryItem } from "@/lib/creatives/library";
import { OVERRIDE_LABEL, OverrideDialog, type OverrideChoice } from "./override-dialog";
import { deniedMessage, type LibraryPermissions } from "./permissions";
import { useCreativeAction } from "./use-creative-action";

const BUTTON = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

export function CreativeActions({ item, projectId, permissions }: { item: LibraryItem; projectId: string; permissions: LibraryPermissions }) {
  const { run, pending, error, notice } = useCreativeAction();
  const [menuOpen, setMenuOpen] = useState(false);
  const [choice, setChoice] = useState<OverrideChoice | null>(null);
  const contentIds = [item.id];
  const current: OverrideChoice = item.override ?? "auto";
  const approveTitle = permissions.approve ? undefined : deniedMessage(permissions.role, "creative.approve");
  const overrideTitle = permissions.override ? undefined : deniedMessage(permissions.role, "creative.override");

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        {item.approval !== "approved" && (
          <button type="button" className={BUTTON} disabled={!permissions.approve || pending} title={approveTitle}
            onClick={() => run(setCreativeApprovalAction, { projectId, contentIds, decision: "approve" })}>Approve</button>
        )}
        {item.approval !== "rejected" && (
          <button type="button" className={BUTTON} disabled={!permissions.approve || pending} title={approveTitle}
            onClick={() => run(setCreativeApprovalAction, { projectId, contentIds, decision: "reject" })}>Reject</button>
        )}
        <div className="relative">
          <button type="button" className={BUTTON} disabled={!permissions.override || pending} title={overrideTitle}
            aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)}>
            Override: {OVERRIDE_LABEL[current]} ▾
          </button>
          {menuOpen && (
            <div role="menu" className="absolute z-10 mt-1 w-28 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
              {(["include", "exclude", "auto"] as const).map((option) => (
                <button key={option} type="button" role="menuitem" disabled={option === current}
                  className="block w-full px-3 py-1 text-left text-xs hover:bg-slate-100 disabled:text-slate-400"
                  onClick={() => { setMenuOpen(false); setChoice(option); }}>
                  {OVERRIDE_LABEL[option]}
                </button>
              ))}
            </div>
          )}
        </div>
        <button type="button" className={BUTTON} disabled={!permissions.approve || pending} title={approveTitle}
          onClick={() => run(setCreativesArchivedAction, { projectId, contentIds, archived: !item.archived })}>
          {item.archived ? "Restore" : "Archive"}
        </button>
        {item.safetyFailed && (
          <button type="button" className={BUTTON} disabled={!permissions.override || pending} title={overrideTitle}
            onClick={() => run(requestCreativeRegenerationAction, { projectId, contentId: item.id }, () => "Regeneration task recorded.")}>
            Regenerate
          </button>
        )}
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      {notice && <p role="status" className="text-xs text-emerald-700">{notice}</p>}
      {choice && (
        <OverrideDialog choice={choice} subject={`“${item.title}”`} pending={pending} onCancel={() => setChoice(null)}
          onConfirm={() => { setChoice(null); run(setCreativeOverrideAction, { projectId, contentIds, override: choice }); }} />
      )}
    </div>
  );
}
