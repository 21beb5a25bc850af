import type { RunKind, RunStatus } from "../generated/client";
import { db } from "../client";

export async function listRuns(projectId: string, filters: { layerId?: string; kind?: RunKind; status?: RunStatus; take?: number } = {}) {
  return db.workflowRun.findMany({
    where: { projectId, layerId: filters.layerId, kind: filters.kind, status: filters.status },
    orderBy: { startedAt: "desc" },
    take: filters.take ?? 100,
    select: {
      id: true, kind: true, trigger: true, status: true, startedAt: true, finishedAt: true, counts: true, error: true, skipReason: true,
      layer: { select: { id: true, name: true, platform: true } },
    },
  });
}
