import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (embedded default): `prisma generate` must still work in builds.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
