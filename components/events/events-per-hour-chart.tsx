"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface HourDatum {
  /** Start of the rolling hour, project time. */
  label: string;
  thisWeek: number;
  lastWeek: number;
  flag: "drop" | "spike" | null;
}

export function EventsPerHourChart({ data }: { data: HourDatum[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label="Events per hour, last 24 hours against the same hours last week">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={2} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
          <Tooltip formatter={(value, name) => [Number(value), name === "thisWeek" ? "Last 24 h" : "Same hour last week"]} />
          <Legend formatter={(name) => (name === "thisWeek" ? "Last 24 h" : "Same hour last week")} />
          <Bar dataKey="thisWeek" fill="#4f46e5" radius={[2, 2, 0, 0]} />
          <Line type="monotone" dataKey="lastWeek" stroke="#94a3b8" strokeDasharray="4 3" dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
