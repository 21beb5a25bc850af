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

export async function listAudit(orgId: string, options: { resourceType?: string; resourceId?: string; take?: number } = {}) {
  return db.auditLog.findMany({
    where: { orgId, resourceType: options.resourceType, resourceId: options.resourceId },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
  });
}
