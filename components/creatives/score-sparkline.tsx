"use client";
import { Line, LineChart, Tooltip, YAxis } from "recharts";
import type { ScorePoint } from "@/lib/creatives/library";

/** The last scores of one creative on a fixed 0–10 scale, so sparklines compare across cards. */
export function ScoreSparkline({ history, title }: { history: ScorePoint[]; title: string }) {
  if (history.length < 2) return <span className="text-xs text-slate-400">no history yet</span>;
  const data = history.map((p) => ({ at: p.at.slice(0, 10), score: p.score, version: p.version }));
  return (
    <div role="img" aria-label={`Score history of ${title}: ${history.map((p) => p.score ?? "unscored").join(", ")}`}>
      <LineChart width={96} height={28} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 10]} />
        <Tooltip formatter={(value) => [value ?? "unscored", "score"]} labelFormatter={(_, items) => items?.[0]?.payload?.at ?? ""} />
        <Line type="monotone" dataKey="score" stroke="#4f46e5" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </div>
  );
}
