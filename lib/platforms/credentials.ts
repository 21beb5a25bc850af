/**
 * Platform credentials: zod schemas per kind, AES-256-GCM encryption at rest, and redaction for logs.
 *
 * Stored format: `v1:<iv b64>:<tag b64>:<ciphertext b64>` — 12-byte random IV, 16-byte GCM tag,
 * ciphertext of the JSON object. The 32-byte key comes from the caller (env `LAYERS_ENCRYPTION_KEY`,
 * base64; see `parseEncryptionKey`). Optional associated data (e.g. the connection id) binds a
 * ciphertext to its row so it cannot be copied onto another one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Platform } from "./types";

const nonEmpty = z.string().trim().min(1);

export const simulatedCredentialsSchema = z.object({
  kind: z.literal("simulated"),
  seed: nonEmpty,
});

export const metaCredentialsSchema = z.object({
  kind: z.literal("meta"),
  accessToken: nonEmpty,
  /** "act_123" or "123" */
  adAccountId: z.string().trim().regex(/^(act_)?\d+$/, "Meta ad account id is numeric, optionally prefixed act_"),
  /** Optional: enables appsecret_proof on every call. */
  appSecret: nonEmpty.optional(),
});

export const tiktokCredentialsSchema = z.object({
  kind: z.literal("tiktok"),
  accessToken: nonEmpty,
  advertiserId: z.string().trim().regex(/^\d+$/, "TikTok advertiser id is numeric"),
});

export const appleCredentialsSchema = z.object({
  kind: z.literal("apple"),
  clientId: nonEmpty,
  teamId: nonEmpty,
  keyId: nonEmpty,
  privateKeyPem: z.string().refine((s) => /-----BEGIN (EC )?PRIVATE KEY-----/.test(s), "expected a PEM private key (BEGIN EC PRIVATE KEY / BEGIN PRIVATE KEY)"),
  orgId: nonEmpty,
  /** Apple Ads Platform API ad account id; defaults to orgId. */
  adAccountId: nonEmpty.optional(),
});

export const platformCredentialsSchema = z.discriminatedUnion("kind", [
  simulatedCredentialsSchema,
  metaCredentialsSchema,
  tiktokCredentialsSchema,
  appleCredentialsSchema,
]);

export type SimulatedCredentials = z.infer<typeof simulatedCredentialsSchema>;
export type MetaCredentials = z.infer<typeof metaCredentialsSchema>;
export type TikTokCredentials = z.infer<typeof tiktokCredentialsSchema>;
export type AppleCredentials = z.infer<typeof appleCredentialsSchema>;
export type PlatformCredentials = z.infer<typeof platformCredentialsSchema>;
export type RealCredentials = MetaCredentials | TikTokCredentials | AppleCredentials;

/** Which real credential kind belongs to which platform. */
export const CREDENTIAL_KIND_FOR_PLATFORM: Record<Platform, RealCredentials["kind"]> = {
  meta: "meta",
  tiktok: "tiktok",
  apple_search_ads: "apple",
};

export function parseCredentials(value: unknown): PlatformCredentials {
  return platformCredentialsSchema.parse(value);
}

// ------------------------------------------------------------------------------------- encryption

export const ENCRYPTION_FORMAT_VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class CredentialsDecryptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CredentialsDecryptError";
  }
}

/** Decodes the base64 key from `LAYERS_ENCRYPTION_KEY`; it must be exactly 32 bytes. */
export function parseEncryptionKey(base64: string | undefined | null): Buffer {
  if (!base64) throw new TypeError("LAYERS_ENCRYPTION_KEY is not set (32 random bytes, base64)");
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new TypeError(`LAYERS_ENCRYPTION_KEY must decode to ${KEY_BYTES} bytes, got ${key.length}`);
  return key;
}

/** A fresh random key, base64 (for setup scripts and tests). */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new TypeError(`encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Encrypts any JSON-serialisable object (validated credentials are the usual input). */
export function encryptJson(value: unknown, key: Uint8Array, associatedData?: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ENCRYPTION_FORMAT_VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

/** Decrypts; throws CredentialsDecryptError on a wrong key, tampering or a malformed payload. */
export function decryptJson(payload: string, key: Uint8Array, associatedData?: string): unknown {
  checkKey(key);
  const parts = payload.split(":");
  if (parts.length !== 4 || parts[0] !== ENCRYPTION_FORMAT_VERSION) {
    throw new CredentialsDecryptError(`unsupported encrypted credentials format (want ${ENCRYPTION_FORMAT_VERSION}:<iv>:<tag>:<ciphertext>)`);
  }
  const [, ivB64, tagB64, dataB64] = parts;
  const iv = Buffer.from(ivB64, "base64");
  const tag = Buffer.from(tagB64, "base64");
  const data = Buffer.from(dataB64, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialsDecryptError("malformed encrypted credentials (iv/tag length)");
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new CredentialsDecryptError("credentials could not be decrypted (wrong key or tampered data)", { cause });
  }
  try {
    return JSON.parse(plaintext) as unknown;
  } catch (cause) {
    throw new CredentialsDecryptError("decrypted credentials are not JSON", { cause });
  }
}

/** Validates, then encrypts. */
export function encryptCredentials(credentials: PlatformCredentials, key: Uint8Array, associatedData?: string): string {
  return encryptJson(platformCredentialsSchema.parse(credentials), key, associatedData);
}

/** Decrypts, then validates the shape (a ZodError means the stored JSON is not valid credentials). */
export function decryptCredentials(payload: string, key: Uint8Array, associatedData?: string): PlatformCredentials {
  return platformCredentialsSchema.parse(decryptJson(payload, key, associatedData));
}

// -------------------------------------------------------------------------------------- redaction

const SECRET_FIELDS = new Set(["accessToken", "appSecret", "privateKeyPem", "clientSecret", "refreshToken"]);
export const REDACTED = "[redacted]";

function redactSecret(value: unknown): string {
  if (typeof value !== "string" || value.length === 0) return REDACTED;
  // keep the last 4 characters of long tokens so support can tell two tokens apart; never for keys
  return value.length >= 24 && !value.includes("PRIVATE KEY") ? `${REDACTED}…${value.slice(-4)}` : REDACTED;
}

/**
 * A copy safe for logs and API responses: secret fields (tokens, app secret, private key) are replaced,
 * identifiers (account ids, client/team/key ids, seed) are kept. Unknown fields whose name looks
 * secret (token/secret/key/password) are redacted too.
 */
export function redactCredentials<T extends Record<string, unknown>>(credentials: T): { [K in keyof T]: T[K] | string } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(credentials)) {
    const looksSecret = SECRET_FIELDS.has(k) || (/(token|secret|password|private)/i.test(k) && k !== "keyId");
    out[k] = looksSecret ? redactSecret(v) : v;
  }
  return out as { [K in keyof T]: T[K] | string };
}
