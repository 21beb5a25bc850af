import { createPlatformError, type PlatformError, type PlatformErrorKind } from "../errors";
import { isRecord, num, str } from "../http";

/**
 * Meta Graph / Marketing API error mapping.
 *
 * Envelope: `{ "error": { "message", "type", "code", "error_subcode", "fbtrace_id", "is_transient"? } }`.
 *
 * | code                                   | kind             |
 * |----------------------------------------|------------------|
 * | 190 (and legacy 102)                   | auth_expired     |
 * | 4, 17, 32, 613, 80000–80014, HTTP 429  | rate_limited     |
 * | 1, 2, -2, is_transient, HTTP 5xx       | platform_outage  |
 * | 2 + subcode 1504041/1504042            | invalid_request  |  (invalid breakdowns / custom metrics)
 * | 803, 100 + subcode 33, HTTP 404        | not_found        |
 * | 100, 10, 200–299 (permissions), other  | invalid_request  |
 *
 * Rate-limit wait: the largest of `estimated_time_to_regain_access` (minutes) in
 * `x-business-use-case-usage` / `x-app-usage` and `reset_time_duration` (seconds) in
 * `x-ad-account-usage`; 0 or absent → null (caller uses exponential backoff).
 */

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const INVALID_CODE_2_SUBCODES = new Set([1504041, 1504042]);

export interface MetaUsage {
  /** Highest utilisation percentage seen in any usage header (0–100+). */
  maxUtilPct: number;
  /** How long Meta says to wait, or null. */
  regainAccessMs: number | null;
}

function parseJsonHeader(headers: Headers, name: string): unknown {
  const raw = headers.get(name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function collectUsageEntries(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  if (!isRecord(value)) return [];
  // x-business-use-case-usage is { "<business or account id>": [ {...}, ... ] }; x-app-usage is flat
  const nested = Object.values(value).flatMap((v) => (Array.isArray(v) ? v.filter(isRecord) : []));
  return nested.length > 0 ? nested : [value];
}

export function parseMetaUsageHeaders(headers: Headers): MetaUsage {
  let maxUtilPct = 0;
  let regainMs = 0;
  for (const name of ["x-business-use-case-usage", "x-app-usage", "x-ad-account-usage"]) {
    for (const entry of collectUsageEntries(parseJsonHeader(headers, name))) {
      for (const key of ["call_count", "total_cputime", "total_time", "acc_id_util_pct"]) {
        maxUtilPct = Math.max(maxUtilPct, num(entry[key]));
      }
      regainMs = Math.max(regainMs, num(entry.estimated_time_to_regain_access) * 60_000);
      regainMs = Math.max(regainMs, num(entry.reset_time_duration) * 1000);
    }
  }
  return { maxUtilPct, regainAccessMs: regainMs > 0 ? regainMs : null };
}

export function classifyMetaError(code: number | null, subcode: number | null, httpStatus: number | null, transient: boolean): PlatformErrorKind {
  if (code === 190 || code === 102) return "auth_expired";
  if ((code !== null && RATE_LIMIT_CODES.has(code)) || (code !== null && code >= 80000 && code <= 80014) || httpStatus === 429) {
    return "rate_limited";
  }
  if (code === 2 && subcode !== null && INVALID_CODE_2_SUBCODES.has(subcode)) return "invalid_request";
  if (code === 1 || code === 2 || code === -2 || transient) return "platform_outage";
  if (code === 803 || (code === 100 && subcode === 33)) return "not_found";
  if (code !== null) return "invalid_request";
  if (httpStatus !== null && httpStatus >= 500) return "platform_outage";
  if (httpStatus === 404) return "not_found";
  if (httpStatus === 401) return "auth_expired";
  return "invalid_request";
}

/** Maps a Meta error response (or a batch item) to a typed PlatformError. */
export function mapMetaError(input: { httpStatus: number | null; body: unknown; headers?: Headers | null }): PlatformError {
  const error = isRecord(input.body) && isRecord(input.body.error) ? input.body.error : {};
  const code = typeof error.code === "number" ? error.code : str(error.code) !== null ? num(error.code, NaN) : null;
  const codeNum = code === null || Number.isNaN(code) ? null : code;
  const subcodeRaw = error.error_subcode;
  const subcode = subcodeRaw === undefined || subcodeRaw === null ? null : num(subcodeRaw, NaN);
  const subNum = subcode === null || Number.isNaN(subcode) ? null : subcode;
  const kind = classifyMetaError(codeNum, subNum, input.httpStatus, error.is_transient === true);
  const headers = input.headers ?? null;
  const message =
    (str(error.error_user_msg) ?? str(error.message) ?? (input.httpStatus ? `HTTP ${input.httpStatus}` : "unknown Meta error")) +
    (typeof error.type === "string" ? ` (${error.type})` : "");
  return createPlatformError(kind, {
    platform: "meta",
    code: codeNum ?? (input.httpStatus !== null ? `http_${input.httpStatus}` : null),
    subcode: subNum,
    message,
    requestId: str(error.fbtrace_id) ?? headers?.get("x-fb-trace-id") ?? null,
    httpStatus: input.httpStatus,
    details: isRecord(input.body) ? input.body.error : input.body,
    retryAfterMs: kind === "rate_limited" && headers ? parseMetaUsageHeaders(headers).regainAccessMs : null,
  });
}
