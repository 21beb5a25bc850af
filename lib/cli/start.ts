// `npm start`: database (embedded unless DATABASE_URL) → migrations → demo seed on an empty database → build if
// stale → `next start`. Stops the embedded server cleanly when the app exits.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { maskDatabaseUrl, resolveDatabase } from "@/lib/db/resolve";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed-demo";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const SOURCE_DIRS = ["app", "components", "lib", "inngest", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "proxy.ts", "instrumentation.ts", "prisma/schema.prisma"];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  SOURCE_DIRS.forEach(walk);
  for (const file of SOURCE_FILES) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function authSecret(embedded: boolean): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!embedded) {
    console.error("AUTH_SECRET is not set. Set AUTH_SECRET to a long random string (e.g. `openssl rand -base64 33`) when using an external DATABASE_URL.");
    process.exit(1);
  }
  // The embedded demo keeps a generated secret beside its data, so sessions survive restarts.
  const file = ".data/auth-secret";
  mkdirSync(".data", { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const database = await resolveDatabase({ quiet: true }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  const secret = authSecret(database.embedded !== null);
  const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: port };
  process.env.DATABASE_URL = database.url;
  let child: ReturnType<typeof spawn> | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child?.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  try {
    const migrated = await applyPendingMigrations(database.url);
    for (const name of migrated.applied) console.log(`Applied migration ${name}`);
    const seeded = await seedDemo(database.url, { ifEmpty: true });
    console.log(seeded ? "Seeded the demo organisation Acme Games." : "Database already has data; seed skipped.");
    if (!dev) {
      const buildId = ".next/BUILD_ID";
      if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime()) {
        console.log("Building the app (first start or sources changed)…");
        const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
        if (build.status !== 0) throw new Error("next build failed");
      }
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
  console.log(`\nLayers is starting on http://localhost:${port}  (database ${maskDatabaseUrl(database.url)})`);
  console.log("Demo logins (password for all: " + DEMO_PASSWORD + "):");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
  child = spawn("npx", ["next", dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });
  child.on("exit", (code) => void stop(code ?? 0));
}

void main();
