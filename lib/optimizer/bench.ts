// Decision-time benchmark: `npx tsx lib/optimizer/bench.ts [entities=100000] [days=30]`.
// Builds a synthetic layer (campaign -> 4 adsets -> 5 ads each), round-trips it through JSON like
// real inputs, then times decideCycle alone (wall and process CPU, min of 5 runs).
import { decideCycle } from "./decide";
import type { CycleInput, DailyMetric, EntityInput } from "./types";

const DAY = 86_400_000;
const count = Number(process.argv[2] ?? 100_000);
const days = Number(process.argv[3] ?? 30);
const now = new Date("2026-04-19T06:00:00Z");

let seed = 42;
const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;

const entities: EntityInput[] = [];
for (let i = 0; i < count; i += 1) {
  const level = i % 25 === 0 ? "campaign" : i % 5 === 0 ? "adset" : "ad";
  const parentId = level === "campaign" ? null : level === "adset" ? `e${i - (i % 25)}` : `e${i - (i % 5)}`;
  const metrics: DailyMetric[] = [];
  for (let d = 0; d < days; d += 1) {
    const impressions = Math.floor(rnd() * 2_000);
    const clicks = Math.floor(impressions * rnd() * 0.03);
    metrics.push({
      date: new Date(now.getTime() - d * DAY).toISOString().slice(0, 10),
      spendMinor: Math.floor(rnd() * 3_000),
      impressions,
      clicks,
      installs: Math.floor(clicks * rnd() * 0.2),
      frequency: 1 + rnd() * 3,
    });
  }
  entities.push({
    id: `e${i}`,
    level,
    parentId,
    createdAt: new Date(now.getTime() - (1 + rnd() * 60) * DAY),
    status: rnd() < 0.9 ? "active" : "paused",
    learning: rnd() < 0.05,
    dailyBudgetMinor: level === "ad" ? null : 10_000,
    bidMinor: null,
    actions: rnd() < 0.1 ? [{ type: "budget", at: new Date(now.getTime() - rnd() * 5 * DAY) }] : [],
    metrics,
  });
}
const revive = (key: string, value: unknown) => (key === "createdAt" || key === "at" ? new Date(value as string) : value);
const input: CycleInput = {
  now,
  layer: { platform: "meta", paused: false, lastSyncAt: now },
  settings: { targetCpaMinor: 1_500 },
  entities: JSON.parse(JSON.stringify(entities), revive) as EntityInput[],
};
entities.length = 0;

let best = Number.POSITIVE_INFINITY;
for (let run = 0; run < 5; run += 1) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = decideCycle(input, { mode: "cycle" });
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  best = Math.min(best, wall);
  console.log(`run ${run + 1}: ${wall.toFixed(0)}ms wall, ${((used.user + used.system) / 1000).toFixed(0)}ms cpu`, result.summary);
}
console.log(`best: ${best.toFixed(0)}ms for ${count} entities x ${days} days`);
