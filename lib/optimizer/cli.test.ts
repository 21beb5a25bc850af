// Spawns the real CLI (`npx tsx lib/cli/index.ts optimize --input …`) on the fixtures and checks
// the contract: one JSON document on stdout, one decision per input entity, money in major units,
// invalid input -> non-zero exit, the bad field path on stderr and nothing on stdout.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = "lib/optimizer/fixtures";

function cli(...args: string[]) {
  const out = spawnSync("npx", ["tsx", "lib/cli/index.ts", "optimize", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

interface CliDecision {
  entityId: string;
  classification: string;
  score: number | null;
  action: string;
  status: string;
  from?: number;
  to?: number;
  reasons: string[];
  sentence: string;
}
interface CliOutput {
  scoringVersion: string;
  decisions: CliDecision[];
  summary: { approved: number; rejected: number; pauses: number; actions: number };
}

function parse(stdout: string): CliOutput {
  return JSON.parse(stdout) as CliOutput;
}

function checkContract(file: string, output: CliOutput) {
  const input = JSON.parse(readFileSync(`${ROOT}${FIXTURES}/${file}`, "utf8")) as { entities: { id: string }[] };
  expect(output.scoringVersion).toBe("perf-v1");
  expect(output.decisions.map((d) => d.entityId)).toEqual(input.entities.map((e) => e.id));
  for (const d of output.decisions) {
    expect(["TOO_YOUNG", "LEARNING_PHASE", "TOP_PERFORMER", "HEALTHY", "UNDERPERFORMING", "FATIGUED", "CRITICAL"]).toContain(d.classification);
    expect(["hold", "pause", "budget", "bid"]).toContain(d.action);
    expect(["none", "approved", "rejected"]).toContain(d.status);
    expect(d.score === null || (typeof d.score === "number" && d.score >= 0 && d.score <= 100)).toBe(true);
    expect(Array.isArray(d.reasons)).toBe(true);
  }
  const approved = output.decisions.filter((d) => d.status === "approved");
  expect(output.summary).toEqual({
    approved: approved.length,
    rejected: output.decisions.filter((d) => d.status === "rejected").length,
    pauses: approved.filter((d) => d.action === "pause").length,
    actions: approved.length,
  });
}

const byId = (o: CliOutput, id: string) => o.decisions.find((d) => d.entityId === id)!;

describe("layers optimize (CLI)", { timeout: 60_000 }, () => {
  it("meta-cycle.json: pauses burners, scales a top adset (major units, clamped), explains rejections", () => {
    const { code, stdout } = cli("--input", `${FIXTURES}/meta-cycle.json`);
    expect(code).toBe(0);
    const out = parse(stdout);
    checkContract("meta-cycle.json", out);
    expect(byId(out, "ad-burner")).toMatchObject({ classification: "CRITICAL", action: "pause", status: "approved" });
    expect(byId(out, "ad-hook3")).toMatchObject({
      classification: "FATIGUED",
      action: "pause",
      status: "approved",
      sentence: "CPA exceeds target by 167% over a 7d window with high frequency.",
    });
    expect(byId(out, "as-top")).toMatchObject({ action: "budget", status: "approved", from: 300, to: 400 });
    expect(byId(out, "as-top").reasons).toContain("BUDGET_CLAMPED");
    expect(byId(out, "ad-young")).toMatchObject({ classification: "TOO_YOUNG", status: "rejected", sentence: "Entity too young (2d < 3d minimum)." });
    expect(byId(out, "ad-learning").reasons).toContain("PROTECTED_CLASS");
    expect(byId(out, "ad-solo-burner").reasons).toContain("LAST_ACTIVE_CHILD");
    expect(byId(out, "ad-old-paused")).toMatchObject({ action: "hold", status: "none" });
  });

  it("--mode watchdog only pauses $50+ spent with 0 installs", () => {
    const { code, stdout } = cli("--input", `${FIXTURES}/meta-cycle.json`, "--mode", "watchdog");
    expect(code).toBe(0);
    const out = parse(stdout);
    checkContract("meta-cycle.json", out);
    expect(out.decisions.filter((d) => d.status === "approved").map((d) => d.entityId)).toEqual(["ad-burner"]);
  });

  it("apple-keywords.json: bid changes in major units, cooldown respected", () => {
    const { code, stdout } = cli("--input", `${FIXTURES}/apple-keywords.json`);
    expect(code).toBe(0);
    const out = parse(stdout);
    checkContract("apple-keywords.json", out);
    expect(byId(out, "kw-brand")).toMatchObject({ action: "bid", status: "approved", from: 1.5, to: 1.88 });
    expect(byId(out, "kw-burner")).toMatchObject({ action: "pause", status: "approved" });
    expect(byId(out, "kw-cooldown")).toMatchObject({ status: "rejected" });
    expect(byId(out, "kw-cooldown").reasons).toContain("COOLDOWN");
  });

  it("stale-layer.json: the whole cycle holds with STALE_DATA", () => {
    const { code, stdout } = cli("--input", `${FIXTURES}/stale-layer.json`);
    expect(code).toBe(0);
    const out = parse(stdout);
    checkContract("stale-layer.json", out);
    for (const d of out.decisions) expect([d.action, d.status, d.reasons.includes("STALE_DATA")]).toEqual(["hold", "none", true]);
    expect(out.summary).toEqual({ approved: 0, rejected: 0, pauses: 0, actions: 0 });
  });

  it("invalid input: exit 1, the bad field path on stderr, nothing on stdout", () => {
    const { code, stdout, stderr } = cli("--input", `${FIXTURES}/invalid-created-at.json`);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("entities[2].createdAt: Invalid ISO datetime");
  });

  it("an unknown --mode is rejected with a non-zero exit and nothing on stdout", () => {
    const { code, stdout, stderr } = cli("--input", `${FIXTURES}/meta-cycle.json`, "--mode", "refresh-all");
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("--mode");
  });

  it("a missing or unreadable input file is a non-zero exit with nothing on stdout", () => {
    const noArgs = cli();
    expect(noArgs.code).not.toBe(0);
    expect(noArgs.stdout).toBe("");
    const missing = cli("--input", `${FIXTURES}/does-not-exist.json`);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
  });
});
