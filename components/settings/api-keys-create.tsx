"use client";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { createApiKeyAction } from "@/lib/actions/api-keys";

type CreateState = Awaited<ReturnType<typeof createApiKeyAction>> | null;

export function ApiKeyCreateForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [state, submit, pending] = useActionState<CreateState, FormData>(async (_previous, form) => {
    const result = await createApiKeyAction({ projectId, name: form.get("name"), env: form.get("env") });
    if (result.ok) router.refresh();
    return result;
  }, null);

  return (
    <div className="space-y-4">
      <form action={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input name="name" required maxLength={80} placeholder="iOS app" aria-describedby="api-key-error"
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Environment</span>
          <select name="env" defaultValue="live" className="rounded-md border border-slate-300 px-3 py-1.5">
            <option value="live">live</option>
            <option value="test">test</option>
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {state && !state.ok && <p id="api-key-error" role="alert" className="text-sm text-red-700">{state.error.message}</p>}
      {state?.ok && <NewKey name={state.data.name} plaintext={state.data.plaintext} />}
    </div>
  );
}

function NewKey({ name, plaintext }: { name: string; plaintext: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm">
      <p className="font-medium text-emerald-900">Key “{name}” created. Copy it now: this is the only time it is shown in full.</p>
      <div className="mt-2 flex gap-2">
        <input readOnly value={plaintext} data-testid="new-api-key" aria-label="New API key" onFocus={(e) => e.currentTarget.select()}
          className="flex-1 rounded-md border border-emerald-300 bg-white px-3 py-1.5 font-mono text-xs" />
        <button type="button" className="rounded-md border border-emerald-400 px-3 py-1.5 text-emerald-900"
          onClick={() => navigator.clipboard?.writeText(plaintext).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
