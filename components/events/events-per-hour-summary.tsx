import type { EventsPerHourComparison } from "@/lib/events/feed";
import { formatNumber } from "@/lib/format";

/** The verdict in words next to the chart: are events arriving like last week? */
export function EventsPerHourSummary({ comparison, labels }: { comparison: EventsPerHourComparison; labels: string[] }) {
  const { totals, dropHours, spikeHours } = comparison;
  const delta = totals.deltaPct === null ? null : Math.round(totals.deltaPct);
  const latestDrop = dropHours.length ? labels[dropHours[dropHours.length - 1]] : null;
  return (
    <div className="space-y-1 text-sm" data-testid="events-per-hour-summary">
      <p>
        <span className="font-semibold">{formatNumber(totals.thisWeek)}</span> events in the last 24 h against{" "}
        <span className="font-semibold">{formatNumber(totals.lastWeek)}</span> in the same hours last week
        {delta !== null && <span className={delta <= -50 ? "text-red-700" : "text-slate-600"}> ({delta > 0 ? "+" : ""}{delta}%)</span>}.
      </p>
      {totals.thisWeek === 0 && totals.lastWeek > 0 && (
        <p className="font-medium text-red-700">Nothing arrived in the last 24 hours: check the SDK, the API key and the app deploy (an attribution issue, not an ad-side one).</p>
      )}
      {latestDrop && <p className="text-red-700">Down by half or more against last week in {dropHours.length} hour(s), latest starting {latestDrop}.</p>}
      {spikeHours.length > 0 && <p className="text-slate-600">Doubled or more in {spikeHours.length} hour(s).</p>}
    </div>
  );
}
