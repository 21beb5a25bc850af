// POST /api/v1/events — SDK and server-side event ingestion, authenticated by a project API key.
// Thin shell: key → rate limit → parse (lib/events) → one set-based insert → 202 with a status per event.
import { NextResponse } from "next/server";
import { findIngestKey, touchApiKeyLastUsed, type IngestKey } from "@/lib/db/queries/api-keys";
import { insertIngestRows } from "@/lib/db/queries/events";
import { apiKeyFromHeaders, verifyApiKey } from "@/lib/events/api-key";
import { ingestOutcome, planIngest, type IngestPlan } from "@/lib/events/ingest-row";
import { parseIngestBody } from "@/lib/events/normalize";
import { takeToken, type TokenBucketConfig, type TokenBucketState } from "@/lib/events/rate-limit";

/** 1000 events × 32 KiB of properties would be 32 MiB; real batches are far smaller. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Per key, in this process's memory: 200 requests/s sustained, bursts of 400 (up to 400 × 1000
 * events). Override with LAYERS_INGEST_RATE_PER_SEC / LAYERS_INGEST_BURST. Several app processes
 * each allow this much; a shared store would be needed for a global limit.
 */
function rateLimit(): TokenBucketConfig {
  const ratePerSec = Number(process.env.LAYERS_INGEST_RATE_PER_SEC) || 200;
  const burst = Number(process.env.LAYERS_INGEST_BURST) || ratePerSec * 2;
  return { ratePerSec, burst: Math.max(1, burst) };
}

const globalBuckets = globalThis as unknown as { layersIngestBuckets?: Map<string, TokenBucketState> };
const buckets = (globalBuckets.layersIngestBuckets ??= new Map());

const KEY_MESSAGES = {
  missing: "Send your project API key as `Authorization: Bearer lp_…` or `X-Api-Key: lp_…`.",
  malformed: "The API key is malformed: expected lp_live_… or lp_test_… as shown when the key was created.",
  conflicting_headers: "Authorization and X-Api-Key carry different keys; send one.",
} as const;

function error(status: number, code: string, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

export async function POST(request: Request) {
  const now = new Date();
  const presented = apiKeyFromHeaders(request.headers);
  if (!presented.ok) return error(401, "UNAUTHENTICATED", KEY_MESSAGES[presented.reason]);

  let key: IngestKey | null;
  try {
    key = await findIngestKey(presented.keyId, now.getTime());
  } catch (cause) {
    console.error("API key lookup failed", cause);
    return error(503, "UNAVAILABLE", "Ingestion is temporarily unavailable; retry with the same event ids.", { "Retry-After": "5" });
  }
  const plaintext = `${presented.prefix}_${presented.secret}`;
  if (!key || key.revoked || key.prefix !== presented.prefix || !verifyApiKey(plaintext, key.secretHash))
    return error(401, "UNAUTHENTICATED", "Unknown or revoked API key.");

  const bucket = takeToken(buckets.get(key.id), now, rateLimit());
  buckets.set(key.id, bucket.state);
  if (!bucket.allowed)
    return error(429, "RATE_LIMITED", `Too many requests for this API key; retry in ${bucket.retryAfterSeconds} s.`, { "Retry-After": String(bucket.retryAfterSeconds) });

  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return tooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return error(400, "INVALID_INPUT", "The body is not valid JSON: send one event object, or { \"events\": [ … ] }.");
  }

  const appId = request.headers.get("x-app-id")?.trim() || undefined;
  let plan: IngestPlan;
  try {
    const parsed = parseIngestBody(json, { now, appId });
    if (!parsed.ok) return error(400, "INVALID_INPUT", parsed.message);
    const rawEvents = Array.isArray((json as { events?: unknown }).events) ? (json as { events: unknown[] }).events : [json];
    plan = planIngest(parsed.results, rawEvents);
  } catch (cause) {
    // Recursive validation of pathologically nested JSON overflows the stack.
    if (cause instanceof RangeError) return error(400, "INVALID_INPUT", "An event is nested too deeply to process; nothing was stored.");
    throw cause;
  }
  let inserted: Set<string>;
  try {
    inserted = await insertIngestRows(key.projectId, plan.rows, now);
  } catch (cause) {
    console.error("Event insert failed", cause);
    return error(503, "UNAVAILABLE", "The events could not be stored and none were; retry with the same event ids.", { "Retry-After": "5" });
  }
  touchApiKeyLastUsed(key.id, now);
  return NextResponse.json(ingestOutcome(plan, inserted), { status: 202 });
}

function tooLarge() {
  return error(413, "INVALID_INPUT", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; send smaller batches.`);
}
