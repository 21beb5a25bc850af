// `npm run db:migrate`: apply pending migrations (idempotent) and say what was applied.
import { applyPendingMigrations } from "@/lib/db/migrations";
import { resolveDatabase } from "@/lib/db/resolve";

const db = await resolveDatabase({ quiet: true });
try {
  const result = await applyPendingMigrations(db.url);
  if (result.applied.length === 0) console.log(`Database is up to date (${result.alreadyApplied} migrations applied earlier).`);
  else for (const name of result.applied) console.log(`Applied migration ${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
