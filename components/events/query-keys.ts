import type { FeedFilters } from "@/lib/events/feed-filters";

/** TanStack Query keys for the events domain: invalidate `eventKeys.all` to refresh every events query. */
export const eventKeys = {
  all: ["events"] as const,
  feeds: (projectId: string) => [...eventKeys.all, "feed", projectId] as const,
  feed: (projectId: string, filters: FeedFilters) => [...eventKeys.feeds(projectId), filters] as const,
};
