import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  CredentialsDecryptError,
  decryptCredentials,
  decryptJson,
  encryptCredentials,
  encryptJson,
  generateEncryptionKey,
  parseCredentials,
  parseEncryptionKey,
  redactCredentials,
  type PlatformCredentials,
} from "./credentials";

const key = parseEncryptionKey(generateEncryptionKey());
const pem = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ format: "pem", type: "sec1" }).toString();

const samples: PlatformCredentials[] = [
  { kind: "simulated", seed: "acme-games-demo" },
  { kind: "meta", accessToken: "EAAGm0PX4ZCpsBAKZCtoken1234567890abcdef", adAccountId: "act_1234567890" },
  { kind: "tiktok", accessToken: "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6", advertiserId: "7000000000000000001" },
  { kind: "apple", clientId: "SEARCHADS.aeb3", teamId: "SEARCHADS.hgw3", keyId: "a273d0d3", privateKeyPem: pem, orgId: "987654321" },
];

describe("credentials encryption", () => {
  it.each(samples)("round-trips $kind credentials", (creds) => {
    const payload = encryptCredentials(creds, key);
    expect(payload).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    const [, iv, tag] = payload.split(":");
    expect(Buffer.from(iv, "base64")).toHaveLength(12);
    expect(Buffer.from(tag, "base64")).toHaveLength(16);
    expect(decryptCredentials(payload, key)).toEqual(creds);
    expect(payload).not.toContain("EAAG");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptCredentials(samples[1], key)).not.toBe(encryptCredentials(samples[1], key));
  });

  it("detects tampering of ciphertext, tag or iv", () => {
    const payload = encryptCredentials(samples[1], key);
    const parts = payload.split(":");
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index], "base64");
      bytes[bytes.length - 1] ^= 0x01;
      const tampered = [...parts];
      tampered[index] = bytes.toString("base64");
      expect(() => decryptCredentials(tampered.join(":"), key)).toThrow(CredentialsDecryptError);
    }
  });

  it("rejects a wrong key", () => {
    const payload = encryptCredentials(samples[2], key);
    const other = parseEncryptionKey(generateEncryptionKey());
    expect(() => decryptCredentials(payload, other)).toThrow(CredentialsDecryptError);
  });

  it("binds to associated data when given", () => {
    const payload = encryptCredentials(samples[1], key, "connection:1");
    expect(decryptCredentials(payload, key, "connection:1")).toEqual(samples[1]);
    expect(() => decryptCredentials(payload, key, "connection:2")).toThrow(CredentialsDecryptError);
    expect(() => decryptCredentials(payload, key)).toThrow(CredentialsDecryptError);
  });

  it("rejects malformed payloads and bad keys", () => {
    expect(() => decryptJson("v2:a:b:c", key)).toThrow(CredentialsDecryptError);
    expect(() => decryptJson("v1:abc", key)).toThrow(CredentialsDecryptError);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => parseEncryptionKey(undefined)).toThrow(/LAYERS_ENCRYPTION_KEY/);
    expect(() => encryptJson({}, Buffer.alloc(31))).toThrow(TypeError);
  });

  it("round-trips arbitrary JSON objects (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        expect(decryptJson(encryptJson(obj, key), key)).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("credential schemas", () => {
  it("validates each kind", () => {
    for (const s of samples) expect(parseCredentials(s)).toEqual(s);
    expect(() => parseCredentials({ kind: "meta", accessToken: "x", adAccountId: "abc" })).toThrow(ZodError);
    expect(() => parseCredentials({ kind: "tiktok", accessToken: "", advertiserId: "1" })).toThrow(ZodError);
    expect(() => parseCredentials({ kind: "apple", clientId: "a", teamId: "b", keyId: "c", privateKeyPem: "nope", orgId: "1" })).toThrow(ZodError);
    expect(() => parseCredentials({ kind: "google", token: "x" })).toThrow(ZodError);
  });

  it("refuses to decrypt something that is not valid credentials", () => {
    expect(() => decryptCredentials(encryptJson({ kind: "meta" }, key), key)).toThrow(ZodError);
  });
});

describe("redactCredentials", () => {
  it("hides secrets and keeps identifiers", () => {
    expect(redactCredentials(samples[1])).toEqual({ kind: "meta", accessToken: "[redacted]…cdef", adAccountId: "act_1234567890" });
    const apple = redactCredentials(samples[3] as Record<string, unknown>);
    expect(apple.privateKeyPem).toBe("[redacted]");
    expect(apple).toMatchObject({ clientId: "SEARCHADS.aeb3", teamId: "SEARCHADS.hgw3", keyId: "a273d0d3", orgId: "987654321" });
    expect(redactCredentials({ kind: "meta", accessToken: "short", adAccountId: "1", appSecret: "s" })).toMatchObject({ accessToken: "[redacted]", appSecret: "[redacted]" });
    expect(redactCredentials({ refresh_token: "abc", password: "p" })).toEqual({ refresh_token: "[redacted]", password: "[redacted]" });
    expect(JSON.stringify(redactCredentials(samples[3]))).not.toContain("PRIVATE KEY");
    expect(redactCredentials(samples[0])).toEqual(samples[0]);
  });
});
