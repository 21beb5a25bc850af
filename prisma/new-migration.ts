// `npm run db:migration -- <name>`: write the SQL that turns the schema as of the last migration into schema.prisma.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listMigrations, MIGRATIONS_DIR, SNAPSHOT_FILE } from "@/lib/db/migrations";
import { resolveDatabase } from "@/lib/db/resolve";
import { diffDatamodels } from "@/lib/db/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(2);
}
const migrations = listMigrations();
const last = migrations.at(-1);
if (last && last.snapshot === null) {
  console.error(`Migration ${last.name} has no ${SNAPSHOT_FILE} snapshot; cannot diff against it.`);
  process.exit(1);
}
const schema = readFileSync("prisma/schema.prisma", "utf8");
const db = await resolveDatabase({ quiet: true });
try {
  const sql = await diffDatamodels(db.url, last?.snapshot ?? null, schema);
  if (!sql) {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(folder, SNAPSHOT_FILE), schema);
    writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
  }
} finally {
  await db.stop();
}
