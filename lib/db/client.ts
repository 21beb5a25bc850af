// The one Prisma client of the process, over adapter-pg (TCP) for both the embedded and an external PostgreSQL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { layersPrisma?: PrismaClient; layersPrismaUrl?: string };

export function createDb(url: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

// Cached on globalThis in production too: Next bundles instrumentation, proxy and routes separately,
// and a module-level singleton would open one pool per bundle.
export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
  if (!globalForPrisma.layersPrisma || globalForPrisma.layersPrismaUrl !== url) {
    globalForPrisma.layersPrisma = createDb(url);
    globalForPrisma.layersPrismaUrl = url;
  }
  return globalForPrisma.layersPrisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = client[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Closes the process-wide client (tests that drop their database, scripts that exit). */
export async function closeDb(): Promise<void> {
  const client = globalForPrisma.layersPrisma;
  globalForPrisma.layersPrisma = undefined;
  await client?.$disconnect();
}
