import { createTestDatabase } from "@/lib/testing/test-database";
const d = await createTestDatabase("prof", { keep: true });
process.env.DATABASE_URL = d.url;
const m = await import("./bench-optimizer");
await m.seedBench(d.url, Number(process.argv[2] ?? 100000), new Date());
console.log("URL", d.url);
process.exit(0);
