import { countUnreadNotifications, listNotifications, listOpenTasks } from "@/lib/db/queries/notifications";
import { projectRoute } from "@/lib/http/route";

/** The signed-in user's notification centre for one project: newest notifications with their read state, and open tasks. */
export const GET = projectRoute("read", async (access) => {
  const [notifications, unreadCount, tasks] = await Promise.all([
    listNotifications(access.projectId, access.userId, 30),
    countUnreadNotifications(access.projectId, access.userId),
    listOpenTasks(access.projectId, 20),
  ]);
  return { unreadCount, notifications, tasks };
});
