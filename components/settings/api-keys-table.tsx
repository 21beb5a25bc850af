import { Badge, EmptyState } from "@/components/ui/card";
import type { ApiKeyListItem } from "@/lib/db/queries/api-keys";
import { formatDateTime } from "@/lib/format";
import { ApiKeyRevokeButton } from "./api-keys-revoke";

export function ApiKeysTable({ keys, timezone, canManage }: { keys: ApiKeyListItem[]; timezone: string; canManage: boolean }) {
  if (keys.length === 0)
    return <EmptyState title="No API keys yet">{canManage ? "Create one to send events to POST /api/v1/events." : "An admin can create one."}</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="api-keys-table">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr><th className="py-2">Name</th><th>Key</th><th>Created</th><th>Last used</th><th>Status</th>{canManage && <th />}</tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-slate-100">
            <td className="py-2 font-medium">{key.name}</td>
            <td className="font-mono text-xs">{key.prefix}_••••</td>
            <td>{formatDateTime(key.createdAt, timezone)}</td>
            <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, timezone) : "Never"}</td>
            <td>{key.revokedAt ? <Badge tone="red">revoked {formatDateTime(key.revokedAt, timezone)}</Badge> : <Badge tone="green">active</Badge>}</td>
            {canManage && <td className="text-right">{!key.revokedAt && <ApiKeyRevokeButton apiKeyId={key.id} name={key.name} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
