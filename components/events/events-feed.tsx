"use client";
import { useSearchParams } from "next/navigation";
import { Badge, EmptyState } from "@/components/ui/card";
import { FEED_PAGE_SIZE, isFiltered, parseFeedFilters, type FeedFilters } from "@/lib/events/feed-filters";
import { formatMoney } from "@/lib/format";
import { platformLabel } from "@/lib/reconciliation/reconcile";
import { FirstEventCurl } from "./first-event-curl";
import { useEventsFeed, type EventsFeedResponse } from "./use-events-feed";

function timeFormatter(timeZone: string) {
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

export function EventsFeed(props: { projectId: string; timezone: string; ingestUrl: string; initialFilters: FeedFilters; initial: EventsFeedResponse }) {
  const filters = parseFeedFilters(new URLSearchParams(useSearchParams().toString()));
  const sameAsServer = JSON.stringify(filters) === JSON.stringify(props.initialFilters);
  const { data, error, isFetching, dataUpdatedAt } = useEventsFeed(props.projectId, filters, sameAsServer ? props.initial : undefined);
  const time = timeFormatter(props.timezone);

  return (
    <div className="space-y-3">
      <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="events-live">
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${error ? "bg-red-500" : "bg-emerald-500"} ${isFetching ? "animate-pulse" : ""}`} />
        {error ? `Live updates paused: ${error.message}` : "Live — checks for new events every 5 s"}
        {dataUpdatedAt > 0 && <span>· updated {time.format(dataUpdatedAt)}</span>}
      </p>
      {!data ? (
        <p className="text-sm text-slate-500">Loading events…</p>
      ) : !data.projectHasEvents ? (
        <FirstEventCurl projectId={props.projectId} ingestUrl={props.ingestUrl} />
      ) : data.events.length === 0 ? (
        <EmptyState title={isFiltered(filters) ? "No events match these filters" : "No events in this time range"}>
          Widen the time range or clear the filters.
        </EmptyState>
      ) : (
        <FeedTable events={data.events} format={(iso) => time.format(new Date(iso))} />
      )}
    </div>
  );
}

function FeedTable({ events, format }: { events: EventsFeedResponse["events"]; format: (iso: string) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="events-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Occurred</th><th>Event</th><th>Platform</th><th>Ad platform</th><th>App user</th><th>Revenue</th><th>Event id</th></tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap py-2" title={`received ${format(e.receivedAt)}`}>{format(e.occurredAt)}</td>
              <td className="font-medium">{e.name}{e.environment !== "production" && <span className="ml-1"><Badge tone="amber">{e.environment}</Badge></span>}</td>
              <td>{e.platform}</td>
              <td>{e.adPlatform ? platformLabel(e.adPlatform) : <span className="text-slate-400">—</span>}</td>
              <td className="font-mono text-xs">{e.appUserId ?? <span className="text-slate-400">—</span>}</td>
              <td>{e.revenueMinor === null ? "" : formatMoney(e.revenueMinor, e.currency ?? "USD")}</td>
              <td className="font-mono text-xs text-slate-500">{e.eventId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length >= FEED_PAGE_SIZE && <p className="mt-2 text-xs text-slate-500">Showing the newest {FEED_PAGE_SIZE}. Filter or search to find older events.</p>}
    </div>
  );
}
