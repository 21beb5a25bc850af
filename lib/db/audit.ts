import type { Prisma } from "./generated/client";
import { db } from "./client";

export async function writeAudit(entry: {
  orgId: string;
  projectId?: string | null;
  actorId?: string | null;
  actorType: "user" | "system" | "api";
  action: string;
  resourceType: string;
  resourceId: string;
  changes?: Record<string, unknown>;
}): Promise<void> {
  await db.auditLog.create({ data: { ...entry, changes: (entry.changes ?? {}) as Prisma.InputJsonValue } });
}

