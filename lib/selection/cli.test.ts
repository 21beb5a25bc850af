// Contract test for `layers select`: spawns the real CLI through tsx, as support tooling runs it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(root, "lib/selection/fixtures");
const TIMEOUT = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runSelect(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "lib/cli/index.ts", "select", ...args], { cwd: root, timeout: TIMEOUT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

function fixture(name: string): string {
  return join(fixtures, name);
}

function expected(name: string): unknown {
  return JSON.parse(readFileSync(fixture(name), "utf8"));
}

describe("layers select (CLI contract)", () => {
  it(
    "prints exactly one JSON document matching the expected selection",
    async () => {
      const run = await runSelect(["--input", fixture("basic.input.json")]);
      expect(run.status).toBe(0);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toEqual(expected("basic.expected.json"));
    },
    TIMEOUT,
  );

  it(
    "applies the default config (3/3/3/10/1) when config is omitted",
    async () => {
      const run = await runSelect([`--input=${fixture("defaults.input.json")}`]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(expected("defaults.expected.json"));
    },
    TIMEOUT,
  );

  it(
    "reads the input from stdin with --input -",
    async () => {
      const run = await runSelect(["--input", "-"], readFileSync(fixture("defaults.input.json"), "utf8"));
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(expected("defaults.expected.json"));
    },
    TIMEOUT,
  );

  it(
    "accepts partial config and returns only contract fields",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "layers-select-"));
      const file = join(dir, "partial.json");
      const input = JSON.parse(readFileSync(fixture("defaults.input.json"), "utf8")) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...input, config: { generatedSlots: 1 } }));
      const run = await runSelect(["--input", file]);
      expect(run.status).toBe(0);
      const output = JSON.parse(run.stdout) as { adsets: Record<string, unknown>[] };
      expect(output).toEqual({ adsets: [{ id: "a1", selected: ["g4", "u1"], skipped: null }], ineligible: [] });
      expect(Object.keys(output.adsets[0]).sort()).toEqual(["id", "selected", "skipped"]);
    },
    TIMEOUT,
  );

  it(
    "rejects an invalid pool naming the field path, with nothing on stdout",
    async () => {
      const run = await runSelect(["--input", fixture("invalid-pool.input.json")]);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("creatives[1].pool:");
    },
    TIMEOUT,
  );

  it(
    "reports every invalid field",
    async () => {
      const run = await runSelect(["--input", fixture("invalid-adset.input.json")]);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("adsets[0].activeAdCount:");
      expect(run.stderr).toContain("config.ugcSlots:");
    },
    TIMEOUT,
  );

  it(
    "rejects malformed JSON, a missing file and a missing --input",
    async () => {
      const [bad, missing, usage] = await Promise.all([
        runSelect(["--input", fixture("not-json.input.json")]),
        runSelect(["--input", fixture("does-not-exist.json")]),
        runSelect([]),
      ]);
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toMatch(/not valid JSON/);

      expect(missing.status).not.toBe(0);
      expect(missing.stdout).toBe("");

      expect(usage.status).toBe(2);
      expect(usage.stdout).toBe("");
      expect(usage.stderr).toMatch(/usage/);
    },
    TIMEOUT,
  );

  it(
    "rejects duplicate creative ids",
    async () => {
      const duplicated = {
        creatives: [
          { id: "a", pool: "ugc", organicScore: 5, override: null, safetyFailed: false, approval: "approved" },
          { id: "a", pool: "ugc", organicScore: 6, override: null, safetyFailed: false, approval: "approved" },
        ],
        adsets: [],
      };
      const run = await runSelect(["--input", "-"], JSON.stringify(duplicated));
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("creatives[1].id:");
    },
    TIMEOUT,
  );
});
