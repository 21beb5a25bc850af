import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Nav } from "@/components/layout/nav";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ProjectSwitcher } from "@/components/layout/project-switcher";
import { auth, signOut } from "@/lib/auth";
import { getProjectAccess, listProjectsForUser } from "@/lib/db/access";
import { formatDateTime } from "@/lib/format";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) notFound();
  const [access, projects] = await Promise.all([getProjectAccess(userId, projectId), listProjectsForUser(userId)]);
  if (!access) notFound();
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between">
          <div className="text-lg font-bold text-indigo-700">Layers</div>
          <NotificationBell projectId={projectId} timezone={access.timezone} />
        </div>
        <ProjectSwitcher current={projectId} projects={projects.map((p) => ({ id: p.id, name: p.name, orgName: p.org.name }))} />
        <Nav projectId={projectId} />
        <div className="mt-auto space-y-2 text-xs text-slate-500">
          <p data-testid="current-user">{session.user?.email} · <span className="font-medium">{access.role}</span></p>
          <form action={async () => { "use server"; await signOut({ redirectTo: "/signin" }); }}>
            <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-100">Sign out</button>
          </form>
        </div>
      </aside>
      <div className="flex-1">
        {access.emergencyStopAt && (
          <div role="alert" className="bg-red-600 px-6 py-2 text-sm font-medium text-white">
            Emergency stop is on for {access.orgName} since {formatDateTime(access.emergencyStopAt, access.timezone)}: every layer is paused and no scheduled command runs.
          </div>
        )}
        <main className="mx-auto max-w-7xl p-6">{children}</main>
      </div>
    </div>
  );
}
