import Link from "next/link";
import { Suspense } from "react";
import { ApiKeyCreateForm } from "@/components/settings/api-keys-create";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { Card, Skeleton } from "@/components/ui/card";
import { roleAllows } from "@/lib/auth/roles";
import { requireProject } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/db/queries/api-keys";

async function KeyList({ projectId, timezone, canManage }: { projectId: string; timezone: string; canManage: boolean }) {
  return <ApiKeysTable keys={await listApiKeys(projectId)} timezone={timezone} canManage={canManage} />;
}

export default async function ApiKeysPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const canManage = roleAllows(access.role, "apikey.manage");
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/p/${projectId}/settings`} className="text-sm text-indigo-700 hover:underline">← Settings</Link>
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          Project keys authenticate <code>POST /api/v1/events</code>. Only a hash is stored: a key is shown in full once, when it is created.
        </p>
      </div>
      {canManage ? (
        <Card title="New key"><ApiKeyCreateForm projectId={projectId} /></Card>
      ) : (
        <p className="text-sm text-slate-500">Your role ({access.role}) can see keys; creating and revoking them needs admin or above.</p>
      )}
      <Card title="Keys">
        <Suspense fallback={<Skeleton className="h-24" />}>
          <KeyList projectId={projectId} timezone={access.timezone} canManage={canManage} />
        </Suspense>
      </Card>
    </div>
  );
}
