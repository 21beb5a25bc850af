import { createJobFunction } from "./job-function";

export const reconcile = createJobFunction("reconcile");
