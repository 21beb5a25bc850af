import { createPlatformError, type PlatformError, type PlatformErrorKind } from "../errors";
import { isRecord, num, retryAfterMsFromHeaders, str } from "../http";

/**
 * TikTok API for Business error mapping. Errors usually arrive as HTTP 200 with a non-zero `code` in
 * the `{ code, message, request_id, data }` envelope.
 *
 * | code / HTTP                         | kind            |
 * |-------------------------------------|-----------------|
 * | 40100, 40016 (app QPS), 40133 (advertiser QPS), HTTP 429 | rate_limited |
 * | 40102, 40104, 40105 (token expired / missing / invalid), HTTP 401 | auth_expired |
 * | 5xxxx (e.g. 50000, 50002), HTTP 5xx | platform_outage |
 * | other 4xxxx (e.g. 40001, 40002); HTTP 404 → not_found; a 40xxx whose message says the object "does not exist" → not_found | invalid_request |
 */
const RATE_LIMIT_CODES = new Set([40100, 40016, 40133]);
const AUTH_CODES = new Set([40102, 40104, 40105]);

export function classifyTikTokError(code: number | null, httpStatus: number | null, message = ""): PlatformErrorKind {
  if (code !== null && code !== 0) {
    if (RATE_LIMIT_CODES.has(code)) return "rate_limited";
    if (AUTH_CODES.has(code)) return "auth_expired";
    if (code >= 50000 && code < 60000) return "platform_outage";
    if (/\b(does not exist|doesn't exist|not exist|not found)\b/i.test(message)) return "not_found";
    return "invalid_request";
  }
  if (httpStatus === 429) return "rate_limited";
  if (httpStatus === 401) return "auth_expired";
  if (httpStatus === 404) return "not_found";
  if (httpStatus !== null && httpStatus >= 500) return "platform_outage";
  return "invalid_request";
}

export function mapTikTokError(input: { httpStatus: number; body: unknown; headers?: Headers | null }): PlatformError {
  const env = isRecord(input.body) ? input.body : {};
  const codeRaw = num(env.code, NaN);
  const code = Number.isNaN(codeRaw) ? null : codeRaw;
  const message = str(env.message) ?? `HTTP ${input.httpStatus}`;
  const kind = classifyTikTokError(code, input.httpStatus, message);
  return createPlatformError(kind, {
    platform: "tiktok",
    code: code ?? `http_${input.httpStatus}`,
    message,
    requestId: str(env.request_id) ?? input.headers?.get("x-tt-logid") ?? null,
    httpStatus: input.httpStatus,
    details: env.data,
    retryAfterMs: input.headers ? retryAfterMsFromHeaders(input.headers) : null,
  });
}
