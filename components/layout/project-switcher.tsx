"use client";
import { useRouter } from "next/navigation";

export function ProjectSwitcher({ current, projects }: { current: string; projects: { id: string; name: string; orgName: string }[] }) {
  const router = useRouter();
  return (
    <label className="block text-xs font-medium text-slate-500">
      Project
      <select aria-label="Project" value={current} onChange={(e) => router.push(`/p/${e.target.value}`)}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
        {projects.map((p) => (
          <option key={p.id} value={p.id}>{p.orgName} / {p.name}</option>
        ))}
      </select>
    </label>
  );
}
