/** TanStack Query keys for the notification centre: invalidate `notificationKeys.all` after anything that notifies. */
export const notificationKeys = {
  all: ["notifications"] as const,
  inbox: (projectId: string) => [...notificationKeys.all, projectId] as const,
};
