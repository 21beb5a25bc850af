import Link from "next/link";
import { Suspense } from "react";
import { libraryPermissions } from "@/components/creatives/permissions";
import { LibraryFiltersForm } from "@/components/creatives/library-filters";
import { UploadCreativeForm } from "@/components/creatives/upload-form";
import { Card, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { parseLibraryFilters } from "@/lib/creatives/filters";
import { ApprovalSetting, LibrarySection } from "./sections";

export default async function CreativesPage({ params, searchParams }: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const filters = parseLibraryFilters(await searchParams);
  const permissions = libraryPermissions(access.role);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Creative library</h1>
        <Link href={`/p/${projectId}/creatives/changelog`} className="text-sm text-indigo-700 hover:underline">Scoring changelog</Link>
      </div>
      {!permissions.approve && (
        <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="role-notice">
          You can read the library. Your role ({access.role}) cannot approve, override, archive or upload creatives; that needs marketer or above.
        </p>
      )}
      <Suspense fallback={<Skeleton className="h-10" />}>
        <ApprovalSetting projectId={projectId} permissions={permissions} />
      </Suspense>
      <LibraryFiltersForm key={JSON.stringify(filters)} projectId={projectId} filters={filters} />
      <Suspense key={JSON.stringify(filters)} fallback={<Skeleton className="h-96" />}>
        <LibrarySection projectId={projectId} filters={filters} currency={access.currency} permissions={permissions} />
      </Suspense>
      <Card title="Upload a manual creative">
        <UploadCreativeForm projectId={projectId} permissions={permissions} />
      </Card>
    </div>
  );
}
