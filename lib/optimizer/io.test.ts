import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decideCycle } from "./decide";
import { parseOptimizerInput, resultToJson } from "./io";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

function withEntity(patch: Record<string, unknown>, index = 0): unknown {
  const doc = fixture("meta-cycle.json") as { entities: Record<string, unknown>[] };
  doc.entities[index] = { ...doc.entities[index], ...patch };
  return doc;
}

describe("parseOptimizerInput", () => {
  it("converts money from major to minor units and ISO strings to Dates", () => {
    const parsed = parseOptimizerInput(fixture("meta-cycle.json"));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const { input } = parsed;
    expect(input.now.toISOString()).toBe("2026-04-19T06:00:00.000Z");
    expect(input.settings.targetCpaMinor).toBe(1_200);
    const adset = input.entities.find((e) => e.id === "as-top")!;
    expect(adset.dailyBudgetMinor).toBe(30_000);
    expect(adset.metrics[0].spendMinor).toBe(8_000);
  });

  it("rounds fractional cents of major amounts (0.1 + 0.2 style inputs)", () => {
    const parsed = parseOptimizerInput(withEntity({ dailyBudget: 12.345, bid: 0.3 }));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect([parsed.input.entities[0].dailyBudgetMinor, parsed.input.entities[0].bidMinor]).toEqual([1_235, 30]);
  });

  it("names the bad field path", () => {
    const cases: [unknown, string][] = [
      [fixture("invalid-created-at.json"), "entities[2].createdAt: Invalid ISO datetime"],
      [withEntity({ level: "creative" }), "entities[0].level:"],
      [withEntity({ metrics: [{ date: "2026-13-01", spend: 1, impressions: 1, clicks: 0, installs: 0 }] }), "entities[0].metrics[0].date: Invalid ISO date"],
      [withEntity({ metrics: [{ date: "2026-04-01", spend: -1, impressions: 1, clicks: 0, installs: 0 }] }), "entities[0].metrics[0].spend:"],
      [withEntity({ metrics: [{ date: "2026-04-01", spend: 1, impressions: 1.5, clicks: 0, installs: 0 }] }), "entities[0].metrics[0].impressions:"],
      [withEntity({ actions: [{ type: "delete", at: "2026-04-01T00:00:00Z" }] }), "entities[0].actions[0].type:"],
      [withEntity({ id: "as-top" }, 0), "entities[1].id: duplicate entity id"],
      [{ ...(fixture("meta-cycle.json") as object), now: "tomorrow" }, "now: Invalid ISO datetime"],
    ];
    for (const [raw, message] of cases) {
      const parsed = parseOptimizerInput(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors.join("\n")).toContain(message);
    }
  });

  it("accepts offsets in ISO datetimes and a null lastSyncAt / targetCpa", () => {
    const doc = fixture("meta-cycle.json") as Record<string, Record<string, unknown>>;
    doc.layer.lastSyncAt = null;
    doc.settings.targetCpa = null;
    doc.now = "2026-04-19T08:00:00+02:00" as never;
    const parsed = parseOptimizerInput(doc);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.input.now.toISOString()).toBe("2026-04-19T06:00:00.000Z");
  });
});

describe("resultToJson", () => {
  it("prints from/to in major units and only for budget/bid decisions", () => {
    const parsed = parseOptimizerInput(fixture("meta-cycle.json"));
    if (!parsed.ok) throw new Error("fixture invalid");
    const json = resultToJson(decideCycle(parsed.input));
    const budget = json.decisions.find((d) => d.entityId === "as-top")!;
    expect([budget.from, budget.to]).toEqual([300, 400]);
    const pause = json.decisions.find((d) => d.entityId === "ad-burner")!;
    expect("from" in pause || "to" in pause).toBe(false);
    expect(json.decisions).toHaveLength(parsed.input.entities.length);
  });
});
