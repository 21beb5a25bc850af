// Metrics sync for one layer: entity tree + the last days of daily metrics from the platform client. It keeps
// collecting while the layer is paused (only the optimizer's actions stop). Re-running it is a no-op.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { refreshEntityWindows } from "@/lib/db/queries/entity-windows";
import { markLayerSynced, replaceMetricDays, upsertPlatformEntities } from "@/lib/db/queries/metrics-writes";
import { acquireJobLock, finishRun, lockHolder, recordTerminalRun, releaseJobLock, startRun } from "@/lib/db/queries/run-records";
import { addDays } from "@/lib/platforms/types";
import { advanceSimulatedLayer } from "@/lib/sim/advance";
import { defaultClientResolver, type ClientResolver } from "./layer-client";
import { LOCK_LEASE_MS, lockKey } from "./run-kinds";

/** Platforms restate recent days (late conversions): re-read this many days on every sync. */
export const SYNC_LOOKBACK_DAYS = 3;
const DAY = 86_400_000;

export async function syncLayerMetrics(db: Db, options: { layerId: string; now: Date; trigger: "schedule" | "manual" | "event"; runId?: string; clients?: ClientResolver }) {
  const { layerId, now, trigger } = options;
  const layer = await db.layer.findUniqueOrThrow({
    where: { id: layerId },
    select: { id: true, projectId: true, platform: true, credentialsRef: true, simWorld: { select: { simulatedThrough: true } } },
  });
  if (layer.platform === "social") throw new Error("Metrics sync runs on ad layers only.");
  const runId = options.runId ?? randomUUID();
  const key = lockKey("metrics_sync", layerId);
  if (!(await acquireJobLock(key, runId, now, LOCK_LEASE_MS))) {
    const reason = `Another metrics sync for this layer is in progress (run ${(await lockHolder(key)) ?? "unknown"}).`;
    const run = await recordTerminalRun({ projectId: layer.projectId, layerId, kind: "metrics_sync", trigger, status: "refused", reason, now });
    return { status: "refused" as const, runId: run.id, reason };
  }
  await startRun({ id: runId, projectId: layer.projectId, layerId, kind: "metrics_sync", trigger, startedAt: now });
  try {
    let counts: Record<string, number>;
    if (layer.simWorld && !layer.credentialsRef) {
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const through = layer.simWorld.simulatedThrough?.getTime() ?? today - DAY;
      const result = await advanceSimulatedLayer(db, layerId, { days: Math.max(0, Math.round((today - through) / DAY)), now });
      counts = { days: result.days.length, rows: result.rows };
    } else {
      const client = await (options.clients ?? defaultClientResolver(db))({ id: layerId, platform: layer.platform, credentialsRef: layer.credentialsRef });
      const to = now.toISOString().slice(0, 10);
      const range = { from: addDays(to, -(SYNC_LOOKBACK_DAYS - 1)), to };
      const entities = await client.listEntities();
      const ids = await upsertPlatformEntities(layerId, entities);
      const rows = (await Promise.all((["campaign", "adset", layer.platform === "apple_search_ads" ? "keyword" : "ad"] as const).map((level) => client.fetchDailyMetrics(range, level)))).flat();
      const written = await replaceMetricDays(layerId, rows, ids);
      await markLayerSynced(layerId, now, null);
      counts = { entities: entities.length, ...written };
    }
    // The optimizer reads these sums; computing them here keeps the 6-hourly cycle off the raw rows.
    await refreshEntityWindows(layerId, now.toISOString().slice(0, 10));
    await finishRun(runId, { status: "completed", counts, finishedAt: new Date() });
    return { status: "completed" as const, runId, counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markLayerSynced(layerId, now, message);
    await finishRun(runId, { status: "failed", error: message, finishedAt: new Date() });
    return { status: "failed" as const, runId, error: message };
  } finally {
    await releaseJobLock(key, runId);
  }
}
