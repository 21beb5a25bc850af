// One way to reach the database: DATABASE_URL when set, else the embedded server under .data/.
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

export const EMBEDDED_DATA_DIR = ".data/pg";
export const EMBEDDED_DATABASE = "layers";

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return url.replace(/:\/\/([^:/@]+):[^@]*@/, "://$1:****@");
  }
}

export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`Cannot reach the database at ${maskDatabaseUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(options: { quiet?: boolean } = {}): Promise<ResolvedDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    await assertDatabaseReachable(fromEnv);
    return { url: fromEnv, embedded: null, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, quiet: options.quiet });
  await embedded.createDatabase(EMBEDDED_DATABASE);
  const url = embedded.url(EMBEDDED_DATABASE);
  return { url, embedded, stop: () => embedded.stop() };
}
