"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";

export interface BalanceChartPoint {
  day: string;
  balanceMinor: number;
  spendMinor: number;
  topUpsMinor: number;
}

/** End-of-day balance (line) against the spend drawn each day (bars), 30 days. */
export function BalanceChart({ points, currency }: { points: BalanceChartPoint[]; currency: string }) {
  const data = points.map((p) => ({ day: p.day.slice(5), balance: p.balanceMinor / 100, spend: p.spendMinor / 100, topUps: p.topUpsMinor / 100 }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Wallet balance and daily spend over the last 30 days">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value, name) => [formatMoney(Math.round(Number(value) * 100), currency), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="spend" name="Spend drawn" fill="#c7d2fe" />
          <Bar dataKey="topUps" name="Top-ups" fill="#a7f3d0" />
          <Line type="stepAfter" dataKey="balance" name="Balance (end of day)" stroke="#4f46e5" strokeWidth={2} dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
