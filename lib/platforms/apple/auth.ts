/**
 * Apple Ads OAuth 2 client-credentials flow ("Implementing OAuth for the Apple Ads Platform API"):
 * 1. client secret = JWT signed ES256 with the API user's P-256 private key,
 *    header {alg: "ES256", kid: keyId}, claims {sub: clientId, iss: teamId, aud: "https://appleid.apple.com", iat, exp}
 *    (exp must be less than 180 days after iat);
 * 2. POST https://appleid.apple.com/auth/oauth2/token, form body
 *    grant_type=client_credentials&client_id=…&client_secret=<jwt>&scope=searchadsorg
 *    → {access_token, token_type: "Bearer", expires_in: 3600, scope}.
 */
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { AuthExpiredError, createPlatformError, PlatformOutageError } from "../errors";
import { isRecord, num, retryAfterMsFromHeaders, sendRequest, str, type FetchLike } from "../http";

export const APPLE_TOKEN_URL = "https://appleid.apple.com/auth/oauth2/token";
export const APPLE_JWT_AUDIENCE = "https://appleid.apple.com";
export const APPLE_OAUTH_SCOPE = "searchadsorg";
/** Apple: exp must be < 180 days after iat. */
export const APPLE_MAX_SECRET_LIFETIME_SEC = 180 * 86_400;

export interface AppleSecretInput {
  clientId: string;
  teamId: string;
  keyId: string;
  privateKeyPem: string;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** Builds the ES256-signed client secret JWT. `nowSec` is Unix seconds. */
export function createAppleClientSecret(input: AppleSecretInput & { nowSec: number; lifetimeSec?: number; key?: KeyObject }): string {
  const lifetime = Math.min(input.lifetimeSec ?? 86_400, APPLE_MAX_SECRET_LIFETIME_SEC - 60);
  const header = { alg: "ES256", kid: input.keyId };
  const payload = { sub: input.clientId, aud: APPLE_JWT_AUDIENCE, iat: input.nowSec, exp: input.nowSec + lifetime, iss: input.teamId };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const key = input.key ?? createPrivateKey(input.privateKeyPem);
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new TypeError("Apple Ads needs a P-256 (prime256v1) EC private key");
  }
  // JWS wants the raw r||s signature (IEEE P1363), not DER
  const signature = sign("sha256", Buffer.from(signingInput), { key, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${base64url(signature)}`;
}

export interface AppleTokenProviderOptions extends AppleSecretInput {
  tokenUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** ms clock, injectable for tests */
  now?: () => number;
  /** Refresh this long before expiry. Default 60 s. */
  refreshMarginMs?: number;
}

/** Caches the access token until shortly before `expires_in`; one token request at a time. */
export class AppleTokenProvider {
  private token: { value: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private key: KeyObject | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: AppleTokenProviderOptions) {
    this.now = opts.now ?? Date.now;
  }

  invalidate(): void {
    this.token = null;
  }

  async getToken(): Promise<string> {
    const margin = this.opts.refreshMarginMs ?? 60_000;
    if (this.token && this.now() < this.token.expiresAt - margin) return this.token.value;
    if (!this.inflight) {
      this.inflight = this.requestToken().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async requestToken(): Promise<string> {
    this.key ??= createPrivateKey(this.opts.privateKeyPem);
    const secret = createAppleClientSecret({ ...this.opts, key: this.key, nowSec: Math.floor(this.now() / 1000) });
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.opts.clientId,
      client_secret: secret,
      scope: APPLE_OAUTH_SCOPE,
    }).toString();
    const res = await sendRequest({
      platform: "apple_search_ads",
      fetch: this.opts.fetch ?? ((input, init) => fetch(input, init)),
      method: "POST",
      url: this.opts.tokenUrl ?? APPLE_TOKEN_URL,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      timeoutMs: this.opts.timeoutMs,
    });
    const json = isRecord(res.json) ? res.json : {};
    if (res.status === 200 && str(json.access_token)) {
      const expiresIn = num(json.expires_in, 3600);
      this.token = { value: String(json.access_token), expiresAt: this.now() + expiresIn * 1000 };
      return this.token.value;
    }
    const code = str(json.error) ?? `http_${res.status}`;
    const message = `Apple token request failed: ${str(json.error_description) ?? code}`;
    if (res.status === 429) {
      throw createPlatformError("rate_limited", { platform: "apple_search_ads", code, message, httpStatus: 429, retryAfterMs: retryAfterMsFromHeaders(res.headers) });
    }
    if (res.status >= 500) throw new PlatformOutageError({ platform: "apple_search_ads", code, message, httpStatus: res.status });
    // invalid_client / invalid_grant / unauthorized_client: the stored key or ids are no longer accepted
    throw new AuthExpiredError({ platform: "apple_search_ads", code, message, httpStatus: res.status });
  }
}
