"use server";
import { z } from "zod";
import { setEmergencyStop } from "@/lib/db/queries/org";
import { projectAction } from "./safe-action";

// Beyond the public docs (no org-wide crisis toggle): stops every layer of the org at once.
export const setEmergencyStopAction = projectAction({
  capability: "org.emergency_stop",
  input: z.object({
    projectId: z.string().min(1),
    on: z.boolean(),
    confirm: z.literal("STOP", { message: 'Type STOP to confirm.' }).optional(),
  }).refine((v) => !v.on || v.confirm === "STOP", { message: 'Type STOP to confirm the emergency stop.', path: ["confirm"] }),
  project: async (input) => input.projectId,
  handler: async (input, { access, userId, audit }) => {
    const result = await setEmergencyStop(access.orgId, input.on, userId, new Date());
    await audit({ action: input.on ? "org.emergency_stop_on" : "org.emergency_stop_off", resourceType: "org", resourceId: access.orgId, changes: { layersChanged: result.layersChanged } });
    return result;
  },
});
