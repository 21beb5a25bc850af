// Set-based writes for the hot paths (a cycle over 100k entities): one INSERT … SELECT FROM unnest(arrays)
// per table instead of one statement per row. A plain pg pool beside Prisma, same database, same URL.
import pg from "pg";

const globalForPg = globalThis as unknown as { layersPgPool?: pg.Pool; layersPgPoolUrl?: string };

export function getPgPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForPg.layersPgPool || globalForPg.layersPgPoolUrl !== url) {
    globalForPg.layersPgPool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection dropped by the server (restart, DROP DATABASE) must not crash the process.
    globalForPg.layersPgPool.on("error", (error) => console.error("[db] idle connection error:", error.message));
    globalForPg.layersPgPoolUrl = url;
  }
  return globalForPg.layersPgPool;
}

export async function closePgPool(): Promise<void> {
  const pool = globalForPg.layersPgPool;
  globalForPg.layersPgPool = undefined;
  await pool?.end();
}

/** COPY text-format field: backslash, tab, newline and carriage return escaped; null is \N. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Runs `work` on one pooled connection inside BEGIN … COMMIT, rolling back on any error. */
export async function withPgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Loads rows with COPY FROM STDIN, the fastest path PostgreSQL has (the optimizer writes 100k classifications
 * per cycle). All `tables` are written in one transaction: a crash leaves none of them, never some.
 */
export async function copyRowsInTransaction(tables: { table: string; columns: string[]; rows: unknown[][] }[]): Promise<void> {
  const { from } = await import("pg-copy-streams");
  const { pipeline } = await import("node:stream/promises");
  const { Readable } = await import("node:stream");
  await withPgTransaction(async (client) => {
    for (const { table, columns, rows } of tables) {
      if (rows.length === 0) continue;
      const started = Date.now();
      const stream = client.query(from(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
      // Batches of lines keep memory flat and the stream busy.
      async function* lines() {
        const BATCH = 2_000;
        for (let i = 0; i < rows.length; i += BATCH) {
          yield rows.slice(i, i + BATCH).map((row) => row.map(copyField).join("\t")).join("\n") + "\n";
        }
      }
      await pipeline(Readable.from(lines()), stream);
      if (process.env.LAYERS_PROFILE) console.log(`[copy] ${table} ${rows.length} rows in ${Date.now() - started} ms`);
    }
  });
}
