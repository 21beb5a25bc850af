// Session-authenticated JSON routes for the dashboard's client queries: same gate and error shape as server actions.
import { NextResponse } from "next/server";
import type { Capability } from "@/lib/auth/roles";
import { requireProject } from "@/lib/auth/session";
import type { ProjectAccess } from "@/lib/db/access";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, { status: HTTP_STATUS[error.code] });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "UNAVAILABLE", message: "Something went wrong on our side." } }, { status: 500 });
}

export function projectRoute<P extends { projectId: string }>(
  capability: Capability,
  handler: (access: ProjectAccess & { userId: string }, request: Request, params: P) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const params = await context.params;
      const access = await requireProject(params.projectId, capability);
      return NextResponse.json(await handler(access, request, params));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
