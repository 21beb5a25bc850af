// Builders shared by the optimizer tests (not used by production code).
import { decideCycle } from "./decide";
import type { CycleInput, CycleResult, DailyMetric, Decision, EntityInput, Mode, Platform } from "./types";

export const NOW = new Date("2026-04-19T06:00:00.000Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;

export function ago(days: number, hours = 0): Date {
  return new Date(NOW.getTime() - days * DAY - hours * HOUR);
}

/** UTC date `offset` days before NOW's date (0 = today). */
export function dateAt(offset: number): string {
  return new Date(NOW.getTime() - offset * DAY).toISOString().slice(0, 10);
}

type Day = Omit<DailyMetric, "date">;

/** `days` consecutive rows ending today; `perDay` may depend on the offset (0 = today). */
export function series(days: number, perDay: Partial<Day> | ((offset: number) => Partial<Day>)): DailyMetric[] {
  const rows: DailyMetric[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const day = typeof perDay === "function" ? perDay(offset) : perDay;
    rows.push({ date: dateAt(offset), spendMinor: 0, impressions: 0, clicks: 0, installs: 0, ...day });
  }
  return rows;
}

/** Pool-average daily delivery: $10/day, 1000 impressions, 20 clicks, 1 install (CPA $10). */
export const AVERAGE_DAY: Day = { spendMinor: 1_000, impressions: 1_000, clicks: 20, installs: 1 };

export function entity(overrides: Partial<EntityInput> & { id: string }): EntityInput {
  return {
    level: "ad",
    parentId: "adset-1",
    createdAt: ago(20),
    status: "active",
    learning: false,
    dailyBudgetMinor: null,
    bidMinor: null,
    actions: [],
    metrics: series(14, AVERAGE_DAY),
    ...overrides,
  };
}

/** An average ad (keeps pools and adsets populated so a test isolates one rule). */
export function averageAd(id: string, parentId = "adset-1"): EntityInput {
  return entity({ id, parentId });
}

export interface InputOptions {
  platform?: Platform;
  paused?: boolean;
  lastSyncAt?: Date | null;
  targetCpaMinor?: number | null;
  now?: Date;
}

export function cycleInput(entities: EntityInput[], options: InputOptions = {}): CycleInput {
  return {
    now: options.now ?? NOW,
    layer: {
      platform: options.platform ?? "meta",
      paused: options.paused ?? false,
      lastSyncAt: options.lastSyncAt === undefined ? ago(0, 1) : options.lastSyncAt,
    },
    settings: { targetCpaMinor: options.targetCpaMinor ?? null },
    entities,
  };
}

export function run(entities: EntityInput[], options: InputOptions & { mode?: Mode } = {}): CycleResult {
  return decideCycle(cycleInput(entities, options), { mode: options.mode ?? "cycle" });
}

export function decisionOf(result: CycleResult, id: string): Decision {
  const found = result.decisions.find((d) => d.entityId === id);
  if (!found) throw new Error(`no decision for ${id}`);
  return found;
}

/** Run and return the decision of one entity. */
export function decide(target: EntityInput, others: EntityInput[] = [], options: InputOptions & { mode?: Mode } = {}): Decision {
  return decisionOf(run([target, ...others], options), target.id);
}

/** Three average sibling ads, so pools exist and no pause would empty the adset. */
export function siblings(parentId = "adset-1"): EntityInput[] {
  return [averageAd("avg-1", parentId), averageAd("avg-2", parentId), averageAd("avg-3", parentId)];
}

/** Exactly `spendMinor7d` with zero installs spread over 7 days (CRITICAL when >= $50). */
export function burner(id: string, spendMinor7d: number, overrides: Partial<EntityInput> = {}): EntityInput {
  const base = Math.floor(spendMinor7d / 7);
  return entity({
    id,
    metrics: series(7, (offset) => ({
      spendMinor: offset === 0 ? spendMinor7d - 6 * base : base,
      impressions: 1_000,
      clicks: 15,
      installs: 0,
    })),
    ...overrides,
  });
}
