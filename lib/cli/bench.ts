// `npm run bench`: speed targets live here, never in timed unit tests.
import { existsSync } from "node:fs";
import { benchOptimizer } from "./bench-optimizer";

async function main() {
  const optimizer = await benchOptimizer();
  let ok = optimizer.cycleMs < 10_000 && optimizer.ratio <= 3;
  console.log(`targets: cycle < 10 s ${optimizer.cycleMs < 10_000 ? "✔" : "✖"}, within 3× of the plain aggregation ${optimizer.ratio <= 3 ? "✔" : "✖"}`);
  if (existsSync("lib/cli/bench-ingest.ts") && process.env.BENCH_SKIP_INGEST !== "1") {
    const ingest = await import("./bench-ingest");
    if (typeof ingest.main === "function") ok = (await ingest.main()) === 0 && ok;
  }
  process.exit(ok ? 0 : 1);
}

void main();
