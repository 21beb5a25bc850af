"use client";
// Upload a manual creative by URL; it lands pending when the project requires approval.
import { useRef } from "react";
import { uploadCreativeAction } from "@/lib/actions/creatives";
import { deniedMessage, type LibraryPermissions } from "./permissions";
import { useCreativeAction } from "./use-creative-action";

const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100";

export function UploadCreativeForm({ projectId, permissions }: { projectId: string; permissions: LibraryPermissions }) {
  const { run, pending, error, notice } = useCreativeAction();
  const formRef = useRef<HTMLFormElement>(null);
  const disabled = !permissions.upload;
  const field = (data: FormData, name: string) => {
    const value = String(data.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };

  return (
    <form ref={formRef} className="grid gap-3 sm:grid-cols-2" aria-label="Upload a manual creative"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const mediaType = field(data, "mediaType") as "image" | "video" | "carousel" | undefined;
        run(uploadCreativeAction, {
          projectId, title: field(data, "title") ?? "", mediaUrl: field(data, "mediaUrl") ?? "", mediaType,
          caption: field(data, "caption"), hook: field(data, "hook"),
        }, (result) => {
          formRef.current?.reset();
          return result.approval === "pending" ? "Uploaded. It waits for approval before it can be selected." : "Uploaded and approved.";
        });
      }}>
      {disabled && <p className="text-sm text-slate-500 sm:col-span-2">{deniedMessage(permissions.role, "creative.upload")}</p>}
      <label className="text-xs text-slate-500">Title<input name="title" required maxLength={120} className={INPUT} disabled={disabled} /></label>
      <label className="text-xs text-slate-500">Media URL<input name="mediaUrl" required placeholder="https://…" className={INPUT} disabled={disabled} /></label>
      <label className="text-xs text-slate-500">Hook<input name="hook" maxLength={200} className={INPUT} disabled={disabled} /></label>
      <label className="text-xs text-slate-500">
        Format
        <select name="mediaType" defaultValue="" className={INPUT} disabled={disabled}>
          <option value="">Detect from the URL</option><option value="image">Image</option><option value="video">Video</option><option value="carousel">Carousel</option>
        </select>
      </label>
      <label className="text-xs text-slate-500 sm:col-span-2">Caption<textarea name="caption" rows={2} maxLength={2200} className={INPUT} disabled={disabled} /></label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={disabled || pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
          {pending ? "Uploading…" : "Upload creative"}
        </button>
        {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
        {notice && <p role="status" className="text-sm text-emerald-700">{notice}</p>}
      </div>
    </form>
  );
}
