"use client";
import { useQuery } from "@tanstack/react-query";
import { feedFiltersToSearch, type FeedFilters } from "@/lib/events/feed-filters";
import type { FeedEvent } from "@/lib/db/queries/events";
import { eventKeys } from "./query-keys";

export interface EventsFeedResponse {
  events: FeedEvent[];
  projectHasEvents: boolean;
  fetchedAt: string;
}

/** The runbook's "are conversions arriving?": polled every 5 s while the tab is visible. */
export const FEED_POLL_MS = 5_000;

async function fetchFeed(projectId: string, filters: FeedFilters): Promise<EventsFeedResponse> {
  const response = await fetch(`/api/projects/${projectId}/events${feedFiltersToSearch(filters)}`, { cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The events feed answered ${response.status}.`);
  return body as EventsFeedResponse;
}

export function useEventsFeed(projectId: string, filters: FeedFilters, initial?: EventsFeedResponse) {
  return useQuery({
    queryKey: eventKeys.feed(projectId, filters),
    queryFn: () => fetchFeed(projectId, filters),
    initialData: initial,
    initialDataUpdatedAt: initial ? Date.parse(initial.fetchedAt) : undefined,
    refetchInterval: FEED_POLL_MS,
    staleTime: 0,
  });
}
