"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format";
import { useMarkRead, useNotifications } from "./use-notifications";

/** Bell with the unread count; opens the project's notification centre. */
export function NotificationBell({ projectId, timezone }: { projectId: string; timezone: string }) {
  const [open, setOpen] = useState(false);
  const inbox = useNotifications(projectId);
  const { one, all } = useMarkRead(projectId);
  const panel = useRef<HTMLDivElement>(null);
  const unread = inbox.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !panel.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const error = inbox.error ?? one.error ?? all.error;
  return (
    <div ref={panel} className="relative">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`Notifications (${unread} unread)`}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5m6 0a3 3 0 1 1-6 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span data-testid="unread-count" className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label="Notifications" className="absolute left-0 top-full z-50 mt-2 w-96 rounded-xl border border-slate-200 bg-white shadow-lg">
          <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <button type="button" disabled={unread === 0 || all.isPending} onClick={() => all.mutate()} className="text-xs text-indigo-700 hover:underline disabled:text-slate-400">
              Mark all read
            </button>
          </header>
          {inbox.data && inbox.data.tasks.length > 0 && (
            <Link href={`/p/${projectId}#tasks`} onClick={() => setOpen(false)} className="block border-b border-slate-100 bg-amber-50 px-4 py-2 text-xs text-amber-900 hover:underline">
              {inbox.data.tasks.length} open task{inbox.data.tasks.length === 1 ? "" : "s"} need{inbox.data.tasks.length === 1 ? "s" : ""} your input →
            </Link>
          )}
          {error && <p role="alert" className="px-4 py-2 text-xs text-red-700">{error.message}</p>}
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" data-testid="notification-list">
            {inbox.isPending && <li className="px-4 py-3 text-sm text-slate-500">Loading…</li>}
            {inbox.data?.notifications.length === 0 && <li className="px-4 py-3 text-sm text-slate-500">Nothing yet. Wallet events, failed jobs and approvals show up here.</li>}
            {inbox.data?.notifications.map((n) => (
              <li key={n.id} data-read={n.read} className={`px-4 py-3 text-sm ${n.read ? "text-slate-500" : "bg-indigo-50/40"}`}>
                <div className="flex items-start justify-between gap-2">
                  <p className={n.read ? "" : "font-semibold text-slate-900"}>{n.title}</p>
                  {!n.read && (
                    <button type="button" disabled={one.isPending} onClick={() => one.mutate(n.id)} aria-label={`Mark "${n.title}" read`}
                      className="shrink-0 text-xs text-indigo-700 hover:underline">Mark read</button>
                  )}
                </div>
                <p className="mt-0.5 text-xs">{n.body}</p>
                <p className="mt-1 flex gap-3 text-[11px] text-slate-400">
                  <span>{formatDateTime(n.createdAt, timezone)}</span>
                  {n.link && <Link href={n.link} onClick={() => setOpen(false)} className="text-indigo-700 hover:underline">Open</Link>}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
