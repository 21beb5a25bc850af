// `npm run db:seed`: migrate, then create the demo organisation unless it exists (re-running changes nothing).
import { applyPendingMigrations } from "@/lib/db/migrations";
import { resolveDatabase } from "@/lib/db/resolve";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed-demo";

const database = await resolveDatabase({ quiet: true });
try {
  await applyPendingMigrations(database.url);
  const seeded = await seedDemo(database.url);
  console.log(seeded ? "Seeded Acme Games / Puzzle Quest." : "Demo data already present: nothing changed.");
  console.log(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
