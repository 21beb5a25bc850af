// Reads that decide what a user may see: every dashboard query starts from these.
import type { Role } from "@/lib/auth/roles";
import { db } from "./client";

export interface ProjectAccess {
  projectId: string;
  projectName: string;
  orgId: string;
  orgName: string;
  timezone: string;
  currency: string;
  role: Role;
  emergencyStopAt: Date | null;
}

export async function getProjectAccess(userId: string, projectId: string): Promise<ProjectAccess | null> {
  const project = await db.project.findFirst({
    where: { id: projectId, org: { memberships: { some: { userId } } } },
    select: {
      id: true,
      name: true,
      timezone: true,
      currency: true,
      org: { select: { id: true, name: true, emergencyStopAt: true, memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = project?.org.memberships[0]?.role;
  if (!project || !role) return null;
  return {
    projectId: project.id,
    projectName: project.name,
    orgId: project.org.id,
    orgName: project.org.name,
    timezone: project.timezone,
    currency: project.currency,
    role,
    emergencyStopAt: project.org.emergencyStopAt,
  };
}

export async function listProjectsForUser(userId: string) {
  return db.project.findMany({
    where: { org: { memberships: { some: { userId } } } },
    select: { id: true, name: true, org: { select: { name: true } } },
    orderBy: [{ org: { name: "asc" } }, { name: "asc" }],
  });
}

