import { listFeedEvents } from "@/lib/db/queries/events";
import { parseFeedFilters } from "@/lib/events/feed-filters";
import { projectRoute } from "@/lib/http/route";

// The events feed for polling: same filters as the page URL.
export const GET = projectRoute("read", async (access, request) => {
  const now = new Date();
  const feed = await listFeedEvents(access.projectId, parseFeedFilters(new URL(request.url).searchParams), now);
  return { ...feed, fetchedAt: now.toISOString() };
});
