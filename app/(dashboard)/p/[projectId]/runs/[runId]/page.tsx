import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionInputs, type DecisionInputsView } from "@/components/runs/decision-inputs";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { getRunDetail } from "@/lib/db/queries/run-detail";
import { formatDateTime, formatPercent } from "@/lib/format";
import { describeChange, RUN_KIND_LABEL } from "@/lib/format/decisions";

const CLASSES = ["CRITICAL", "FATIGUED", "UNDERPERFORMING", "TOO_YOUNG", "LEARNING_PHASE", "HEALTHY", "TOP_PERFORMER"] as const;
type ClassName = (typeof CLASSES)[number];
const CLASS_TONE: Record<ClassName, "red" | "amber" | "slate" | "green" | "indigo"> = {
  CRITICAL: "red", FATIGUED: "amber", UNDERPERFORMING: "amber", TOO_YOUNG: "slate", LEARNING_PHASE: "slate", HEALTHY: "green", TOP_PERFORMER: "indigo",
};

export default async function RunPage({ params, searchParams }: { params: Promise<{ projectId: string; runId: string }>; searchParams: Promise<{ classification?: string }> }) {
  const [{ projectId, runId }, { classification }] = await Promise.all([params, searchParams]);
  const access = await requireProject(projectId);
  const filter = CLASSES.includes(classification as ClassName) ? (classification as ClassName) : undefined;
  const detail = await getRunDetail(projectId, runId, { classification: filter });
  if (!detail) notFound();
  const { run, proposals, classifications, classificationCounts, launches } = detail;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/p/${projectId}/runs`} className="text-sm text-indigo-700 hover:underline">← All runs</Link>
        <h1 className="mt-1 text-2xl font-semibold">{RUN_KIND_LABEL[run.kind] ?? run.kind} · {run.layer?.name ?? "project"}</h1>
        <p className="text-sm text-slate-500">
          {run.trigger} run · started {formatDateTime(run.startedAt, access.timezone)} · finished {formatDateTime(run.finishedAt, access.timezone)}
          {run.scoringVersion && ` · scoring ${run.scoringVersion}`} · <Badge>{run.status}</Badge>
        </p>
        {(run.error || run.skipReason) && <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{run.error ?? run.skipReason}</p>}
      </div>

      <Card title={`Proposals (${proposals.length})`}>
        {proposals.length === 0 ? <EmptyState title="No proposals">Every entity held: within tolerance, protected, or not enough data.</EmptyState> : (
          <ul className="divide-y divide-slate-100" data-testid="proposals">
            {proposals.map((p) => (
              <li key={p.id} className="space-y-1 py-3 text-sm">
                <p>
                  <Badge tone={p.status === "approved" ? "green" : "red"}>{p.status}</Badge>{" "}
                  <span className="font-semibold uppercase">{p.action}</span> {p.entity ? `${p.entity.level} "${p.entity.name}"` : p.entityId}
                  {describeChange(p.action, p.fromValue, p.toValue, access.currency) && <span className="text-slate-600"> · {describeChange(p.action, p.fromValue, p.toValue, access.currency)}</span>}
                  {p.approvalState !== "auto" && <span className="text-slate-500"> · approval: {p.approvalState}{p.decisionComment ? ` (“${p.decisionComment}”)` : ""}</span>}
                  {p.execution && <span className="text-slate-500"> · execution: {p.execution.status}{p.execution.error ? ` — ${p.execution.error}` : ""}</span>}
                </p>
                <p className="text-slate-700">Reason: {p.sentence}</p>
                <DecisionInputs inputs={p.inputs as DecisionInputsView} currency={access.currency} />
                {p.guardrailsPassed.length > 0 && <p className="text-xs text-emerald-700">Guardrails passed: {p.guardrailsPassed.join(", ")}</p>}
                {p.replacement && <p className="text-xs text-indigo-700">Replacement: pinned “{p.replacement.title}” from the creative pool (organic_score {p.replacement.organicScore?.toFixed(1) ?? "—"})</p>}
                <p className="text-xs text-slate-400">Codes: {p.reasons.join(", ")} · confidence {p.confidence === null ? "—" : formatPercent(p.confidence, 0)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {launches.length > 0 && (
        <Card title={`Launched creatives (${launches.length})`}>
          <ul className="text-sm">
            {launches.map((l, i) => <li key={i}>{l.adset?.name ?? l.entityId}: {l.status}{l.error ? ` — ${l.error}` : ""}</li>)}
          </ul>
        </Card>
      )}

      <Card title="Classifications and the metrics that drove them">
        <div className="mb-3 flex flex-wrap gap-2 text-xs">
          <Link href={`/p/${projectId}/runs/${runId}`} className={!filter ? "font-semibold underline" : "underline"}>All</Link>
          {CLASSES.map((c) => classificationCounts[c] ? (
            <Link key={c} href={`/p/${projectId}/runs/${runId}?classification=${c}`} className={filter === c ? "font-semibold underline" : "underline"}>{c} ({classificationCounts[c]})</Link>
          ) : null)}
        </div>
        {classifications.length === 0 ? <EmptyState title="No classifications recorded for this run" /> : (
          <table className="w-full text-sm" data-testid="classifications">
            <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-2">Entity</th><th>Class</th><th>Score</th><th>Why</th></tr></thead>
            <tbody>
              {classifications.map((c) => {
                const m = c.metrics as { inputs?: DecisionInputsView; sentence?: string };
                return (
                  <tr key={c.entityId} className="border-t border-slate-100 align-top">
                    <td className="py-2">{c.entity ? `${c.entity.level} · ${c.entity.name}` : c.entityId}</td>
                    <td><Badge tone={CLASS_TONE[c.classification]}>{c.classification}</Badge></td>
                    <td>{c.score ?? "—"}</td>
                    <td className="space-y-0.5">
                      {m.sentence && <p>{m.sentence}</p>}
                      {m.inputs && <DecisionInputs inputs={m.inputs} currency={access.currency} />}
                      <p className="text-xs text-slate-400">{c.reasons.join(", ")}</p>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
