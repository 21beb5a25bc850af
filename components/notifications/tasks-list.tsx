"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { EmptyState } from "@/components/ui/card";
import { closeTaskAction } from "@/lib/actions/notifications";
import { formatDateTime } from "@/lib/format";
import { notificationKeys } from "./query-keys";

export interface TaskItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

/** Open tasks: what is blocked on a person. Marketers and above complete or dismiss them. */
export function TasksList({ projectId, tasks, canDecide, timezone }: { projectId: string; tasks: TaskItem[]; canDecide: boolean; timezone: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const close = (taskId: string, status: "done" | "dismissed") =>
    startTransition(async () => {
      const result = await closeTaskAction({ taskId, status });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      await client.invalidateQueries({ queryKey: notificationKeys.inbox(projectId) });
      router.refresh();
    });

  if (tasks.length === 0) return <EmptyState title="Nothing needs your input">Failed top-ups, creatives waiting for approval and other blockers appear here.</EmptyState>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-100" data-testid="tasks-list">
        {tasks.map((task) => (
          <li key={task.id} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="text-sm font-medium">{task.link ? <Link href={task.link} className="text-indigo-700 hover:underline">{task.title}</Link> : task.title}</p>
              <p className="text-xs text-slate-600">{task.body}</p>
              <p className="text-[11px] text-slate-400">{formatDateTime(task.createdAt, timezone)}</p>
            </div>
            {canDecide && (
              <div className="flex shrink-0 gap-1">
                <button type="button" disabled={pending} onClick={() => close(task.id, "done")} aria-label={`Mark "${task.title}" done`}
                  className="rounded-md bg-indigo-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-50">Done</button>
                <button type="button" disabled={pending} onClick={() => close(task.id, "dismissed")} aria-label={`Dismiss "${task.title}"`}
                  className="rounded-md border border-slate-300 px-2 py-1 text-xs disabled:opacity-50">Dismiss</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!canDecide && <p className="text-xs text-slate-500">Marketers, admins and owners can complete or dismiss tasks.</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
