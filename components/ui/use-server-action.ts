"use client";
// Runs a server action, shows its readable error, then invalidates the given client queries and refreshes the
// server-rendered page (no reload).
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors/app-error";

export function useServerAction(options: { invalidate?: readonly QueryKey[] } = {}) {
  const router = useRouter();
  const client = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invalidate = options.invalidate;

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
          await Promise.all((invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
          router.refresh();
        } catch {
          setError("The server could not be reached. Check your connection and try again.");
        }
      });
    },
    [router, client, invalidate],
  );

  return { run, pending, error, notice, setError };
}
