import { inject } from "vitest";

// Workers read the per-run database from the global setup, whatever DATABASE_URL the shell had.
process.env.DATABASE_URL = inject("databaseUrl");
