"use server";
// Settings → Layers → Connect: real credentials are checked live with the platform before anything is stored,
// then encrypted at rest with LAYERS_ENCRYPTION_KEY; a simulated sandbox gets a small account with 30 days of history.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { findLayerByAccount, listUsableCreativeIds } from "@/lib/db/queries/layer-connections";
import { createConnectedLayer, createSimulatedLayer, deleteLayer } from "@/lib/db/queries/layer-writes";
import { AppError } from "@/lib/errors/app-error";
import { checkCredentialsLive, describeHealthFailure, PLATFORM_LABEL } from "@/lib/jobs/account-health";
import { encryptionKeyFromEnv } from "@/lib/jobs/connected-client";
import {
  appleCredentialsSchema, CREDENTIAL_KIND_FOR_PLATFORM, encryptCredentials, metaCredentialsSchema, redactCredentials,
  tiktokCredentialsSchema, type RealCredentials,
} from "@/lib/platforms/credentials";
import { advanceSimulatedLayer } from "@/lib/sim/advance";
import { projectAction } from "./safe-action";

const SANDBOX_HISTORY_DAYS = 30;
const SANDBOX_CAMPAIGNS = 2;

const required = (message: string) => z.string({ message }).trim().min(1, message);
// Blank optional form fields arrive as "": treat them as absent.
const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const ZMeta = metaCredentialsSchema.extend({
  accessToken: required("Paste the Meta access token (a system-user token with ads_management)."),
  adAccountId: z.string({ message: "Enter the Meta ad account id." }).trim().regex(/^(act_)?\d+$/, "The Meta ad account id is numeric, optionally prefixed act_ (e.g. act_1234567890)."),
  appSecret: optional(required("App secret cannot be blank.")),
});
const ZTikTok = tiktokCredentialsSchema.extend({
  accessToken: required("Paste the TikTok access token."),
  advertiserId: z.string({ message: "Enter the TikTok advertiser id." }).trim().regex(/^\d+$/, "The TikTok advertiser id is numeric (e.g. 7012345678901234567)."),
});
const ZApple = appleCredentialsSchema.extend({
  clientId: required("Enter the Apple Ads client id (SEARCHADS.…)."),
  teamId: required("Enter the Apple Ads team id (SEARCHADS.…)."),
  keyId: required("Enter the key id of the uploaded public key."),
  privateKeyPem: z.string({ message: "Paste the private key." }).refine((s) => /-----BEGIN (EC )?PRIVATE KEY-----/.test(s), "Paste the whole PEM private key, including the -----BEGIN EC PRIVATE KEY----- line."),
  orgId: required("Enter the Apple Ads organisation id (orgId)."),
  adAccountId: optional(required("Ad account id cannot be blank.")),
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

const ZConnectLayer = z
  .object({
    projectId: z.string().min(1, "Choose a project."),
    platform: z.enum(["meta", "tiktok", "apple_search_ads"], { message: "Choose Meta Ads, TikTok Ads or Apple Search Ads." }),
    name: z.string({ message: "Name the layer." }).trim().min(1, "Name the layer (e.g. Meta Ads — iOS).").max(80, "Keep the name under 80 characters."),
    accountTimezone: z.string({ message: "Choose the ad account's time zone." }).trim().refine(isTimeZone, "Choose the ad account's time zone (e.g. America/Los_Angeles)."),
    currency: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "The currency is a 3-letter ISO code such as USD.")),
    connection: z.discriminatedUnion("kind", [z.object({ kind: z.literal("simulated") }), ZMeta, ZTikTok, ZApple], {
      message: "Paste credentials or choose Simulated sandbox.",
    }),
  })
  .superRefine((input, ctx) => {
    if (input.connection.kind !== "simulated" && input.connection.kind !== CREDENTIAL_KIND_FOR_PLATFORM[input.platform]) {
      ctx.addIssue({ code: "custom", path: ["connection", "kind"], message: `These are ${input.connection.kind} credentials; choose the matching platform.` });
    }
  });

function accountIdOf(credentials: RealCredentials): string {
  switch (credentials.kind) {
    case "meta":
      return credentials.adAccountId.startsWith("act_") ? credentials.adAccountId : `act_${credentials.adAccountId}`;
    case "tiktok":
      return credentials.advertiserId;
    case "apple":
      return credentials.adAccountId ?? credentials.orgId;
  }
}

function encryptionKeyOrExplain(): Buffer {
  try {
    return encryptionKeyFromEnv();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "UNAVAILABLE",
      `Credentials cannot be stored safely: ${detail} Set LAYERS_ENCRYPTION_KEY on the server to 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`) and restart. Nothing was saved.`,
    );
  }
}

export const connectLayerAction = projectAction({
  capability: "layer.connect",
  input: ZConnectLayer,
  project: async (input) => input.projectId,
  handler: async (input, { access, audit }) => {
    const base = { projectId: access.projectId, platform: input.platform, name: input.name, accountTimezone: input.accountTimezone, currency: input.currency ?? access.currency };
    const connection = input.connection;
    if (connection.kind === "simulated") {
      const now = new Date();
      const creativeIds = await listUsableCreativeIds(access.projectId);
      const layer = await createSimulatedLayer({ ...base, now, historyDays: SANDBOX_HISTORY_DAYS, campaigns: SANDBOX_CAMPAIGNS, creativeIds });
      try {
        await advanceSimulatedLayer(db, layer.id, { days: SANDBOX_HISTORY_DAYS, now });
      } catch (error) {
        await deleteLayer(layer.id);
        throw error;
      }
      await audit({ action: "layer.connected", resourceType: "layer", resourceId: layer.id, changes: { platform: layer.platform, name: layer.name, connection: "simulated", adAccountId: layer.adAccountId, accountTimezone: input.accountTimezone } });
      return { layer, connection: "simulated" as const, health: null };
    }

    const label = PLATFORM_LABEL[input.platform];
    const adAccountId = accountIdOf(connection);
    const existing = await findLayerByAccount(access.projectId, input.platform, adAccountId);
    if (existing) throw new AppError("CONFLICT", `${label} account ${adAccountId} is already connected as “${existing.name}”.`);
    const key = encryptionKeyOrExplain();
    let health;
    try {
      health = await checkCredentialsLive(input.platform, connection);
    } catch (error) {
      const { message, rejected } = describeHealthFailure(input.platform, error, "these credentials");
      throw new AppError(rejected ? "INVALID_INPUT" : "UNAVAILABLE", `${message.replace(/\.$/, "")}. Nothing was saved.`);
    }
    const layer = await createConnectedLayer({ ...base, orgId: access.orgId, adAccountId, credentialsKind: connection.kind, ciphertext: encryptCredentials(connection, key) });
    await audit({
      action: "layer.connected", resourceType: "layer", resourceId: layer.id,
      changes: { platform: layer.platform, name: layer.name, connection: "connected", adAccountId, accountTimezone: input.accountTimezone, credentials: redactCredentials(connection), health: health.status },
    });
    return { layer, connection: "connected" as const, health };
  },
});
