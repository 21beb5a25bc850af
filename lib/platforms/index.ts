// Public surface of the platform layer. Connectors use node:crypto: import from here on the server only
// (type-only imports are fine anywhere).
export * from "./types";
export * from "./errors";
export * from "./money";
export { applyChange, applyChanges, applyChangesSequentially } from "./changes";
export { withRetryClient } from "./retrying";
export { createMemoryClient, InMemoryPlatformClient, type MemoryClientOptions, type MemoryMethod, type RecordedCall } from "./memory";
export {
  appleCredentialsSchema,
  CredentialsDecryptError,
  decryptCredentials,
  encryptCredentials,
  generateEncryptionKey,
  metaCredentialsSchema,
  parseCredentials,
  parseEncryptionKey,
  platformCredentialsSchema,
  redactCredentials,
  simulatedCredentialsSchema,
  tiktokCredentialsSchema,
  type AppleCredentials,
  type MetaCredentials,
  type PlatformCredentials,
  type SimulatedCredentials,
  type TikTokCredentials,
} from "./credentials";
export { createPlatformClient, type PlatformClientDeps } from "./factory";
export { createMetaClient, MetaClient, META_API_VERSION, type MetaClientOptions } from "./meta/client";
export { createTikTokClient, TikTokClient, type TikTokClientOptions } from "./tiktok/client";
export { createAppleAdsClient, AppleAdsClient, type AppleClientOptions } from "./apple/client";
export type { FetchLike, IdempotencyStore } from "./http";
