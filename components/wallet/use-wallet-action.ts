"use client";
// Runs a wallet server action, shows its readable error, then refreshes the server-rendered page and the
// notification centre (wallet actions notify) without a reload.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { notificationKeys } from "@/components/notifications/query-keys";
import type { ActionResult } from "@/lib/errors/app-error";

export function useWalletAction() {
  const router = useRouter();
  const client = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(
    <I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I, onSuccess?: (data: T) => string | null | void) => {
      setError(null);
      setNotice(null);
      startTransition(async () => {
        try {
          const result = await action(input);
          if (!result.ok) {
            setError(result.error.message);
            return;
          }
          setNotice(onSuccess?.(result.data) ?? null);
          await client.invalidateQueries({ queryKey: notificationKeys.all });
          router.refresh();
        } catch {
          setError("The server could not be reached. Check your connection and try again.");
        }
      });
    },
    [router, client],
  );

  return { run, pending, error, notice, setError };
}
