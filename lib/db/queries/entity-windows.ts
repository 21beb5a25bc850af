// Day-band sums per entity (see BANDED_METRICS_SQL), refreshed after each metrics write, so a cycle reads one row
// per entity. The cycle refreshes them itself when they are older than the layer's newest metrics or than today.
import { getPgPool, withPgTransaction } from "../bulk";
import { BANDED_METRICS_SQL } from "./optimizer-input-sql";

export async function refreshEntityWindows(layerId: string, today: string): Promise<void> {
  await withPgTransaction(async (client) => {
    // Up to six groups per entity: with the default work_mem a 100k-entity layer spills the hash to disk (~4× slower).
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query(`DELETE FROM "EntityWindow" WHERE "layerId" = $1`, [layerId]);
    await client.query(
      `INSERT INTO "EntityWindow" ("entityId", "layerId", "asOf", bands, "anyDelivery", "refreshedAt")
       SELECT w.id, $1, $2::date, w.bands, w.any_delivery, now() FROM (${BANDED_METRICS_SQL}) w`,
      [layerId, today],
    );
  });
}

async function windowsAreFresh(layerId: string, today: string): Promise<boolean> {
  const { rows } = await getPgPool().query<{ fresh: boolean }>(
    `SELECT CASE
       WHEN (SELECT max("syncedAt") FROM "DailyMetric" WHERE "layerId" = $1) IS NULL THEN true
       ELSE COALESCE((
         SELECT min("asOf") = $2::date AND max("asOf") = $2::date
                AND min("refreshedAt") >= (SELECT max("syncedAt") FROM "DailyMetric" WHERE "layerId" = $1)
         FROM "EntityWindow" WHERE "layerId" = $1), false)
     END AS fresh`,
    [layerId, today],
  );
  return rows[0]?.fresh === true;
}

/** entityId → [packed bands, any delivery ever], refreshed first when stale. */
export async function readEntityWindows(layerId: string, today: string): Promise<unknown[][]> {
  if (!(await windowsAreFresh(layerId, today))) await refreshEntityWindows(layerId, today);
  const result = await getPgPool().query<unknown[]>({ text: `SELECT "entityId", bands, "anyDelivery" FROM "EntityWindow" WHERE "layerId" = $1`, values: [layerId], rowMode: "array" });
  return result.rows;
}
