import { createJobFunction } from "./job-function";

export const rescoreCreatives = createJobFunction("rescore-creatives");
