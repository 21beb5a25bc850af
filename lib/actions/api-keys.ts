"use server";
import { z } from "zod";
import { apiKeyProjectId, createApiKey, revokeApiKey } from "@/lib/db/queries/api-keys";
import { AppError } from "@/lib/errors/app-error";
import { projectAction } from "./safe-action";

const ZCreateApiKey = z.object({
  projectId: z.string().min(1, "Choose a project."),
  name: z.string().trim().min(1, "Name the key (e.g. iOS app, backend).").max(80, "Keep the name under 80 characters."),
  env: z.enum(["live", "test"], { message: "Choose live or test." }).default("live"),
});

/** The plaintext is in this result only: it is never stored and cannot be shown again. */
export const createApiKeyAction = projectAction({
  capability: "apikey.manage",
  input: ZCreateApiKey,
  project: async (input) => input.projectId,
  handler: async (input, { userId, access, audit }) => {
    const key = await createApiKey({ projectId: access.projectId, name: input.name, env: input.env, createdById: userId });
    await audit({ action: "apikey.created", resourceType: "api_key", resourceId: key.id, changes: { name: key.name, prefix: key.prefix } });
    return key;
  },
});

const ZRevokeApiKey = z.object({ apiKeyId: z.string().min(1, "Choose a key.") });

export const revokeApiKeyAction = projectAction({
  capability: "apikey.manage",
  input: ZRevokeApiKey,
  project: (input) => apiKeyProjectId(input.apiKeyId),
  handler: async (input, { audit }) => {
    const revoked = await revokeApiKey(input.apiKeyId);
    if (!revoked) throw new AppError("CONFLICT", "This key is already revoked.");
    await audit({ action: "apikey.revoked", resourceType: "api_key", resourceId: revoked.id, changes: { name: revoked.name, prefix: revoked.prefix } });
    return { id: revoked.id, revokedAt: revoked.revokedAt };
  },
});
