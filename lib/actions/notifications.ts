"use server";
// The notification centre: anyone who can read the project marks their own notifications read; completing or
// dismissing a task is a decision, so it needs a marketer (same bar as deciding pending actions).
import { z } from "zod";
import { closeTask, markAllNotificationsRead, markNotificationRead, notificationProjectId, taskProjectId } from "@/lib/db/queries/notifications";
import { AppError } from "@/lib/errors/app-error";
import { projectAction } from "./safe-action";

export const markNotificationReadAction = projectAction({
  capability: "read",
  input: z.object({ notificationId: z.string().min(1, "Choose a notification.") }),
  project: (input) => notificationProjectId(input.notificationId),
  handler: async (input, { userId }) => {
    await markNotificationRead(input.notificationId, userId);
    return { notificationId: input.notificationId };
  },
});

export const markAllNotificationsReadAction = projectAction({
  capability: "read",
  input: z.object({ projectId: z.string().min(1, "Choose a project.") }),
  project: async (input) => input.projectId,
  handler: async (input, { userId }) => ({ marked: await markAllNotificationsRead(input.projectId, userId) }),
});

export const closeTaskAction = projectAction({
  capability: "proposal.decide",
  input: z.object({
    taskId: z.string().min(1, "Choose a task."),
    status: z.enum(["done", "dismissed"], { error: "Mark the task done or dismiss it." }),
  }),
  project: (input) => taskProjectId(input.taskId),
  handler: async (input, { audit }) => {
    const task = await closeTask(input.taskId, input.status, new Date());
    if (!task) throw new AppError("CONFLICT", "This task is already closed.");
    await audit({ action: `task.${input.status}`, resourceType: "task", resourceId: task.id, changes: { kind: task.kind, title: task.title } });
    return { taskId: task.id, status: task.status };
  },
});
