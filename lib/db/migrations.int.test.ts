import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { applyPendingMigrations, listMigrations } from "./migrations";

describe("applyPendingMigrations", () => {
  it("applies every migration once, records it as Prisma does, and is idempotent", async () => {
    const database = await createTestDatabase("mig", { migrate: false });
    try {
      const first = await applyPendingMigrations(database.url);
      expect(first.applied).toEqual(listMigrations().map((m) => m.name));
      const second = await applyPendingMigrations(database.url);
      expect(second.applied).toEqual([]);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`);
      await client.end();
      expect(rows).toHaveLength(listMigrations().length);
      expect(rows[0].checksum).toBe(listMigrations()[0]!.checksum);
      expect(rows[0].finished_at).not.toBeNull();
    } finally {
      await database.cleanup();
    }
  });
});
