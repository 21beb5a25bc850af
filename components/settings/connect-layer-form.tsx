"use client";
// Connect a layer: platform, name, account time zone, then pasted credentials (checked live before saving) or a
// simulated sandbox. The form keeps what was typed when the server refuses, and starts afresh after a success.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { connectLayerAction } from "@/lib/actions/layer-connect";
import { CREDENTIAL_FIELDS, CredentialFields, credentialsFromForm, describedBy, Labeled, type ConnectPlatform, type FieldErrors } from "./credential-fields";

type ConnectResult = Awaited<ReturnType<typeof connectLayerAction>>;
type Source = "credentials" | "simulated";

const PLATFORM_OPTIONS: { value: ConnectPlatform; label: string }[] = [
  { value: "meta", label: "Meta Ads" },
  { value: "tiktok", label: "TikTok Ads" },
  { value: "apple_search_ads", label: "Apple Search Ads" },
];
const inputClass = "rounded-md border border-slate-300 px-3 py-1.5";

function successText(result: Extract<ConnectResult, { ok: true }>): string {
  const { layer, connection, health } = result.data;
  if (connection === "simulated") return `Connected “${layer.name}” as a simulated sandbox with 30 days of history.`;
  const status = health && health.status !== "ok" ? ` Account health: ${health.status}${health.message ? ` (${health.message})` : ""}.` : " Account health: OK.";
  return `Connected “${layer.name}” (account ${layer.adAccountId}).${status}`;
}

const FORM_FIELDS = ["platform", "name", "accountTimezone", "currency"];

/** Field errors are shown beside their fields; the summary names only what has no field on screen. */
function errorText(error: Extract<ConnectResult, { ok: false }>["error"], platform: ConnectPlatform): string {
  if (!error.fieldErrors) return error.message;
  const shown = new Set([...FORM_FIELDS, ...CREDENTIAL_FIELDS[platform].fields.map((f) => `connection.${f.name}`)]);
  const elsewhere = Object.entries(error.fieldErrors).filter(([key]) => !shown.has(key)).flatMap(([, messages]) => messages);
  return ["Check the fields marked below.", ...elsewhere].join(" ");
}

export function ConnectLayerForm({ projectId, timezones, defaultTimezone, defaultCurrency }: { projectId: string; timezones: string[]; defaultTimezone: string; defaultCurrency: string }) {
  const router = useRouter();
  const [platform, setPlatform] = useState<ConnectPlatform>("meta");
  const [source, setSource] = useState<Source>("credentials");
  const [result, setResult] = useState<ConnectResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const errors: FieldErrors = result && !result.ok ? (result.error.fieldErrors ?? {}) : {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const payload = {
      projectId, platform, name: String(form.get("name") ?? ""), accountTimezone: String(form.get("accountTimezone") ?? ""),
      currency: String(form.get("currency") ?? ""),
      connection: source === "simulated" ? { kind: "simulated" } : credentialsFromForm(platform, form),
    };
    startTransition(async () => {
      const next = await connectLayerAction(payload);
      setResult(next);
      if (!next.ok) return;
      setFormKey((k) => k + 1); // a fresh form: pasted secrets do not linger in the page
      setSource("credentials");
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <form key={formKey} aria-label="Connect a layer" onSubmit={submit} className="space-y-4">
        <div className="grid gap-3 md:grid-cols-4">
          <Labeled id="connect-platform" label="Platform" error={errors.platform}>
            <select {...describedBy("connect-platform", undefined, errors.platform)} name="platform" value={platform} onChange={(e) => setPlatform(e.target.value as ConnectPlatform)} className={inputClass}>
              {PLATFORM_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </Labeled>
          <Labeled id="connect-name" label="Name" error={errors.name}>
            <input {...describedBy("connect-name", undefined, errors.name)} name="name" required maxLength={80} placeholder="Meta Ads — iOS" className={inputClass} />
          </Labeled>
          <Labeled id="connect-timezone" label="Account time zone" hint="Dates in the platform's reports follow it." error={errors.accountTimezone}>
            <select {...describedBy("connect-timezone", "hint", errors.accountTimezone)} name="accountTimezone" defaultValue={defaultTimezone} className={inputClass}>
              {timezones.map((tz) => <option key={tz} value={tz}>{tz}</option>)}
            </select>
          </Labeled>
          <Labeled id="connect-currency" label="Account currency" hint="ISO code, e.g. USD." error={errors.currency}>
            <input {...describedBy("connect-currency", "hint", errors.currency)} name="currency" defaultValue={defaultCurrency} maxLength={3} className={`${inputClass} uppercase`} />
          </Labeled>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Connection</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="source" value="credentials" checked={source === "credentials"} onChange={() => setSource("credentials")} />
              Paste credentials
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="source" value="simulated" checked={source === "simulated"} onChange={() => setSource("simulated")} />
              Simulated sandbox
            </label>
          </div>
          {source === "credentials" ? (
            <>
              <p className="text-xs text-slate-500">We check the credentials with the platform before saving them, then store them encrypted. They are never shown again.</p>
              <CredentialFields platform={platform} errors={errors} />
            </>
          ) : (
            <p className="text-sm text-slate-600">A simulated ad account with a few campaigns and 30 days of history. Nothing is spent and no platform is called.</p>
          )}
        </fieldset>
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? (source === "simulated" ? "Building the sandbox…" : "Checking with the platform…") : "Connect layer"}
        </button>
      </form>
      {result && !result.ok && <p role="alert" className="text-sm text-red-700">{errorText(result.error, platform)}</p>}
      {result?.ok && <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">{successText(result)}</p>}
    </div>
  );
}
