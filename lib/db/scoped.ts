// Job code reads the process-wide clients (lib/db), which follow DATABASE_URL. Scripts that work on a database of
// their own (the seed, the benchmark) point those clients at it for the duration, then close them and restore.
import { closePgPool } from "./bulk";
import { closeDb } from "./client";

export async function withProcessDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return await work();
  } finally {
    await Promise.all([closeDb(), closePgPool()]);
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
