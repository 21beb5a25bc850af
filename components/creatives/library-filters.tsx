"use client";
// Filters are a GET form: the URL holds them, next/form navigates without a full reload.
import Form from "next/form";
import Link from "next/link";
import type { LibraryFilters } from "@/lib/creatives/filters";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | null; options: [string, string][] }) {
  return (
    <label className="flex flex-col text-xs text-slate-500">
      {label}
      <select name={name} defaultValue={value ?? ""} className={SELECT} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

export function LibraryFiltersForm({ projectId, filters }: { projectId: string; filters: LibraryFilters }) {
  const base = `/p/${projectId}/creatives`;
  return (
    <Form action={base} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3" aria-label="Filter creatives">
      {filters.view !== "grid" && <input type="hidden" name="view" value={filters.view} />}
      <label className="flex grow flex-col text-xs text-slate-500">
        Search hook, caption, title or creator
        <input type="search" name="q" defaultValue={filters.q} placeholder="e.g. level 42" className={SELECT} />
      </label>
      <FilterSelect name="pool" label="Pool" value={filters.pool} options={[["", "All pools"], ["generated", "Generated"], ["ugc", "UGC"], ["manual", "Manual"]]} />
      <FilterSelect name="status" label="Approval" value={filters.status}
        options={[["", "Not archived"], ["pending", "Pending"], ["approved", "Approved"], ["rejected", "Rejected"], ["archived", "Archived"], ["all", "All, archived too"]]} />
      <FilterSelect name="eligibility" label="Eligibility" value={filters.eligibility} options={[["", "Any"], ["eligible", "Eligible"], ["ineligible", "Not eligible"]]} />
      <FilterSelect name="running" label="Running" value={filters.running} options={[["", "Any"], ["yes", "Running"], ["no", "Not running"]]} />
      <FilterSelect name="override" label="Override" value={filters.override} options={[["", "Any"], ["include", "Include"], ["exclude", "Exclude"], ["auto", "Auto"]]} />
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">Apply</button>
      <Link href={filters.view === "grid" ? base : `${base}?view=${filters.view}`} className="py-1.5 text-sm text-slate-600 hover:underline">Reset</Link>
    </Form>
  );
}
