// `npm test`: typecheck, lint, unit, integration (real PostgreSQL), then the Playwright journeys. Stops at the first failure.
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", "."]],
  ["unit", ["npx", "vitest", "run", "--project", "unit"]],
  ["integration", ["npx", "vitest", "run", "--project", "integration"]],
  ["e2e", ["npx", "tsx", "lib/cli/e2e.ts"]],
];
const only = process.env.LAYERS_TEST_STEPS?.split(",");

for (const [name, [command, ...args]] of steps) {
  if (only && !only.includes(name)) continue;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
