"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  ["", "Dashboard"],
  ["creatives", "Creatives"],
  ["layers", "Layers"],
  ["runs", "Runs"],
  ["events", "Events"],
  ["reconciliation", "Reconciliation"],
  ["wallet", "Wallet"],
  ["settings", "Settings"],
] as const;

export function Nav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/p/${projectId}`;
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {SECTIONS.map(([segment, label]) => {
        const href = segment ? `${base}/${segment}` : base;
        const active = segment ? pathname.startsWith(href) : pathname === base;
        return (
          <Link key={label} href={href} prefetch={false} aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-50 font-semibold text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
