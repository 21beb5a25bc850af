import { headers } from "next/headers";
import { Suspense } from "react";
import { EventsFeed } from "@/components/events/events-feed";
import { EventsFilters } from "@/components/events/events-filters";
import { EventsPerHourChart } from "@/components/events/events-per-hour-chart";
import { EventsPerHourSummary } from "@/components/events/events-per-hour-summary";
import { Card, Skeleton } from "@/components/ui/card";
import { requireProject } from "@/lib/auth/session";
import { hourlyEventCounts, listFeedEvents, listRecentEventNames } from "@/lib/db/queries/events";
import { eventsPerHourComparison } from "@/lib/events/feed";
import { parseFeedFilters, type FeedFilters } from "@/lib/events/feed-filters";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function EventsPerHour({ projectId, timezone }: { projectId: string; timezone: string }) {
  const now = new Date();
  const { thisWeek, lastWeek } = await hourlyEventCounts(projectId, now);
  const comparison = eventsPerHourComparison(thisWeek, lastWeek);
  const hourFormat = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hour12: false });
  const labels = thisWeek.map((_, i) => hourFormat.format(now.getTime() - (24 - i) * 3_600_000));
  const data = comparison.hours.map((h) => ({ label: labels[h.index], thisWeek: h.thisWeek, lastWeek: h.lastWeek ?? 0, flag: h.flag }));
  return (
    <div className="space-y-3">
      <EventsPerHourSummary comparison={comparison} labels={labels} />
      <EventsPerHourChart data={data} />
    </div>
  );
}

async function Filters({ projectId }: { projectId: string }) {
  return <EventsFilters eventNames={await listRecentEventNames(projectId, new Date())} />;
}

async function Feed({ projectId, timezone, filters }: { projectId: string; timezone: string; filters: FeedFilters }) {
  const now = new Date();
  const [feed, requestHeaders] = await Promise.all([listFeedEvents(projectId, filters, now), headers()]);
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const proto = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return (
    <EventsFeed projectId={projectId} timezone={timezone} ingestUrl={`${proto}://${host}/api/v1/events`}
      initialFilters={filters} initial={{ ...feed, fetchedAt: now.toISOString() }} />
  );
}

export default async function EventsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const { projectId } = await params;
  const access = await requireProject(projectId);
  const filters = parseFeedFilters(await searchParams);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Events</h1>
        <p className="mt-1 text-sm text-slate-600">
          Are conversions arriving? If they are, a bad day is an ad-side issue; if they are not, check the SDK, pixel, CAPI and the app deploy.
          Times are in the project timezone ({access.timezone}).
        </p>
      </div>
      <Card title="Events per hour — last 24 h against the same hours last week">
        <Suspense fallback={<Skeleton className="h-64" />}>
          <EventsPerHour projectId={projectId} timezone={access.timezone} />
        </Suspense>
      </Card>
      <Card title="Newest events">
        <div className="space-y-4">
          <Suspense fallback={<Skeleton className="h-12" />}>
            <Filters projectId={projectId} />
          </Suspense>
          <Suspense fallback={<Skeleton className="h-64" />}>
            <Feed projectId={projectId} timezone={access.timezone} filters={filters} />
          </Suspense>
        </div>
      </Card>
    </div>
  );
}
