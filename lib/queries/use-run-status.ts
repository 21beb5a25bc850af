"use client";
import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "./keys";

export interface RunStatus {
  id: string;
  status: "running" | "completed" | "failed" | "skipped" | "refused";
  kind: string;
  error: string | null;
  skipReason: string | null;
  counts: Record<string, unknown>;
}

/** Follows a run until it finishes (polls every second while running). */
export function useRunStatus(projectId: string, runId: string | null) {
  return useQuery({
    queryKey: queryKeys.run(projectId, runId ?? "none"),
    enabled: runId !== null,
    queryFn: async (): Promise<RunStatus> => {
      const response = await fetch(`/api/projects/${projectId}/runs/${runId}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? "Could not load the run.");
      return body.run as RunStatus;
    },
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 1000),
  });
}
