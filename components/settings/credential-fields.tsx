"use client";
// The credential inputs each platform needs. Secrets are password inputs / a textarea and are never prefilled:
// the server sends nothing back once they are stored.
import type { ReactNode } from "react";

export type ConnectPlatform = "meta" | "tiktok" | "apple_search_ads";
export type FieldErrors = Record<string, string[] | undefined>;

interface FieldSpec {
  name: string;
  label: string;
  secret?: boolean;
  multiline?: boolean;
  optional?: boolean;
  placeholder?: string;
  hint?: string;
}

export const CREDENTIAL_FIELDS: Record<ConnectPlatform, { kind: "meta" | "tiktok" | "apple"; fields: FieldSpec[] }> = {
  meta: {
    kind: "meta",
    fields: [
      { name: "adAccountId", label: "Ad account id", placeholder: "act_1234567890" },
      { name: "accessToken", label: "Access token", secret: true, hint: "A system-user token with ads_management and ads_read." },
      { name: "appSecret", label: "App secret", secret: true, optional: true, hint: "Optional: signs every call with appsecret_proof." },
    ],
  },
  tiktok: {
    kind: "tiktok",
    fields: [
      { name: "advertiserId", label: "Advertiser id", placeholder: "7012345678901234567" },
      { name: "accessToken", label: "Access token", secret: true, hint: "From the TikTok for Business developer app, with Ads Management scope." },
    ],
  },
  apple_search_ads: {
    kind: "apple",
    fields: [
      { name: "orgId", label: "Organisation id (orgId)", placeholder: "1234567" },
      { name: "clientId", label: "Client id", placeholder: "SEARCHADS.…" },
      { name: "teamId", label: "Team id", placeholder: "SEARCHADS.…" },
      { name: "keyId", label: "Key id" },
      { name: "privateKeyPem", label: "Private key (PEM)", secret: true, multiline: true, placeholder: "-----BEGIN EC PRIVATE KEY-----" },
      { name: "adAccountId", label: "Ad account id", optional: true, hint: "Optional: defaults to the organisation id." },
    ],
  },
};

/** The `connection` object the action expects, read from the form. */
export function credentialsFromForm(platform: ConnectPlatform, form: FormData): Record<string, unknown> {
  const spec = CREDENTIAL_FIELDS[platform];
  const connection: Record<string, unknown> = { kind: spec.kind };
  for (const field of spec.fields) connection[field.name] = String(form.get(field.name) ?? "");
  return connection;
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return <p id={id} className="text-xs text-red-700">{errors.join(" ")}</p>;
}

/** A label tied to its control by id (not by nesting), so the accessible name is the label alone. */
export function Labeled({ id, label, hint, children, error }: { id: string; label: string; hint?: string; children: ReactNode; error?: string[] }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700">{label}</label>
      {children}
      {hint && <span id={`${id}-hint`} className="text-xs text-slate-500">{hint}</span>}
      <FieldError id={`${id}-error`} errors={error} />
    </div>
  );
}

/** aria props for a control rendered inside `Labeled`. */
export function describedBy(id: string, hint: string | undefined, error: string[] | undefined) {
  const ids = [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error?.length ? true : undefined, "aria-describedby": ids || undefined };
}

export function CredentialFields({ platform, errors }: { platform: ConnectPlatform; errors: FieldErrors }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {CREDENTIAL_FIELDS[platform].fields.map((field) => {
        const error = errors[`connection.${field.name}`];
        const id = `connect-${field.name}`;
        const common = {
          ...describedBy(id, field.hint, error), name: field.name, placeholder: field.placeholder, required: !field.optional, autoComplete: "off", spellCheck: false,
          className: "rounded-md border border-slate-300 px-3 py-1.5 font-mono text-xs",
        };
        return (
          <div key={`${platform}-${field.name}`} className={field.multiline ? "md:col-span-2" : undefined}>
            <Labeled id={id} label={`${field.label}${field.optional ? " (optional)" : ""}`} hint={field.hint} error={error}>
              {field.multiline ? <textarea rows={5} {...common} /> : <input type={field.secret ? "password" : "text"} {...common} />}
            </Labeled>
          </div>
        );
      })}
    </div>
  );
}
