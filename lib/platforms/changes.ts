import { isPlatformError, PlatformOutageError } from "./errors";
import type { AdPlatformClient, ChangeResult, EntityChange } from "./types";

/** Applies one change through the single-entity methods of the interface. */
export async function applyChange(client: AdPlatformClient, change: EntityChange): Promise<void> {
  switch (change.kind) {
    case "pause":
      return client.pause(change.platformId, change.level);
    case "resume":
      return client.resume(change.platformId, change.level);
    case "set_daily_budget":
      return client.setDailyBudget(change.platformId, change.level, change.amountMinor);
    case "set_bid":
      return client.setBid(change.platformId, change.level, change.amountMinor);
  }
}

/**
 * Applies changes one by one and reports each result; a failure does not stop the rest.
 * Non-platform errors (bugs) are rethrown — only platform errors become per-item failures.
 */
export async function applyChangesSequentially(client: AdPlatformClient, changes: EntityChange[]): Promise<ChangeResult[]> {
  const results: ChangeResult[] = [];
  for (const change of changes) {
    try {
      await applyChange(client, change);
      results.push({ change, ok: true });
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      results.push({ change, ok: false, error });
    }
  }
  return results;
}

/** Uses the client's bulk path when it has one, else one call per change. Results are in input order. */
export async function applyChanges(client: AdPlatformClient, changes: EntityChange[]): Promise<ChangeResult[]> {
  if (changes.length === 0) return [];
  if (client.applyChanges) {
    const results = await client.applyChanges(changes);
    if (results.length !== changes.length) {
      throw new PlatformOutageError({
        platform: client.platform,
        code: "bulk_result_mismatch",
        message: `bulk apply returned ${results.length} results for ${changes.length} changes`,
      });
    }
    return results;
  }
  return applyChangesSequentially(client, changes);
}
