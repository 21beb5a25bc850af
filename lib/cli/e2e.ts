// `npm run test:e2e`: a fresh seeded database, the built app under `next start`, then Playwright in Debian's Chromium.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createDb } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { seedDemo } from "@/prisma/seed-demo";

const port = process.env.E2E_PORT ?? "3100";
const baseUrl = `http://localhost:${port}`;

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/signin`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer on ${url} within ${timeoutMs / 1000}s`);
}

async function main(): Promise<number> {
  const database = await createTestDatabase("e2e");
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await seedDemo(database.url);
    const db = createDb(database.url, 2);
    const acme = await db.project.findFirstOrThrow({ where: { slug: "puzzle-quest" }, select: { id: true } });
    await db.$disconnect();
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LAYERS_SCHEDULER: "off",
      BASE_URL: baseUrl,
      E2E_ACME_PROJECT_ID: acme.id,
    };
    if (process.env.E2E_SKIP_BUILD !== "1") {
      const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
      if (build.status !== 0) throw new Error("next build failed");
    }
    server = spawn("npx", ["next", "start", "-p", port], { stdio: ["ignore", "inherit", "inherit"], env, detached: true });
    await waitForServer(baseUrl, 60_000);
    const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
    return run.status ?? 1;
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await database.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
