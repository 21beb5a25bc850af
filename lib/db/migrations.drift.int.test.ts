// schema.prisma and the migrations folder must agree: every migration's SQL is exactly the diff between the
// schema snapshots around it, and the last snapshot is the current schema.
import { readFileSync } from "node:fs";
import { inject, describe, expect, it } from "vitest";
import { listMigrations } from "./migrations";
import { diffDatamodels } from "./schema-engine";

const normalize = (sql: string) => sql.replace(/\s+/g, " ").trim();

describe("migrations drift", () => {
  const migrations = listMigrations();

  it("has at least one migration, each with its schema snapshot", () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) expect(migration.snapshot, `${migration.name} has no schema.prisma snapshot`).not.toBeNull();
  });

  it("matches schema.prisma: no model change without a migration (run `npm run db:migration -- <name>`)", async () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const pending = await diffDatamodels(inject("databaseUrl"), migrations.at(-1)!.snapshot, schema);
    expect(pending, `schema.prisma has changes no migration contains:\n${pending}`).toBe("");
  });

  it("has migration SQL that is exactly the diff between consecutive snapshots (no hand edits)", async () => {
    let previous: string | null = null;
    for (const migration of migrations) {
      const expected = await diffDatamodels(inject("databaseUrl"), previous, migration.snapshot!);
      expect(normalize(migration.sql), `${migration.name}/migration.sql differs from its snapshot diff`).toBe(normalize(expected));
      previous = migration.snapshot;
    }
  });
});
