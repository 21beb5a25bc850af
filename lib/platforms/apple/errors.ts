import { createPlatformError, type PlatformError, type PlatformErrorKind } from "../errors";
import { isRecord, num, retryAfterMsFromHeaders, str } from "../http";

/**
 * Apple Ads Platform API error mapping. Errors use the HTTP status plus an `error` object:
 * `{ "error": { "code": "INVALID_ARGUMENT", "message": …, "details": [{code, message}] } }` (ErrorResponse),
 * some endpoints `{ "error": { "errors": [{ code: "CAMPAIGN_NOT_FOUND", message }] } }`, and the
 * retired v5 API `{ "errors": [{ messageCode, message, field }] }`.
 *
 * | HTTP / code                   | kind            |
 * |-------------------------------|-----------------|
 * | 401 (after one token refresh) | auth_expired    |
 * | 429                           | rate_limited (wait from Retry-After or RateLimit-Reset seconds) |
 * | 404, any code ending NOT_FOUND| not_found       |
 * | 5xx                           | platform_outage |
 * | 400, 403, 409, other          | invalid_request |
 */

interface AppleErrorInfo {
  code: string | null;
  message: string | null;
  details: unknown;
}

export function extractAppleError(body: unknown): AppleErrorInfo {
  if (!isRecord(body)) return { code: null, message: typeof body === "string" && body ? body.slice(0, 300) : null, details: undefined };
  const err = body.error;
  if (isRecord(err)) {
    const nested = Array.isArray(err.errors) ? err.errors.filter(isRecord) : [];
    const details = Array.isArray(err.details) ? err.details.filter(isRecord) : [];
    const first = nested[0] ?? details[0];
    const code = str(err.code) ?? (first ? str(first.code) : null);
    const detailMsg = details.map((d) => str(d.message)).filter(Boolean).join("; ");
    const message = [str(err.message), nested.map((e) => str(e.message)).filter(Boolean).join("; ") || null, detailMsg || null]
      .filter((m): m is string => !!m)
      .join(": ");
    return { code, message: message || null, details: err };
  }
  if (Array.isArray(body.errors)) {
    const first = body.errors.find(isRecord);
    return { code: first ? (str(first.messageCode) ?? str(first.code)) : null, message: first ? str(first.message) : null, details: body.errors };
  }
  return { code: null, message: null, details: body };
}

export function classifyAppleError(httpStatus: number, code: string | null): PlatformErrorKind {
  if (httpStatus === 401) return "auth_expired";
  if (httpStatus === 429) return "rate_limited";
  if (httpStatus === 404 || (code !== null && /NOT_FOUND$/i.test(code))) return "not_found";
  if (httpStatus >= 500) return "platform_outage";
  return "invalid_request";
}

/** `RateLimit-Reset` (IETF draft: seconds until the window resets) as a fallback for Retry-After. */
function rateLimitResetMs(headers: Headers): number | null {
  const raw = headers.get("ratelimit-reset");
  if (raw === null) return null;
  const secs = num(raw, NaN);
  return Number.isFinite(secs) && secs >= 0 ? Math.round(secs * 1000) : null;
}

export function mapAppleError(input: { httpStatus: number; body: unknown; headers?: Headers | null }): PlatformError {
  const info = extractAppleError(input.body);
  const kind = classifyAppleError(input.httpStatus, info.code);
  const headers = input.headers ?? null;
  return createPlatformError(kind, {
    platform: "apple_search_ads",
    code: info.code ?? `http_${input.httpStatus}`,
    message: info.message ?? `HTTP ${input.httpStatus}`,
    requestId: headers?.get("x-request-id") ?? headers?.get("x-apple-request-uuid") ?? null,
    httpStatus: input.httpStatus,
    details: info.details,
    retryAfterMs: headers ? (retryAfterMsFromHeaders(headers) ?? rateLimitResetMs(headers)) : null,
  });
}

/** Error of one item in a bulk response (`success: false`). */
export function mapAppleBulkItemError(item: Record<string, unknown>): PlatformError {
  const info = extractAppleError({ error: item.error ?? (Array.isArray(item.errors) ? { errors: item.errors } : undefined) });
  const status = info.code && /NOT_FOUND$/i.test(info.code) ? 404 : 400;
  return createPlatformError(classifyAppleError(status, info.code), {
    platform: "apple_search_ads",
    code: info.code ?? "bulk_item_failed",
    message: info.message ?? "bulk item failed",
    httpStatus: 200,
    details: info.details,
  });
}
