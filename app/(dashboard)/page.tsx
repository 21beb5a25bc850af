import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/card";
import { requireUserId } from "@/lib/auth/session";
import { listProjectsForUser } from "@/lib/db/access";

export default async function Home() {
  const userId = await requireUserId();
  const projects = await listProjectsForUser(userId);
  if (projects[0]) redirect(`/p/${projects[0].id}`);
  return (
    <main className="p-10">
      <EmptyState title="You are not a member of any project yet">Ask an owner of your organisation to invite you.</EmptyState>
    </main>
  );
}
