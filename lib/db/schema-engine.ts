// Prisma's migration engine compiled to wasm, driven through adapter-pg (the native engine cannot be downloaded here).
// Only `diff` between two schema datamodels is used: it reads nothing from the database it connects to.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

type EngineModule = { SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<WasmSchemaEngine> } };
let engineModule: Promise<EngineModule> | undefined;

// The wasm bindings keep module-level state: instantiate once per process.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule(): Promise<EngineModule> {
  const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void; message?: string } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      this.message = message;
    },
  };
  const bgModule = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(bgModule);
  const bindings = await import(pathToFileURL(bgModule).href);
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings as EngineModule;
}

/** SQL that turns the datamodel `from` into `to` ("" for no change); `from` null means an empty database. */
export async function diffDatamodels(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const target = (content: string | null) =>
      content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    engine.free();
  }
}
