"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { runLayerNowAction } from "@/lib/actions/layers";
import { useRunStatus } from "@/lib/queries/use-run-status";

const JOBS = [
  ["ad-optimize", "Run optimizer now"],
  ["watchdog", "Run watchdog"],
  ["content-refresh", "Refresh now"],
  ["metrics-sync", "Sync metrics"],
] as const;

export function RunNow({ projectId, layerId, disabled }: { projectId: string; layerId: string; disabled: boolean }) {
  const router = useRouter();
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const status = useRunStatus(projectId, runId);
  const finished = status.data && status.data.status !== "running";
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {JOBS.map(([job, label]) => (
          <button key={job} type="button" disabled={disabled || pending || (runId !== null && !finished)}
            onClick={() => startTransition(async () => {
              setError(null);
              const result = await runLayerNowAction({ layerId, job });
              if (result.ok) setRunId(result.data.runId);
              else setError(result.error.message);
            })}
            className="rounded-md border border-indigo-300 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50">
            {label}
          </button>
        ))}
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {runId && (
        <p data-testid="run-progress" className="text-sm text-slate-600">
          {!status.data || status.data.status === "running" ? "Running…" : `Run ${status.data.status}${status.data.skipReason ? `: ${status.data.skipReason}` : ""}${status.data.error ? `: ${status.data.error}` : ""}.`}{" "}
          <Link className="text-indigo-700 underline" href={`/p/${projectId}/runs/${runId}`}>Open the run</Link>
        </p>
      )}
    </div>
  );
}
