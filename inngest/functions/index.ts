import { adOptimize } from "./ad-optimize";
import { contentRefresh } from "./content-refresh";
import { deliverNotifications } from "./deliver-notifications";
import { metricsSync } from "./metrics-sync";
import { reconcile } from "./reconcile";
import { rescoreCreatives } from "./rescore-creatives";
import { scheduledTicks } from "./scheduled-ticks";
import { walletTopUp } from "./wallet-top-up";
import { watchdog } from "./watchdog";

export const jobFunctions = [adOptimize, watchdog, contentRefresh, metricsSync, rescoreCreatives, walletTopUp, reconcile, deliverNotifications];
export const functions = [...jobFunctions, ...scheduledTicks];
