// The global schedules panel: each loop's last success, last failure and whether it is overdue.
import type { RunKind } from "../generated/client";
import { db } from "../client";

export async function lastRunsByKindAndPlatform(projectId: string) {
  const rows = await db.$queryRaw<{ kind: RunKind; platform: string | null; last_success: Date | null; last_failure: Date | null; last_failure_error: string | null }[]>`
    SELECT r.kind, l.platform::text AS platform,
      max(r."finishedAt") FILTER (WHERE r.status = 'completed') AS last_success,
      max(r."finishedAt") FILTER (WHERE r.status = 'failed') AS last_failure,
      (array_agg(r.error ORDER BY r."finishedAt" DESC) FILTER (WHERE r.status = 'failed'))[1] AS last_failure_error
    FROM "WorkflowRun" r LEFT JOIN "Layer" l ON l.id = r."layerId"
    WHERE r."projectId" = ${projectId}
    GROUP BY r.kind, l.platform`;
  return rows;
}
