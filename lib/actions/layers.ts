"use server";
import { z } from "zod";
import { layerProjectId, setLayerMode, setLayerPaused } from "@/lib/db/queries/layers";
import { startLayerJobNow } from "@/lib/jobs/run-now";
import { projectAction } from "./safe-action";

const ZLayerPause = z.object({
  layerId: z.string().min(1, "Choose a layer."),
  paused: z.boolean(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

export const setLayerPausedAction = projectAction({
  capability: "layer.pause",
  input: ZLayerPause,
  project: (input) => layerProjectId(input.layerId),
  handler: async (input, { userId, audit }) => {
    const layer = await setLayerPaused(input.layerId, input.paused, userId, input.reason ?? null);
    await audit({ action: input.paused ? "layer.paused" : "layer.resumed", resourceType: "layer", resourceId: layer.id, changes: { status: { new: layer.status }, reason: input.reason ?? null } });
    return layer;
  },
});

export const setLayerModeAction = projectAction({
  capability: "layer.pause",
  input: z.object({ layerId: z.string().min(1), mode: z.enum(["autopilot", "approve_first"], { message: "Mode must be autopilot or approve_first." }) }),
  project: (input) => layerProjectId(input.layerId),
  handler: async (input, { audit }) => {
    const { before, after } = await setLayerMode(input.layerId, input.mode);
    await audit({ action: "layer.mode_changed", resourceType: "layer", resourceId: input.layerId, changes: { mode: { old: before, new: after } } });
    return { mode: after };
  },
});

export const runLayerNowAction = projectAction({
  capability: "layer.run",
  input: z.object({ layerId: z.string().min(1), job: z.enum(["ad-optimize", "watchdog", "content-refresh", "metrics-sync"], { message: "Unknown job." }) }),
  project: (input) => layerProjectId(input.layerId),
  handler: async (input, { access, audit }) => {
    const runId = await startLayerJobNow(input.job, { id: input.layerId, projectId: access.projectId });
    await audit({ action: "layer.run_now", resourceType: "layer", resourceId: input.layerId, changes: { job: input.job, runId } });
    return { runId };
  },
});
