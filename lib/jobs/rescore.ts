// Organic rescoring for one project (every 4 hours, and the `rescore-creatives` run): load → score (pure) → persist.
// A score only decides future selection; running ads are never paused by it (optimizer spec).
import type { Db } from "@/lib/db/client";
import type { CrossingRecord } from "@/lib/db/queries/creative-library";
import { applyRescore, loadRescoreInputs } from "@/lib/db/queries/organic-scores";
import { ORGANIC_SCORING_VERSION, rescoreCreatives, versionBumpNotification } from "@/lib/scoring";

export interface RescoreCounts {
  version: number;
  /** The version the project had applied before this run (null: never rescored and never scored). */
  previousVersion: number | null;
  creatives: number;
  scored: number;
  unscored: number;
  historyRows: number;
  crossedUp: number;
  crossedDown: number;
  versionBumped: boolean;
  notified: boolean;
}

/**
 * The applied version is remembered per project in SystemState; without it (first run), the oldest version
 * that produced a stored score stands in, so a project scored by v1 before this job existed still gets its bump.
 */
function previousVersionOf(applied: number | null, stored: readonly (number | null)[]): number | null {
  if (applied !== null) return applied;
  const versions = stored.filter((v): v is number => v !== null);
  return versions.length > 0 ? Math.min(...versions) : null;
}

export async function rescoreProjectCreatives(db: Db, projectId: string, now: Date): Promise<RescoreCounts> {
  const inputs = await loadRescoreInputs(db, projectId, now);
  const result = rescoreCreatives({ creatives: inputs.creatives, now, version: ORGANIC_SCORING_VERSION });
  const previousVersion = previousVersionOf(inputs.appliedVersion, inputs.creatives.map((c) => c.scoringVersion));
  const isBump = previousVersion !== null && previousVersion < result.version;

  const crossings: CrossingRecord[] = result.crossings.map((c) => ({
    ...c,
    title: inputs.titles.get(c.id)?.title ?? c.id,
    pool: inputs.titles.get(c.id)?.pool ?? "unknown",
  }));
  const outcome = await applyRescore(db, {
    projectId,
    now,
    result,
    bump: isBump ? { notification: result.notification ?? versionBumpNotification(result.version), crossings } : null,
  });

  const scored = result.scores.filter((s) => s.score !== null).length;
  return {
    version: result.version,
    previousVersion,
    creatives: result.scores.length,
    scored,
    unscored: result.scores.length - scored,
    historyRows: outcome.historyRows,
    crossedUp: crossings.filter((c) => c.direction === "up").length,
    crossedDown: crossings.filter((c) => c.direction === "down").length,
    versionBumped: isBump && outcome.advancedVersion,
    notified: outcome.notified,
  };
}
