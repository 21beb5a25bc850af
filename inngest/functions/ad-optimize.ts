import { createJobFunction } from "./job-function";

export const adOptimize = createJobFunction("ad-optimize");
