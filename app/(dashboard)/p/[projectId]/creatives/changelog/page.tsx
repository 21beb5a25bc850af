import Link from "next/link";
import { Suspense } from "react";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { loadScoringState } from "@/lib/db/queries/creative-library";
import { formatDateTime } from "@/lib/format";
import { ORGANIC_SCORING_VERSION, SCORING_CHANGELOG } from "@/lib/scoring";

const formatScore = (score: number | null) => (score === null ? "unscored" : score.toFixed(2));

async function LastBump({ projectId, timezone }: { projectId: string; timezone: string }) {
  const { appliedVersion, lastBump } = await loadScoringState(projectId);
  return (
    <Card title="Creatives that crossed 4.0 at the last version bump">
      <p className="mb-3 text-sm text-slate-600" data-testid="applied-version">
        This project is scored with v{appliedVersion ?? "—"} (current: v{ORGANIC_SCORING_VERSION}).
        {lastBump && ` v${lastBump.version} was applied ${formatDateTime(lastBump.appliedAt, timezone)}.`}
      </p>
      {!lastBump || lastBump.crossings.length === 0 ? (
        <EmptyState title={lastBump ? "No creative crossed the threshold" : "No version bump recorded yet"}>
          Rescoring runs every 4 hours; a bump is announced in notifications.
        </EmptyState>
      ) : (
        <table className="w-full text-sm" data-testid="crossings-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2">Creative</th><th>Pool</th><th>Before</th><th>After</th><th>Now</th></tr>
          </thead>
          <tbody>
            {lastBump.crossings.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="py-2">
                  <Link className="text-indigo-700 hover:underline" href={`/p/${projectId}/creatives?q=${encodeURIComponent(c.title)}&status=all`}>{c.title}</Link>
                </td>
                <td>{c.pool}</td>
                <td className="tabular-nums">{formatScore(c.from)}</td>
                <td className="tabular-nums">{formatScore(c.to)}</td>
                <td><Badge tone={c.direction === "up" ? "green" : "amber"}>{c.direction === "up" ? "eligible on score" : "below threshold"}</Badge></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-3 text-xs text-slate-500">
        A lower score never pauses a running ad; it only changes what the next selection picks. Disagree with a new score? Use an override.
      </p>
    </Card>
  );
}

export default async function ScoringChangelogPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Organic scoring changelog</h1>
        <Link href={`/p/${projectId}/creatives`} className="text-sm text-indigo-700 hover:underline">Back to the library</Link>
      </div>
      <Suspense fallback={<Skeleton className="h-40" />}>
        <LastBump projectId={projectId} timezone={access.timezone} />
      </Suspense>
      {SCORING_CHANGELOG.map((entry) => (
        <Card key={entry.version} title={`v${entry.version} · ${entry.date}`}>
          <p className="font-medium">{entry.summary}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {entry.changes.map((change) => <li key={change}>{change}</li>)}
          </ul>
        </Card>
      ))}
    </div>
  );
}
