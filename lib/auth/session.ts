// The shared gate for pages, actions and routes: authenticate, then authorise against the project's org and role.
import { auth } from "@/lib/auth";
import { AppError } from "@/lib/errors/app-error";
import { getProjectAccess, type ProjectAccess } from "@/lib/db/access";
import { REQUIRED_ROLE, roleAllows, type Capability } from "./roles";

export async function requireUserId(): Promise<string> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return id;
}

export async function authorizeProject(userId: string, projectId: string, capability: Capability): Promise<ProjectAccess> {
  const access = await getProjectAccess(userId, projectId);
  // Another org's project is indistinguishable from a missing one.
  if (!access) throw new AppError("NOT_FOUND", "Project not found.");
  if (!roleAllows(access.role, capability)) {
    throw new AppError("FORBIDDEN", `Your role (${access.role}) cannot do this; it needs ${REQUIRED_ROLE[capability]} or above.`);
  }
  return access;
}

export async function requireProject(projectId: string, capability: Capability = "read"): Promise<ProjectAccess & { userId: string }> {
  const userId = await requireUserId();
  return { ...(await authorizeProject(userId, projectId, capability)), userId };
}
