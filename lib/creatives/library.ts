// The creative library's view model: eligibility, "why isn't it running?", fatigue signs and filters.
// Pure: rows come from lib/db/queries/creative-library, the page renders the result.
import {
  evaluateEligibility,
  explainNotRunning,
  NOT_RUNNING_MESSAGES,
  type Approval,
  type IneligibilityReason,
  type NotRunningCode,
  type Override,
  type Pool,
  type SelectionAdset,
  type SelectionConfig,
  type SelectionCreative,
} from "@/lib/selection";

export interface CreativeStats {
  spendLifetimeMinor: number;
  installsLifetime: number;
  revenueLifetimeMinor: number;
  spend30dMinor: number;
  installs30d: number;
  revenue30dMinor: number;
}

export interface FatigueInputs {
  /** Least-squares slope of daily CTR over the last 7 days, per day. */
  ctrSlope7d: number | null;
  ctrMean7d: number | null;
  ctrDays7d: number;
  impressions7d: number;
  /** Impression-weighted frequency of the creative's Meta ads over 7 days. */
  metaFrequency7d: number | null;
}

export interface LibraryRow {
  id: string;
  pool: Pool;
  title: string;
  mediaUrl: string;
  mediaType: string;
  caption: string | null;
  hook: string | null;
  creatorHandle: string | null;
  organicScore: number | null;
  scoringVersion: number | null;
  scoredAt: string | null;
  safetyFailed: boolean;
  approval: Approval;
  archived: boolean;
  createdAt: string;
  override: Override;
  stats: CreativeStats;
  fatigue: FatigueInputs;
  runningAdsets: number;
  runningAds: number;
}

export interface ScorePoint {
  at: string;
  score: number | null;
  version: number;
}

export type FatigueSign = "CTR_DECLINING" | "HIGH_FREQUENCY";

export const FATIGUE_MESSAGES: Record<FatigueSign, string> = {
  CTR_DECLINING: "CTR has trended down over the last 7 days.",
  HIGH_FREQUENCY: "Meta frequency is above 3 over the last 7 days.",
};

/** Same bar as the optimizer's Meta fatigue rule (frequency > 3.0 over 7d). */
export const FATIGUE_FREQUENCY = 3;
/** A 7-day CTR fit that loses at least this share of its mean counts as a decline, not noise. */
export const CTR_DECLINE_SHARE = 0.1;
const CTR_MIN_DAYS = 4;
const CTR_MIN_IMPRESSIONS = 1_000;

export function fatigueSigns(input: FatigueInputs): FatigueSign[] {
  const signs: FatigueSign[] = [];
  const { ctrSlope7d, ctrMean7d } = input;
  if (
    ctrSlope7d !== null &&
    ctrMean7d !== null &&
    ctrMean7d > 0 &&
    input.ctrDays7d >= CTR_MIN_DAYS &&
    input.impressions7d >= CTR_MIN_IMPRESSIONS &&
    // The fitted line's drop across the window (6 day-steps) against the mean CTR.
    (-ctrSlope7d * 6) / ctrMean7d >= CTR_DECLINE_SHARE
  ) {
    signs.push("CTR_DECLINING");
  }
  if (input.metaFrequency7d !== null && input.metaFrequency7d > FATIGUE_FREQUENCY) signs.push("HIGH_FREQUENCY");
  return signs;
}

export const cpaMinor = (spendMinor: number, installs: number): number | null => (installs > 0 ? Math.round(spendMinor / installs) : null);
export const roas = (revenueMinor: number, spendMinor: number): number | null => (spendMinor > 0 ? revenueMinor / spendMinor : null);

export interface LibraryItem extends LibraryRow {
  eligible: boolean;
  ineligibility: IneligibilityReason[];
  runStatus: "RUNNING" | "WILL_LAUNCH" | "NOT_RUNNING";
  /** Why it is not (about to be) running, as codes and the UI copy; empty when it runs somewhere. */
  notRunning: { code: NotRunningCode; message: string }[];
  fatigueSigns: FatigueSign[];
  history: ScorePoint[];
  /** Direction of the last score change in the history. */
  scoreTrend: "up" | "down" | "flat" | null;
  cpaLifetimeMinor: number | null;
  cpa30dMinor: number | null;
  roasLifetime: number | null;
  roas30d: number | null;
}

export function toSelectionCreative(row: LibraryRow): SelectionCreative {
  return {
    id: row.id,
    pool: row.pool,
    organicScore: row.organicScore,
    override: row.override,
    safetyFailed: row.safetyFailed,
    approval: row.approval,
    archived: row.archived,
  };
}

function scoreTrend(history: readonly ScorePoint[]): LibraryItem["scoreTrend"] {
  if (history.length < 2) return null;
  const last = history[history.length - 1].score ?? 0;
  const previous = history[history.length - 2].score ?? 0;
  return last > previous ? "up" : last < previous ? "down" : "flat";
}

export function buildLibraryItems(args: {
  rows: readonly LibraryRow[];
  histories: Readonly<Record<string, ScorePoint[]>>;
  adsets: readonly SelectionAdset[];
  config: Partial<SelectionConfig>;
}): LibraryItem[] {
  const selectionInput = { creatives: args.rows.map(toSelectionCreative), adsets: args.adsets, config: args.config };
  return args.rows.map((row) => {
    const eligibility = evaluateEligibility(toSelectionCreative(row));
    const explanation = explainNotRunning(row.id, selectionInput);
    const history = args.histories[row.id] ?? [];
    const s = row.stats;
    return {
      ...row,
      eligible: eligibility.eligible,
      ineligibility: eligibility.reasons,
      runStatus: row.runningAds > 0 ? "RUNNING" : explanation.status,
      notRunning:
        row.runningAds > 0 || explanation.status !== "NOT_RUNNING"
          ? []
          : explanation.codes.map((code) => ({ code, message: NOT_RUNNING_MESSAGES[code] })),
      fatigueSigns: fatigueSigns(row.fatigue),
      history,
      scoreTrend: scoreTrend(history),
      cpaLifetimeMinor: cpaMinor(s.spendLifetimeMinor, s.installsLifetime),
      cpa30dMinor: cpaMinor(s.spend30dMinor, s.installs30d),
      roasLifetime: roas(s.revenueLifetimeMinor, s.spendLifetimeMinor),
      roas30d: roas(s.revenue30dMinor, s.spend30dMinor),
    };
  });
}
