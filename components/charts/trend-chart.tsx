"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendDatum {
  date: string;
  spend: number;
  cpa: number | null;
}

export function TrendChart({ data, currency }: { data: TrendDatum[]; currency: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Spend and CPA over the last 30 days">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="spend" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="cpa" orientation="right" tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value, name) => [`${Number(value).toFixed(2)} ${currency}`, name === "spend" ? "Spend" : "CPA"]} />
          <Line yAxisId="spend" type="monotone" dataKey="spend" stroke="#4f46e5" dot={false} />
          <Line yAxisId="cpa" type="monotone" dataKey="cpa" stroke="#f59e0b" dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
