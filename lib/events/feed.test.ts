import { describe, expect, it } from "vitest";
import { eventsPerHourComparison } from "./feed";

describe("eventsPerHourComparison", () => {
  it("compares each hour with the same hour last week and flags drops/spikes", () => {
    const r = eventsPerHourComparison([100, 40, 0, 250, 5], [100, 100, 20, 100, 0]);
    expect(r.hours.map((h) => h.deltaPct)).toEqual([0, -60, -100, 150, null]);
    expect(r.hours.map((h) => h.flag)).toEqual([null, "drop", "drop", "spike", null]);
    expect(r.dropHours).toEqual([1, 2]);
    expect(r.spikeHours).toEqual([3]);
    expect(r.totals).toEqual({ thisWeek: 395, lastWeek: 320, delta: 75, deltaPct: 23.4375 });
  });

  it("boundaries: exactly −50% is a drop, −49% is not; small baselines are not judged", () => {
    expect(eventsPerHourComparison([50], [100]).hours[0].flag).toBe("drop");
    expect(eventsPerHourComparison([51], [100]).hours[0].flag).toBeNull();
    expect(eventsPerHourComparison([200], [100]).hours[0].flag).toBe("spike");
    expect(eventsPerHourComparison([0], [9]).hours[0].flag).toBeNull();
    expect(eventsPerHourComparison([0], [9], { minBaseline: 5 }).hours[0].flag).toBe("drop");
  });

  it("partial current week: totals only over hours present in both", () => {
    const r = eventsPerHourComparison([10, 10], [10, 10, 1000]);
    expect(r.hours).toHaveLength(2);
    expect(r.totals).toEqual({ thisWeek: 20, lastWeek: 20, delta: 0, deltaPct: 0 });
    const longer = eventsPerHourComparison([1, 2, 3], [1]);
    expect(longer.hours[2]).toEqual({ index: 2, thisWeek: 3, lastWeek: null, delta: null, deltaPct: null, flag: null });
    expect(longer.totals.thisWeek).toBe(1);
  });

  it("rejects negative or non-finite counts", () => {
    expect(() => eventsPerHourComparison([-1], [1])).toThrow(RangeError);
    expect(() => eventsPerHourComparison([1], [Number.NaN])).toThrow(RangeError);
  });
});
