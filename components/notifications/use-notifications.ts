"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import type { ActionResult } from "@/lib/errors/app-error";
import { notificationKeys } from "./query-keys";

export interface InboxNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface InboxTask {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

export interface Inbox {
  unreadCount: number;
  notifications: InboxNotification[];
  tasks: InboxTask[];
}

/** The notification centre of one project, polled every minute so jobs' notifications show up without a reload. */
export function useNotifications(projectId: string) {
  return useQuery({
    queryKey: notificationKeys.inbox(projectId),
    queryFn: async (): Promise<Inbox> => {
      const response = await fetch(`/api/projects/${projectId}/notifications`);
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? "Could not load notifications.");
      return body as Inbox;
    },
    refetchInterval: 60_000,
  });
}

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

export function useMarkRead(projectId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: notificationKeys.inbox(projectId) });
  const one = useMutation({ mutationFn: (notificationId: string) => unwrap(markNotificationReadAction({ notificationId })), onSuccess });
  const all = useMutation({ mutationFn: () => unwrap(markAllNotificationsReadAction({ projectId })), onSuccess });
  return { one, all };
}
