import { PlatformOutageError } from "./errors";
import type { Platform } from "./types";

/** The subset of `fetch` the connectors use; inject a fake or a proxying fetch in tests. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty / not JSON. */
  json: unknown;
}

export interface SendOptions {
  platform: Platform;
  fetch: FetchLike;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Default 30 s. */
  timeoutMs?: number;
}

/**
 * Sends one HTTP request. Network failures and timeouts become PlatformOutageError (code "network" /
 * "timeout"); HTTP error statuses are returned to the caller, which maps the platform's envelope.
 */
export async function sendRequest(opts: SendOptions): Promise<RawResponse> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let response: Response;
  try {
    response = await opts.fetch(opts.url, {
      method: opts.method,
      headers: opts.headers,
      body: opts.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
    throw new PlatformOutageError({
      platform: opts.platform,
      code: timedOut ? "timeout" : "network",
      message: timedOut
        ? `${opts.method} ${redactUrl(opts.url)} timed out after ${timeoutMs} ms`
        : `${opts.method} ${redactUrl(opts.url)} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new PlatformOutageError({
      platform: opts.platform,
      code: "network",
      message: `reading the response of ${opts.method} ${redactUrl(opts.url)} failed`,
      httpStatus: response.status,
      cause,
    });
  }
  return { status: response.status, headers: response.headers, text, json: parseJsonSafe(text) };
}

export function parseJsonSafe(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` (seconds or HTTP date) → milliseconds, or null. */
export function retryAfterMsFromHeaders(headers: Headers, now: number = Date.now()): number | null {
  const raw = headers.get("retry-after");
  if (raw === null) return null;
  const secs = Number(raw.trim());
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(raw);
  if (!Number.isNaN(at)) return Math.max(0, at - now);
  return null;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** Query string from a flat record; values that are arrays/objects are JSON-encoded (TikTok style). */
export function toQuery(params: Record<string, string | number | boolean | object | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    sp.set(k, typeof v === "object" ? JSON.stringify(v) : String(v));
  }
  return sp.toString();
}

/** Removes secrets that some APIs put in URLs (Meta's paging.next carries access_token). */
export function redactUrl(url: string): string {
  return url.replace(/(access_token|client_secret|appsecret_proof)=[^&]*/gi, "$1=[redacted]");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Number from a platform value that may be a number, a numeric string, or missing. */
export function num(value: unknown, fallback = 0): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return fallback;
}

export function int(value: unknown, fallback = 0): number {
  return Math.round(num(value, fallback));
}

export function str(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** Remembers createAd idempotency keys. Swap for a DB-backed store to survive restarts. */
export interface IdempotencyStore {
  get(key: string): Promise<string | null> | string | null;
  set(key: string, platformId: string): Promise<void> | void;
}

export function createMemoryIdempotencyStore(): IdempotencyStore {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, id) => {
      map.set(key, id);
    },
  };
}
