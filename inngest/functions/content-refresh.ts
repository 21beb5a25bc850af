import { createJobFunction } from "./job-function";

export const contentRefresh = createJobFunction("content-refresh");
