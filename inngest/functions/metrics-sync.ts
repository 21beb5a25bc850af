import { createJobFunction } from "./job-function";

export const metricsSync = createJobFunction("metrics-sync");
