"use client";
// Runs a server action, shows its readable error, and refreshes the server-rendered page on success (no reload).
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/app-error";

export function useCreativeAction() {
  const router = useRouter();
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
          router.refresh();
        } catch {
          setError("The server could not be reached. Check your connection and try again.");
        }
      });
    },
    [router],
  );

  return { run, pending, error, notice };
}
