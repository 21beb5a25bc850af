import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import type { ProjectAccess } from "@/lib/db/access";
import type { listRecentActivity } from "@/lib/db/queries/run-detail";
import { formatDateTime } from "@/lib/format";

/** The daily read: what the optimizer did lately and why, and what waits for a marketer. */
export function OptimizerActivity({ access, activity, pendingCount }: { access: ProjectAccess; activity: Awaited<ReturnType<typeof listRecentActivity>>; pendingCount: number }) {
  return (
    <Card title="Optimizer activity" action={pendingCount > 0 ? <Badge tone="amber">{pendingCount} awaiting approval</Badge> : undefined}>
      {activity.length === 0 ? (
        <EmptyState title="No optimizer actions yet">Holding is the most common outcome, by design. Runs appear in the run history.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="optimizer-activity">
          {activity.map((a) => (
            <li key={a.id} className="py-2">
              <p>
                <span className="font-semibold uppercase">{a.action}</span> {a.entityName}{" "}
                <span className="text-slate-500">· {a.run.layer?.name} · {formatDateTime(a.createdAt, access.timezone)}</span>{" "}
                {a.approvalState === "pending" ? <Badge tone="amber">awaiting approval</Badge> : a.execution ? <Badge tone={a.execution.status === "succeeded" ? "green" : "red"}>{a.execution.status}</Badge> : null}
              </p>
              <p className="text-slate-600">{a.sentence} <Link href={`/p/${access.projectId}/runs/${a.run.id}`} className="text-indigo-700 hover:underline">Why?</Link></p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
