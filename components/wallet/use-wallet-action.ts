"use client";
import { notificationKeys } from "@/components/notifications/query-keys";
import { useServerAction } from "@/components/ui/use-server-action";

// Wallet actions notify, so the notification centre refreshes with the page.
const INVALIDATE = [notificationKeys.all];

export const useWalletAction = () => useServerAction({ invalidate: INVALIDATE });
