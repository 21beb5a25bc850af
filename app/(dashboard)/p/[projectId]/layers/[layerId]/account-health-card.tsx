// The layer page's "Account health" card: a live platform read, so it streams in behind its own skeleton.
import { Suspense } from "react";
import { AccountHealthSummary } from "@/components/layers/account-health";
import { Card, Skeleton } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { getLayerAccountHealth } from "@/lib/jobs/account-health";
import type { Platform } from "@/lib/platforms/types";

type HealthLayer = { id: string; platform: Platform | "social"; credentialsRef: string | null };

async function LiveAccountHealth({ layer, timezone }: { layer: HealthLayer; timezone: string }) {
  const result = await getLayerAccountHealth(db, layer);
  return <AccountHealthSummary {...result} timezone={timezone} />;
}

export function AccountHealthCard({ layer, timezone }: { layer: HealthLayer; timezone: string }) {
  return (
    <Card title="Account health">
      <Suspense fallback={<Skeleton className="h-12" />}>
        <LiveAccountHealth layer={{ id: layer.id, platform: layer.platform, credentialsRef: layer.credentialsRef }} timezone={timezone} />
      </Suspense>
    </Card>
  );
}
