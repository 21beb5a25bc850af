import { createJobFunction } from "./job-function";

export const watchdog = createJobFunction("watchdog");
