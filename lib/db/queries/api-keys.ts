// Project API keys: the Settings list and the ingest route's hot-path lookup. Only the prefix and the
// SHA-256 of the secret are stored (see lib/events/api-key.ts); the plaintext exists once, in createApiKey's result.
import { randomBytes } from "node:crypto";
import { generateApiKey, type ApiKeyEnv } from "@/lib/events/api-key";
import { getPgPool } from "../bulk";
import { db } from "../client";

export async function listApiKeys(projectId: string) {
  return db.apiKey.findMany({
    where: { projectId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function createApiKey(input: { projectId: string; name: string; env: ApiKeyEnv; createdById: string | null }) {
  const key = generateApiKey(input.env, randomBytes);
  const row = await db.apiKey.create({
    data: { projectId: input.projectId, name: input.name, prefix: key.prefix, keyId: key.keyId, secretHash: key.hash, createdById: input.createdById },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, plaintext: key.plaintext };
}

/** Revokes once; revoking an already revoked key changes nothing and returns null. */
export async function revokeApiKey(apiKeyId: string) {
  const { count } = await db.apiKey.updateMany({ where: { id: apiKeyId, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: { id: true, keyId: true, name: true, prefix: true, revokedAt: true } });
  forgetIngestKey(row.keyId);
  return count === 1 ? row : null;
}

export async function apiKeyProjectId(apiKeyId: string): Promise<string | null> {
  return (await db.apiKey.findUnique({ where: { id: apiKeyId }, select: { projectId: true } }))?.projectId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Ingest hot path: plain pg, cached, no Prisma round trips per request.

export interface IngestKey {
  id: string;
  keyId: string;
  /** `lp_<env>_<keyId>`: the env must match too. */
  prefix: string;
  projectId: string;
  secretHash: string;
  revoked: boolean;
}

/**
 * Keys are cached for 5 s (unknown key ids too, so random ids cannot hammer the database). A
 * revocation is immediate in this process (revokeApiKey clears the entry) and takes effect
 * within 5 s in any other.
 */
export const INGEST_KEY_CACHE_MS = 5_000;
const MAX_CACHED_KEYS = 10_000;
const globalCache = globalThis as unknown as { layersIngestKeys?: Map<string, { key: IngestKey | null; expiresAt: number }> };
const keyCache = (globalCache.layersIngestKeys ??= new Map());

export async function findIngestKey(keyId: string, nowMs = Date.now()): Promise<IngestKey | null> {
  const cached = keyCache.get(keyId);
  if (cached && cached.expiresAt > nowMs) return cached.key;
  const { rows } = await getPgPool().query<{ id: string; keyId: string; prefix: string; projectId: string; secretHash: string; revoked: boolean }>(
    `SELECT id, "keyId", prefix, "projectId", "secretHash", "revokedAt" IS NOT NULL AS revoked FROM "ApiKey" WHERE "keyId" = $1`,
    [keyId],
  );
  const row = rows[0];
  const key = row ?? null;
  if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
  keyCache.set(keyId, { key, expiresAt: nowMs + INGEST_KEY_CACHE_MS });
  return key;
}

export function forgetIngestKey(keyId: string): void {
  keyCache.delete(keyId);
}

const LAST_USED_EVERY_MS = 60_000;
const globalTouched = globalThis as unknown as { layersKeyTouchedAt?: Map<string, number> };
const touchedAt = (globalTouched.layersKeyTouchedAt ??= new Map());

/**
 * Records use at most once a minute per key and process (the SQL guard keeps several processes
 * to about the same). Fire-and-forget: a failed bookkeeping write must not fail an ingest.
 */
export function touchApiKeyLastUsed(apiKeyId: string, now: Date): void {
  const last = touchedAt.get(apiKeyId);
  if (last !== undefined && now.getTime() - last < LAST_USED_EVERY_MS) return;
  touchedAt.set(apiKeyId, now.getTime());
  getPgPool()
    // ISO strings: the columns are UTC `timestamp` without zone, and pg would send a Date in local time.
    .query(`UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $3::timestamp)`, [
      apiKeyId,
      now.toISOString(),
      new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString(),
    ])
    .catch((error: unknown) => console.error("Could not record API key use", error));
}
