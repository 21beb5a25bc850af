import { db } from "../client";

export const EMERGENCY_REASON = "Org-wide emergency stop";

export async function setEmergencyStop(orgId: string, on: boolean, userId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const org = await tx.org.update({ where: { id: orgId }, data: on ? { emergencyStopAt: now, emergencyStopBy: userId } : { emergencyStopAt: null, emergencyStopBy: null } });
    // Releasing resumes only the layers the stop paused; layers paused for other reasons stay paused.
    const layers = on
      ? await tx.layer.updateMany({ where: { project: { orgId }, status: "active" }, data: { status: "paused", pausedAt: now, pausedById: userId, pausedReason: EMERGENCY_REASON } })
      : await tx.layer.updateMany({ where: { project: { orgId }, pausedReason: EMERGENCY_REASON }, data: { status: "active", pausedAt: null, pausedById: null, pausedReason: null } });
    return { emergencyStopAt: org.emergencyStopAt, layersChanged: layers.count };
  });
}
