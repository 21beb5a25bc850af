// Small read-only pieces shared by the grid card and the table row.
import { Badge } from "@/components/ui/card";
import { FATIGUE_MESSAGES, type LibraryItem } from "@/lib/creatives/library";
import { formatMoney, formatNumber } from "@/lib/format";
import { ScoreSparkline } from "./score-sparkline";

const POOL_LABEL = { generated: "Generated", ugc: "UGC", manual: "Manual" } as const;
const TREND_ARROW = { up: "↑", down: "↓", flat: "→" } as const;

export function MediaPreview({ item, className = "h-32 w-full" }: { item: LibraryItem; className?: string }) {
  const isVideoFile = item.mediaType === "video" && /\.(mp4|mov|m4v|webm)(\?|#|$)/i.test(item.mediaUrl);
  return (
    <div className={`overflow-hidden rounded-md bg-slate-100 ${className}`}>
      {isVideoFile ? (
        <video src={item.mediaUrl} className="h-full w-full object-cover" muted preload="metadata" aria-label={`Preview of ${item.title}`} />
      ) : (
        // Media comes from arbitrary creative hosts, so next/image's allow-list does not fit here.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={item.mediaUrl} alt={`Preview of ${item.title}`} className="h-full w-full object-cover" loading="lazy" />
      )}
    </div>
  );
}

export function PoolBadge({ item }: { item: LibraryItem }) {
  return <Badge tone="indigo">{POOL_LABEL[item.pool]}{item.creatorHandle ? ` · ${item.creatorHandle}` : ""}</Badge>;
}

export function ApprovalBadge({ item }: { item: LibraryItem }) {
  if (item.archived) return <Badge tone="slate">archived</Badge>;
  return <Badge tone={item.approval === "approved" ? "green" : item.approval === "pending" ? "amber" : "red"}>{item.approval}</Badge>;
}

export function OverrideBadge({ item }: { item: LibraryItem }) {
  if (item.override === "include") return <Badge tone="indigo">override: include</Badge>;
  if (item.override === "exclude") return <Badge tone="red">override: exclude</Badge>;
  return <Badge>override: auto</Badge>;
}

export function ScoreCell({ item }: { item: LibraryItem }) {
  return (
    <div className="flex items-center gap-2">
      <div>
        <span className="text-lg font-semibold tabular-nums" data-testid="creative-score">
          {item.organicScore === null ? "unscored" : item.organicScore.toFixed(2)}
        </span>
        {item.scoreTrend && <span className="ml-1 text-sm" aria-label={`score trend ${item.scoreTrend}`}>{TREND_ARROW[item.scoreTrend]}</span>}
        <div className="text-[10px] text-slate-400">{item.scoringVersion ? `scoring v${item.scoringVersion}` : "not scored yet"}</div>
      </div>
      <ScoreSparkline history={item.history} title={item.title} />
    </div>
  );
}

export function EligibilityNote({ item }: { item: LibraryItem }) {
  return (
    <div className="space-y-1 text-xs">
      <div className="flex flex-wrap gap-1">
        <Badge tone={item.eligible ? "green" : "amber"}>{item.eligible ? "eligible" : "not eligible"}</Badge>
        {item.safetyFailed && <Badge tone="red">safety failed</Badge>}
        <Badge tone={item.runningAds > 0 ? "green" : "slate"}>
          {item.runStatus === "WILL_LAUNCH" ? "next refresh can launch it" : `currently running on ${item.runningAdsets} ad set${item.runningAdsets === 1 ? "" : "s"}`}
        </Badge>
      </div>
      {item.notRunning.length > 0 && (
        <ul className="list-disc pl-4 text-slate-600" aria-label="Why it is not running">
          {item.notRunning.map((reason) => <li key={reason.code} data-code={reason.code}>{reason.message}</li>)}
        </ul>
      )}
    </div>
  );
}

export function PerformanceFacts({ item, currency }: { item: LibraryItem; currency: string }) {
  const s = item.stats;
  const roas = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);
  return (
    <dl className="grid grid-cols-[auto_1fr_1fr] gap-x-3 gap-y-0.5 whitespace-nowrap text-xs tabular-nums">
      <dt className="text-slate-500"></dt><dt className="text-slate-500">Lifetime</dt><dt className="text-slate-500">30d</dt>
      <dt className="text-slate-500">Spend</dt><dd>{formatMoney(s.spendLifetimeMinor, currency)}</dd><dd>{formatMoney(s.spend30dMinor, currency)}</dd>
      <dt className="text-slate-500">Installs</dt><dd>{formatNumber(s.installsLifetime)}</dd><dd>{formatNumber(s.installs30d)}</dd>
      <dt className="text-slate-500">CPA</dt><dd>{formatMoney(item.cpaLifetimeMinor, currency)}</dd><dd>{formatMoney(item.cpa30dMinor, currency)}</dd>
      <dt className="text-slate-500">ROAS</dt><dd>{roas(item.roasLifetime)}</dd><dd>{roas(item.roas30d)}</dd>
    </dl>
  );
}

export function FatigueBadges({ item }: { item: LibraryItem }) {
  if (item.fatigueSigns.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1">
      {item.fatigueSigns.map((sign) => (
        <span key={sign} title={FATIGUE_MESSAGES[sign]}><Badge tone="amber">{sign === "CTR_DECLINING" ? "CTR falling (7d)" : "frequency > 3 (Meta)"}</Badge></span>
      ))}
    </div>
  );
}
