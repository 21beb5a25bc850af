// Typed TanStack Query keys: one factory, never inline strings.
export const queryKeys = {
  run: (projectId: string, runId: string) => ["projects", projectId, "runs", runId] as const,
  layers: (projectId: string) => ["projects", projectId, "layers"] as const,
};
