// Top-row KPIs for the dashboard: one aggregate over the project's daily metrics.
import { db } from "../client";

export interface ProjectKpis {
  spendTodayMinor: number;
  spend7dMinor: number;
  impressions7d: number;
  clicks7d: number;
  installs7d: number;
  revenue7dMinor: number;
  ctr7d: number | null;
  cpa7dMinor: number | null;
  roas7d: number | null;
  asOf: string | null;
}

export async function getProjectKpis(projectId: string): Promise<ProjectKpis> {
  const rows = await db.$queryRaw<
    { last_date: Date | null; spend_today: bigint; spend: bigint; impressions: bigint; clicks: bigint; installs: bigint; revenue: bigint }[]
  >`
    WITH scope AS (
      SELECT m.* FROM "DailyMetric" m
      JOIN "Layer" l ON l.id = m."layerId"
      JOIN "AdEntity" e ON e.id = m."entityId"
      WHERE l."projectId" = ${projectId} AND e.level IN ('ad', 'keyword')
    ), last AS (SELECT max(date) AS d FROM scope)
    SELECT (SELECT d FROM last) AS last_date,
      COALESCE(sum(CASE WHEN date = (SELECT d FROM last) THEN "spendMinor" END), 0)::bigint AS spend_today,
      COALESCE(sum("spendMinor"), 0)::bigint AS spend,
      COALESCE(sum(impressions), 0)::bigint AS impressions,
      COALESCE(sum(clicks), 0)::bigint AS clicks,
      COALESCE(sum(installs), 0)::bigint AS installs,
      COALESCE(sum("revenueMinor"), 0)::bigint AS revenue
    FROM scope WHERE date > (SELECT d FROM last) - 7`;
  const r = rows[0];
  const spend = Number(r?.spend ?? 0);
  const impressions = Number(r?.impressions ?? 0);
  const clicks = Number(r?.clicks ?? 0);
  const installs = Number(r?.installs ?? 0);
  const revenue = Number(r?.revenue ?? 0);
  return {
    spendTodayMinor: Number(r?.spend_today ?? 0),
    spend7dMinor: spend,
    impressions7d: impressions,
    clicks7d: clicks,
    installs7d: installs,
    revenue7dMinor: revenue,
    ctr7d: impressions > 0 ? clicks / impressions : null,
    cpa7dMinor: installs > 0 ? Math.round(spend / installs) : null,
    roas7d: spend > 0 && revenue > 0 ? revenue / spend : null,
    asOf: r?.last_date ? r.last_date.toISOString().slice(0, 10) : null,
  };
}
