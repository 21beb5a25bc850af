import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import type { LayerConnectionItem } from "@/lib/db/queries/layer-connections";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";

const PLATFORM_LABEL = { meta: "Meta Ads", tiktok: "TikTok Ads", apple_search_ads: "Apple Search Ads", social: "Social Distribution" } as const;

export function LayerConnectionsTable({ projectId, layers, timezone, canConnect }: { projectId: string; layers: LayerConnectionItem[]; timezone: string; canConnect: boolean }) {
  if (layers.length === 0) {
    return <EmptyState title="No layers connected">{canConnect ? "Connect Meta, TikTok or Apple Search Ads above, or start with a simulated sandbox." : "An admin can connect one."}</EmptyState>;
  }
  return (
    <table className="w-full text-sm" data-testid="layer-connections-table">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Layer</th><th>Platform</th><th>Account</th><th>Connection</th><th>Mode</th><th>Status</th>
          <th>Connected</th><th className="text-right">Spend (30d)</th><th className="text-right">Installs (30d)</th><th className="text-right">Entities</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((layer) => (
          <tr key={layer.id} className="border-t border-slate-100 align-top" data-testid="layer-connection-row">
            <td className="py-2 font-medium">
              <Link className="text-indigo-700 hover:underline" href={`/p/${projectId}/layers/${layer.id}`}>{layer.name}</Link>
              {layer.lastSyncError && <p className="text-xs font-normal text-red-700">{layer.lastSyncError}</p>}
            </td>
            <td>{PLATFORM_LABEL[layer.platform]}</td>
            <td className="font-mono text-xs">{layer.adAccountId ?? "—"}<span className="block font-sans text-slate-500">{layer.accountTimezone} · {layer.currency}</span></td>
            <td>{layer.connection === "connected" ? <Badge tone="indigo">connected</Badge> : <Badge>simulated</Badge>}</td>
            <td>{layer.mode === "autopilot" ? "Autopilot" : "Approve first"}</td>
            <td><Badge tone={layer.status === "active" ? "green" : "amber"}>{layer.status}</Badge></td>
            <td>{formatDateTime(layer.createdAt, timezone)}</td>
            <td className="text-right tabular-nums">{formatMoney(layer.spendMinor30d, layer.currency)}</td>
            <td className="text-right tabular-nums">{formatNumber(layer.installs30d)}</td>
            <td className="text-right tabular-nums">{formatNumber(layer.entities)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
