import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("int");
  project.provide("databaseUrl", database.url);
  process.env.DATABASE_URL = database.url;
  return () => database.cleanup();
}
