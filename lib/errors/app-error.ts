// One coded error type for everything a user can be told; unexpected errors are logged and shown generically.
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "RATE_LIMITED" | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

export function toErrorResult(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  console.error(error);
  return { ok: false, error: { code: "UNAVAILABLE", message: "Something went wrong on our side. Try again in a moment." } };
}
