import { db } from "../client";

export interface TrendPoint {
  date: string;
  spendMinor: number;
  installs: number;
  revenueMinor: number;
}

export async function getProjectTrend(projectId: string, days = 30): Promise<TrendPoint[]> {
  const rows = await db.$queryRaw<{ date: Date; spend: bigint; installs: bigint; revenue: bigint }[]>`
    SELECT m.date, sum(m."spendMinor")::bigint AS spend, sum(m.installs)::bigint AS installs, sum(m."revenueMinor")::bigint AS revenue
    FROM "DailyMetric" m JOIN "Layer" l ON l.id = m."layerId" JOIN "AdEntity" e ON e.id = m."entityId"
    WHERE l."projectId" = ${projectId} AND e.level IN ('ad', 'keyword')
      AND m.date > (SELECT max(date) FROM "DailyMetric" WHERE "layerId" = ANY(SELECT id FROM "Layer" WHERE "projectId" = ${projectId})) - ${days}::int
    GROUP BY m.date ORDER BY m.date`;
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), spendMinor: Number(r.spend), installs: Number(r.installs), revenueMinor: Number(r.revenue) }));
}
