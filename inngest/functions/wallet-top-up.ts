import { createJobFunction } from "./job-function";

export const walletTopUp = createJobFunction("wallet-top-up");
