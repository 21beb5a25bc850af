"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";

export function ApiKeyRevokeButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const revoke = () => {
    if (!window.confirm(`Revoke “${name}”? Apps sending events with it will get 401 within a few seconds.`)) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction({ apiKeyId });
      setMessage(result.ok ? null : result.error.message);
      if (result.ok) router.refresh();
    });
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={revoke} disabled={pending} aria-label={`Revoke ${name}`}
        className="rounded-md border border-red-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {message && <span role="alert" className="text-xs text-red-700">{message}</span>}
    </span>
  );
}
