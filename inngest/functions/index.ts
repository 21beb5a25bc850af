import { adOptimize } from "./ad-optimize";
import { contentRefresh } from "./content-refresh";
import { metricsSync } from "./metrics-sync";
import { reconcile } from "./reconcile";
import { rescoreCreatives } from "./rescore-creatives";
import { scheduledTicks } from "./scheduled-ticks";
import { walletTopUp } from "./wallet-top-up";
import { watchdog } from "./watchdog";

export const jobFunctions = [adOptimize, watchdog, contentRefresh, metricsSync, rescoreCreatives, walletTopUp, reconcile];
export const functions = [...jobFunctions, ...scheduledTicks];
