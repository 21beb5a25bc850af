"use server";
import { z } from "zod";
import { layerProjectId, setLayerPaused } from "@/lib/db/queries/layers";
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
