import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

export function firstEventCurl(ingestUrl: string): string {
  return [
    `curl -X POST ${ingestUrl} \\`,
    `  -H "Authorization: Bearer lp_live_…" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"event":"app_install","timestamp":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","app_id":"com.example.app",` +
      `"environment":"production","platform":"ios","app_user_id":"user_1","utm_source":"meta"}'`,
  ].join("\n");
}

/** The honest empty state: nothing has ever arrived, so show exactly how to send the first event. */
export function FirstEventCurl({ projectId, ingestUrl }: { projectId: string; ingestUrl: string }) {
  return (
    <EmptyState title="No events have arrived for this project yet">
      <div className="mx-auto max-w-3xl space-y-3 text-left">
        <p>
          Send SDK or server-side events to <code>POST {ingestUrl}</code> with a project API key
          (<Link className="text-indigo-700 hover:underline" href={`/p/${projectId}/settings/api-keys`}>create one in Settings → API keys</Link>
          {" "}and put it in place of <code>lp_live_…</code>). This page checks for new events every 5 seconds.
        </p>
        <pre data-testid="first-event-curl" className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{firstEventCurl(ingestUrl)}</pre>
        <p>
          The answer is <code>202</code> with a status per event (<code>accepted</code>, <code>duplicate</code> or <code>rejected</code> with the field and reason).
          Batches: <code>{`{ "events": [ … ] }`}</code>, up to 1000 events.
        </p>
      </div>
    </EmptyState>
  );
}
