// Ingest benchmark: POST /api/v1/events on the built app under autocannon, then count rows to prove nothing was
// lost or stored twice. `npx tsx lib/cli/bench-ingest.ts` (or via `npm run bench`).
//   BASE_URL unset: a fresh database and `next start` on a free port (built first if needed), with the per-key rate
//     limit raised so the route, not the limiter, is measured.
//   BASE_URL set: that server; DATABASE_URL must be its database (a throwaway project is created, then deleted).
//   BENCH_BATCH_SECONDS (15), BENCH_SINGLE_SECONDS (10), BENCH_CONNECTIONS (10) tune the runs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import pg from "pg";
import { generateApiKey } from "@/lib/events/api-key";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

interface Histogram { p50: number; p99: number; average: number }
interface AutocannonResult { latency: Histogram; requests: Histogram & { total: number }; duration: number; errors: number; timeouts: number; non2xx: number }
interface BenchRequest {
  method: string; path: string; headers: Record<string, string>;
  setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: BenchRequest[] }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const TARGET_EVENTS_PER_SEC = 5_000;

interface RunStats {
  label: string; batch: number; connections: number; result: AutocannonResult;
  accepted: number; duplicate: number; rejected: number; status429: number; otherStatus: number;
}

let counter = 0;
const runTag = randomBytes(4).toString("hex");
// Unique, valid v4-shaped UUIDs without the cost of crypto per event: the client shares the 2 cores with the server.
const nextEventId = () => {
  const n = (++counter).toString(16).padStart(12, "0");
  return `${runTag}-0000-4000-8000-${n}`;
};

function batchBody(size: number, ids: string[]): string {
  const timestamp = new Date().toISOString();
  const events: string[] = [];
  for (let i = 0; i < size; i++) {
    const id = nextEventId();
    ids.push(id);
    events.push(`{"event":"app_open","event_id":"${id}","timestamp":"${timestamp}","app_id":"bench.app","environment":"production","platform":"ios","app_user_id":"u${counter % 5000}","utm_source":"meta","properties":{"level":${counter % 50}}}`);
  }
  return size === 1 ? events[0] : `{"events":[${events.join(",")}]}`;
}

async function drive(baseUrl: string, key: string, label: string, batch: number, seconds: number, connections: number, accepted: Set<string>, replay: string[]): Promise<RunStats> {
  const stats = { accepted: 0, duplicate: 0, rejected: 0, status429: 0, otherStatus: 0 };
  const result = await autocannon({
    url: baseUrl, connections, duration: seconds,
    requests: [{
      method: "POST", path: "/api/v1/events", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      setupRequest: (req, context) => {
        const ids: string[] = [];
        const body = batchBody(batch, ids);
        context.ids = ids;
        if (batch > 1 && replay.length < 50) replay.push(body);
        return { ...req, body };
      },
      onResponse: (status, body) => {
        if (status === 429) return void stats.status429++;
        if (status !== 202) return void stats.otherStatus++;
        const parsed = JSON.parse(body) as { accepted: number; duplicate: number; rejected: number; results: { event_id: string; status: string }[] };
        stats.accepted += parsed.accepted;
        stats.duplicate += parsed.duplicate;
        stats.rejected += parsed.rejected;
        for (const r of parsed.results) if (r.status === "accepted") accepted.add(r.event_id);
      },
    }],
  });
  return { label, batch, connections, result, ...stats };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function startApp(databaseUrl: string): Promise<{ baseUrl: string; server: ChildProcess }> {
  if (!existsSync(".next/BUILD_ID") || !existsSync(".next/server/app/api/v1/events/route.js")) {
    console.log("Building the app for the ingest benchmark…");
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1", LAYERS_SCHEDULER: "off", LAYERS_INGEST_RATE_PER_SEC: "1000000", LAYERS_INGEST_BURST: "2000000",
  };
  const server = spawn("npx", ["next", "start", "-p", String(port)], { stdio: ["ignore", "ignore", "inherit"], env, detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/signin`, 60_000);
  return { baseUrl, server };
}

export async function main(): Promise<number> {
  let database: TestDatabase | null = null;
  let server: ChildProcess | null = null;
  try {
    if (process.env.BASE_URL) {
      if (!process.env.DATABASE_URL) throw new Error("With BASE_URL, set DATABASE_URL to that server's database (rows are counted there).");
      return await measure(process.env.BASE_URL, process.env.DATABASE_URL);
    }
    database = await createTestDatabase("bench_ingest");
    const app = await startApp(database.url);
    server = app.server;
    return await measure(app.baseUrl, database.url);
  } finally {
    if (server?.pid) try { process.kill(-server.pid, "SIGTERM"); } catch { /* already gone */ }
    await database?.cleanup();
  }
}

async function measure(baseUrl: string, databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const projectId = `bench-ingest-${runTag}`;
  try {
    const key = generateApiKey("live", randomBytes);
    await pool.query(`INSERT INTO "Org" (id, name, slug) VALUES ($1, 'Ingest bench', $1)`, [projectId]);
    await pool.query(`INSERT INTO "Project" (id, "orgId", name, slug) VALUES ($1, $1, 'Ingest bench', 'ingest-bench')`, [projectId]);
    await pool.query(`INSERT INTO "ApiKey" (id, "projectId", name, prefix, "keyId", "secretHash") VALUES ($1, $1, 'bench', $2, $3, $4)`, [projectId, key.prefix, key.keyId, key.hash]);

    const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
    const accepted = new Set<string>();
    const replay: string[] = [];
    const warmUp = await drive(baseUrl, key.plaintext, "warm-up", 100, 2, 2, accepted, []);
    const runs = [
      await drive(baseUrl, key.plaintext, "batches of 100", 100, Number(process.env.BENCH_BATCH_SECONDS ?? 15), connections, accepted, replay),
      await drive(baseUrl, key.plaintext, "batches of 1", 1, Number(process.env.BENCH_SINGLE_SECONDS ?? 10), connections, accepted, replay),
    ];
    // Retries must not double-count: resend 50 stored batches, each 3 times at once.
    const retried = await Promise.all(replay.flatMap((body) => [1, 2, 3].map(() =>
      fetch(`${baseUrl}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key.plaintext}`, "content-type": "application/json" }, body })
        .then((r) => r.json() as Promise<{ accepted: number }>))));
    const acceptedOnRetry = retried.reduce((sum, r) => sum + (r.accepted ?? 0), 0);

    const counts = (await pool.query<{ rows: string; distinct_ids: string; matched: string }>(
      `SELECT count(*) AS rows, count(DISTINCT "eventId") AS distinct_ids, count(*) FILTER (WHERE "eventId" = ANY($2::uuid[])) AS matched
       FROM "SdkEvent" WHERE "projectId" = $1`, [projectId, [...accepted]])).rows[0];
    const rows = Number(counts.rows);
    const matched = Number(counts.matched);
    const acceptedAnswers = [warmUp, ...runs].reduce((sum, r) => sum + r.accepted, 0);
    // Lost: answered "accepted" but not stored. Doubled: one id accepted twice, two rows for one id, or a retry accepted.
    const lost = accepted.size - matched;
    const doubled = acceptedAnswers - accepted.size + (rows - Number(counts.distinct_ids)) + acceptedOnRetry;
    // Requests still in flight when autocannon stopped may have been stored without their answer being read.
    const unanswered = rows - matched;

    console.log(`\nIngest benchmark — POST /api/v1/events on ${baseUrl} (${connections} connections)`);
    console.table(runs.map((r) => ({
      run: r.label,
      "events/s": Math.round(r.accepted / r.result.duration),
      "requests/s": Math.round(r.result.requests.average),
      "p50 ms": r.result.latency.p50,
      "p99 ms": r.result.latency.p99,
      "HTTP 202": r.result.requests.total - r.status429 - r.otherStatus - r.result.errors - r.result.timeouts,
      "HTTP 429": r.status429,
      "other/errors": r.otherStatus + r.result.errors + r.result.timeouts,
      accepted: r.accepted,
      "dup/rejected": r.duplicate + r.rejected,
    })));
    console.table([{ "accepted (202 answers)": accepted.size, "rows stored": rows, "stored, answer not read": unanswered, "accepted on retry": acceptedOnRetry, lost, "double-counted": doubled }]);
    const batchRate = runs[0].accepted / runs[0].result.duration;
    console.log(`target: ≥ ${TARGET_EVENTS_PER_SEC} events/s in batches of 100 ${batchRate >= TARGET_EVENTS_PER_SEC ? "✔" : "✖"} · zero lost ${lost === 0 ? "✔" : "✖"} · zero doubled ${doubled === 0 ? "✔" : "✖"}`);
    if (accepted.size === 0) return 1; // nothing measured
    return lost === 0 && doubled === 0 ? 0 : 1;
  } finally {
    await pool.query(`DELETE FROM "Org" WHERE id = $1`, [projectId]).catch(() => {});
    await pool.end();
  }
}

if (process.argv[1]?.endsWith("bench-ingest.ts")) main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
