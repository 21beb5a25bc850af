// Project- and org-scoped jobs record a workflow run like the layer jobs, so the run history and the global
// schedules panel cover every loop.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { finishRun, startRun } from "@/lib/db/queries/run-records";
import type { RunKind } from "@/lib/db/generated/client";

export async function withRecordedRun<T>(
  db: Db,
  target: { projectIds: string[]; kind: RunKind; trigger: "schedule" | "manual" | "event"; now: Date },
  work: () => Promise<T>,
  counts: (result: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  const runIds = target.projectIds.map(() => randomUUID());
  await Promise.all(target.projectIds.map((projectId, i) => startRun({ id: runIds[i], projectId, layerId: null, kind: target.kind, trigger: target.trigger, startedAt: target.now })));
  try {
    const result = await work();
    await Promise.all(runIds.map((id) => finishRun(id, { status: "completed", counts: counts(result), finishedAt: new Date() })));
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await Promise.all(runIds.map((id) => finishRun(id, { status: "failed", error: message, finishedAt: new Date() })));
    throw error;
  }
}

export async function projectIdsOfOrg(db: Db, orgId: string): Promise<string[]> {
  return (await db.project.findMany({ where: { orgId }, select: { id: true } })).map((p) => p.id);
}
