import { describe, expect, it } from "vitest";
import { decideCycle } from "./decide";
import { NOW, burner, cycleInput, entity, siblings } from "./test-support";
import { buildDateIndex, computeWindows } from "./windows";

describe("decideCycle", () => {
  it("defaults to the full cycle mode and reports the scoring version", () => {
    const result = decideCycle(cycleInput(siblings()));
    expect(result.mode).toBe("cycle");
    expect(result.scoringVersion).toBe("perf-v1");
  });

  it("uses precomputed windows (aggregated by the database) instead of daily rows when given", () => {
    const source = burner("b", 6_000);
    const precomputed = computeWindows(source.metrics, buildDateIndex(NOW));
    const fromRows = decideCycle(cycleInput([source, ...siblings()]));
    const fromWindows = decideCycle(cycleInput([entity({ ...source, metrics: [], precomputed }), ...siblings()]));
    expect(fromWindows.decisions[0]).toEqual(fromRows.decisions[0]);
    expect(fromWindows.decisions[0]).toMatchObject({ classification: "CRITICAL", action: "pause", status: "approved" });
  });

  it("handles an empty layer", () => {
    expect(decideCycle(cycleInput([]))).toMatchObject({ decisions: [], summary: { approved: 0, rejected: 0, pauses: 0, actions: 0 } });
  });

  it("does not mutate its input", () => {
    const input = cycleInput([burner("b", 6_000), ...siblings()]);
    const before = JSON.stringify(input);
    decideCycle(input, { mode: "refresh" });
    decideCycle(input, { mode: "watchdog" });
    decideCycle(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
