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

export interface BulkColumn {
  name: string;
  /** PostgreSQL array type of the parameter, e.g. `text[]`, `int4[]`, `float8[]`. */
  arrayType: string;
  /** Expression turning the unnested value `v` into the column value, e.g. `v::jsonb`, `v::"Classification"`. */
  cast?: (v: string) => string;
}

const CHUNK = 20_000;

export async function bulkInsert(table: string, columns: BulkColumn[], rows: unknown[][], client?: pg.PoolClient): Promise<number> {
  if (rows.length === 0) return 0;
  const runner = client ?? getPgPool();
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.cast ? c.cast(`u.${aliases[i]}`) : `u.${aliases[i]}`)).join(", ");
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})
    SELECT ${select} FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.arrayType}`).join(", ")}) AS u(${aliases.join(", ")})
    ON CONFLICT DO NOTHING`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((_, i) => chunk.map((row) => row[i] ?? null));
    const result = await runner.query(sql, params);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

export async function closePgPool(): Promise<void> {
  const pool = globalForPg.layersPgPool;
  globalForPg.layersPgPool = undefined;
  await pool?.end();
}
