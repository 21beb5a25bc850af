import { createJobFunction } from "./job-function";

export const deliverNotifications = createJobFunction("deliver-notifications");
