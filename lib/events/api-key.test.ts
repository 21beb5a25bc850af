import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiKeyFromHeaders, generateApiKey, hashApiKeySecret, parseApiKey, verifyApiKey } from "./api-key";

/** Deterministic byte source: 0, 1, 2, … */
function counterBytes() {
  let n = 0;
  return (size: number) => Uint8Array.from({ length: size }, () => n++ & 0xff);
}

describe("generateApiKey", () => {
  it("is deterministic for injected randomness and has the documented shape", () => {
    const k = generateApiKey("live", counterBytes());
    expect(k.keyId).toBe("0001020304050607");
    expect(k.prefix).toBe("lp_live_0001020304050607");
    expect(k.plaintext).toMatch(/^lp_live_0001020304050607_[0-9A-Za-z]{43}$/);
    expect(k).toEqual(generateApiKey("live", counterBytes()));
    const secret = k.plaintext.slice(k.prefix.length + 1);
    expect(k.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(hashApiKeySecret(secret)).toBe(k.hash);
    expect(k.plaintext).not.toContain(k.hash);
  });

  it("test keys", () => {
    expect(generateApiKey("test", randomBytes).plaintext).toMatch(/^lp_test_[0-9a-f]{16}_[0-9A-Za-z]{43}$/);
  });

  it("rejects a bad env or a short random source", () => {
    expect(() => generateApiKey("prod" as "live", randomBytes)).toThrow(TypeError);
    expect(() => generateApiKey("live", () => new Uint8Array(4))).toThrow(RangeError);
  });

  it("property: every generated key parses back and verifies; the all-zero secret pads", () => {
    expect(generateApiKey("live", (n) => new Uint8Array(n)).plaintext).toMatch(/_0{43}$/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 40, maxLength: 40 }), fc.constantFrom("live" as const, "test" as const), (bytes, env) => {
        let off = 0;
        const k = generateApiKey(env, (n) => bytes.slice(off, (off += n)));
        const p = parseApiKey(k.plaintext);
        expect(p).toMatchObject({ ok: true, env, keyId: k.keyId, prefix: k.prefix });
        expect(verifyApiKey(k.plaintext, k.hash)).toBe(true);
      }),
    );
  });
});

describe("parseApiKey / apiKeyFromHeaders", () => {
  const key = generateApiKey("live", counterBytes());
  const dotted = key.plaintext.replace(`${key.prefix}_`, `${key.prefix}.`);

  it("accepts raw, Bearer (any case) and the dotted variant", () => {
    expect(parseApiKey(key.plaintext)).toMatchObject({ ok: true, keyId: key.keyId });
    expect(parseApiKey(`Bearer ${key.plaintext}`)).toMatchObject({ ok: true, keyId: key.keyId });
    expect(parseApiKey(`bearer   ${key.plaintext}  `)).toMatchObject({ ok: true });
    expect(parseApiKey(dotted)).toMatchObject({ ok: true, keyId: key.keyId });
  });

  it.each([
    [undefined, "missing"],
    ["", "missing"],
    ["Bearer", "malformed"],
    ["Basic dXNlcjpwYXNz", "malformed"],
    ["lp_prod_0001020304050607_" + "a".repeat(43), "malformed"],
    ["lp_live_0001020304050607_short", "malformed"],
    [key.plaintext + "x", "malformed"],
  ])("%j → %s", (header, reason) => {
    expect(parseApiKey(header)).toEqual({ ok: false, reason });
  });

  it("reads Authorization or X-Api-Key from Headers or a plain record", () => {
    expect(apiKeyFromHeaders(new Headers({ authorization: `Bearer ${key.plaintext}` }))).toMatchObject({ ok: true });
    expect(apiKeyFromHeaders(new Headers({ "X-Api-Key": key.plaintext }))).toMatchObject({ ok: true });
    expect(apiKeyFromHeaders({ "X-API-KEY": key.plaintext })).toMatchObject({ ok: true });
    expect(apiKeyFromHeaders({ "x-api-key": [key.plaintext] })).toMatchObject({ ok: true });
    expect(apiKeyFromHeaders({})).toEqual({ ok: false, reason: "missing" });
    // same key twice is fine; two different keys are refused
    expect(apiKeyFromHeaders({ authorization: `Bearer ${key.plaintext}`, "x-api-key": key.plaintext })).toMatchObject({ ok: true });
    const other = generateApiKey("live", randomBytes).plaintext;
    expect(apiKeyFromHeaders({ authorization: `Bearer ${key.plaintext}`, "x-api-key": other })).toEqual({ ok: false, reason: "conflicting_headers" });
  });
});

describe("verifyApiKey", () => {
  const key = generateApiKey("test", counterBytes());
  it("true only for the matching secret", () => {
    expect(verifyApiKey(key.plaintext, key.hash)).toBe(true);
    expect(verifyApiKey(`Bearer ${key.plaintext}`, key.hash.toUpperCase())).toBe(true);
    const tampered = key.plaintext.slice(0, -1) + (key.plaintext.endsWith("a") ? "b" : "a");
    expect(verifyApiKey(tampered, key.hash)).toBe(false);
    expect(verifyApiKey("garbage", key.hash)).toBe(false);
    expect(verifyApiKey(key.plaintext, "abc")).toBe(false);
    expect(verifyApiKey(key.plaintext, "")).toBe(false);
  });
});
