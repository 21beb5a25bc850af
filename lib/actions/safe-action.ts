// Every server action goes through here: zod input → auth → project from the server → role → domain call → audit.
import { z } from "zod";
import type { Capability } from "@/lib/auth/roles";
import { requireUserId, authorizeProject } from "@/lib/auth/session";
import type { ProjectAccess } from "@/lib/db/access";
import { writeAudit } from "@/lib/db/audit";
import { AppError, toErrorResult, type ActionResult } from "@/lib/errors/app-error";

export interface ActionContext {
  userId: string;
  access: ProjectAccess;
  audit(entry: { action: string; resourceType: string; resourceId: string; changes?: Record<string, unknown> }): Promise<void>;
}

export function projectAction<S extends z.ZodType, R>(options: {
  capability: Capability;
  input: S;
  /** Derives the project from the validated input on the server (e.g. via the layer id), never from client-sent org ids. */
  project: (input: z.infer<S>) => Promise<string | null>;
  handler: (input: z.infer<S>, context: ActionContext) => Promise<R>;
}) {
  return async (raw: unknown): Promise<ActionResult<R>> => {
    try {
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
        throw new AppError("INVALID_INPUT", parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), fieldErrors);
      }
      const userId = await requireUserId();
      const projectId = await options.project(parsed.data);
      if (!projectId) throw new AppError("NOT_FOUND", "Not found.");
      const access = await authorizeProject(userId, projectId, options.capability);
      const audit: ActionContext["audit"] = (entry) =>
        writeAudit({ orgId: access.orgId, projectId: access.projectId, actorId: userId, actorType: "user", ...entry });
      return { ok: true, data: await options.handler(parsed.data, { userId, access, audit }) };
    } catch (error) {
      return toErrorResult(error);
    }
  };
}
