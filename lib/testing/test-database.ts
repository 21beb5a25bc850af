// A fresh database per test run: on DATABASE_URL's server when set, else on an embedded server under .data/.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyPendingMigrations } from "@/lib/db/migrations";

export interface TestDatabase {
  url: string;
  cleanup(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(label: string, options: { migrate?: boolean; keep?: boolean } = {}): Promise<TestDatabase> {
  const name = `layers_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (external) {
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url = withDatabase(external, name);
    cleanup = async () => {
      if (options.keep) return;
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const server = await startEmbeddedPostgres({ dataDir: `.data/pg-${label}`, port: 55432, quiet: true });
    await server.createDatabase(name);
    url = server.url(name);
    cleanup = async () => {
      if (!options.keep) await server.dropDatabase(name).catch(() => {});
      await server.stop();
    };
  }
  if (options.migrate !== false) await applyPendingMigrations(url);
  return { url, cleanup };
}
