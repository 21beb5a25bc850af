import { describe, expect, it } from "vitest";
import { assertDatabaseReachable, maskDatabaseUrl } from "./resolve";

describe("database resolution", () => {
  it("masks the password in a connection string", () => {
    expect(maskDatabaseUrl("postgresql://layers:s3cret@db.example.com:5432/layers")).toBe("postgresql://layers:****@db.example.com:5432/layers");
    expect(maskDatabaseUrl("postgresql://db.example.com/layers")).toBe("postgresql://db.example.com/layers");
  });

  it("fails with the masked URL and the reason when the database cannot be reached", async () => {
    const error = await assertDatabaseReachable("postgresql://layers:s3cret@127.0.0.1:1/layers").catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("postgresql://layers:****@127.0.0.1:1/layers");
    expect((error as Error).message).not.toContain("s3cret");
    expect((error as Error).message).toMatch(/ECONNREFUSED|connect/);
  });

  it("accepts the test database", async () => {
    await expect(assertDatabaseReachable(process.env.DATABASE_URL!)).resolves.toBeUndefined();
  });
});
