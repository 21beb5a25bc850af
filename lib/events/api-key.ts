import { createHash, timingSafeEqual } from "node:crypto";

/**
 * API keys: `lp_<env>_<keyId>_<secret>`
 *
 * - `env`: `live` | `test` (both share the org wallet — there is no sandbox).
 * - `keyId`: 16 lower-case hex chars (64 bits), public; the DB looks the key up by it.
 * - `secret`: 43 base62 chars (256 bits from the injected `randomBytes`).
 * - Stored: `prefix` (`lp_<env>_<keyId>`, shown in the UI) and `hash` = SHA-256 hex of the secret.
 *   The plaintext is shown once.
 *
 * Why SHA-256 and not bcrypt (the vault page says partner keys are bcrypt-hashed): bcrypt/argon2
 * exist to slow down guessing of LOW-entropy human passwords. A 256-bit random secret cannot be
 * brute-forced whatever the hash speed, so a slow hash buys nothing, while ingest authenticates
 * every request: at 5k events/s a ~50–100 ms bcrypt verify would need hundreds of CPU cores (or
 * a plaintext cache, which is worse). Lookup is by `keyId`, then the SHA-256 of the presented
 * secret is compared with `timingSafeEqual`.
 *
 * Docs disagree on the separator (quickstart `lp_<env>_<key_id>_<secret>`, security page
 * `lp_<env>_<keyid>.<secret>`): we mint with `_` and accept both on input.
 */

export type ApiKeyEnv = "live" | "test";

export interface GeneratedApiKey {
  /** Show once, never store. */
  plaintext: string;
  /** `lp_<env>_<keyId>`: safe to store and display. */
  prefix: string;
  keyId: string;
  env: ApiKeyEnv;
  /** SHA-256 hex of the secret part. */
  hash: string;
}

export interface ParsedApiKey {
  env: ApiKeyEnv;
  keyId: string;
  secret: string;
  prefix: string;
}

export type ApiKeyParseResult =
  | ({ ok: true } & ParsedApiKey)
  | { ok: false; reason: "missing" | "malformed" | "conflicting_headers" };

const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const SECRET_LENGTH = 43; // ceil(256 / log2(62))
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^lp_(live|test)_([0-9a-f]{16})[_.]([0-9A-Za-z]{43})$/;

function base62(bytes: Uint8Array, length: number): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(length, "0");
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Mints a key. `randomBytes` is injected (pass `crypto.randomBytes`) so tests are deterministic.
 */
export function generateApiKey(env: ApiKeyEnv, randomBytes: (size: number) => Uint8Array): GeneratedApiKey {
  if (env !== "live" && env !== "test") throw new TypeError(`env must be "live" or "test"`);
  const idBytes = randomBytes(KEY_ID_BYTES);
  const secretBytes = randomBytes(SECRET_BYTES);
  if (idBytes.length !== KEY_ID_BYTES || secretBytes.length !== SECRET_BYTES)
    throw new RangeError("randomBytes returned the wrong number of bytes");
  const keyId = Buffer.from(idBytes).toString("hex");
  const secret = base62(secretBytes, SECRET_LENGTH);
  const prefix = `lp_${env}_${keyId}`;
  return { plaintext: `${prefix}_${secret}`, prefix, keyId, env, hash: hashApiKeySecret(secret) };
}

/** Parses a raw key or an `Authorization` value (`Bearer lp_…`, scheme case-insensitive). */
export function parseApiKey(header: string | null | undefined): ApiKeyParseResult {
  if (header === null || header === undefined || header.trim() === "") return { ok: false, reason: "missing" };
  let value = header.trim();
  const bearer = /^bearer\s+(.+)$/i.exec(value);
  if (bearer) value = bearer[1].trim();
  const m = KEY_PATTERN.exec(value);
  if (!m) return { ok: false, reason: "malformed" };
  const env = m[1] as ApiKeyEnv;
  return { ok: true, env, keyId: m[2], secret: m[3], prefix: `lp_${env}_${m[2]}` };
}

type HeaderSource = Headers | Readonly<Record<string, string | string[] | null | undefined>>;

function readHeader(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const rec = headers as Readonly<Record<string, string | string[] | null | undefined>>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : rec[key];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/**
 * Reads the key from `Authorization: Bearer …` or `X-Api-Key` (docs disagree on which is primary,
 * so both are accepted). If both are present with different keys the request is refused
 * (`conflicting_headers`) rather than guessing which one the caller meant.
 */
export function apiKeyFromHeaders(headers: HeaderSource): ApiKeyParseResult {
  const auth = readHeader(headers, "authorization");
  const xKey = readHeader(headers, "x-api-key");
  const fromAuth = auth && auth.trim() ? parseApiKey(auth) : null;
  const fromX = xKey && xKey.trim() ? parseApiKey(xKey) : null;
  if (fromAuth && fromX) {
    if (fromAuth.ok && fromX.ok && fromAuth.keyId === fromX.keyId && fromAuth.secret === fromX.secret) return fromAuth;
    return { ok: false, reason: "conflicting_headers" };
  }
  return fromAuth ?? fromX ?? { ok: false, reason: "missing" };
}

/**
 * Constant-time check of a presented key (raw or `Bearer …`) against the stored SHA-256 hex.
 * False for malformed input or a malformed stored hash. The caller must also check that the
 * stored row's keyId/env match (they are part of the lookup) and that the key is not killed.
 */
export function verifyApiKey(plaintext: string, storedHash: string): boolean {
  const parsed = parseApiKey(plaintext);
  if (!parsed.ok || !/^[0-9a-f]{64}$/i.test(storedHash)) return false;
  const presented = createHash("sha256").update(parsed.secret, "utf8").digest();
  return timingSafeEqual(presented, Buffer.from(storedHash, "hex"));
}
