import { describe, expect, it } from "vitest";
import { actorLabel, formatRunwayDays, parseMoneyInput, toMajorInput } from "./wallet-format";

describe("wallet display helpers", () => {
  it("parses typed amounts into minor units and refuses the rest", () => {
    expect(parseMoneyInput("100")).toBe(10_000);
    expect(parseMoneyInput("$1,250.5")).toBe(125_050);
    expect(parseMoneyInput("-20.25")).toBe(-2_025);
    expect(parseMoneyInput("12.345")).toBeNull();
    expect(parseMoneyInput("ten")).toBeNull();
    expect(parseMoneyInput("")).toBeNull();
    expect(toMajorInput(500_000)).toBe("5000");
    expect(toMajorInput(1_050)).toBe("10.50");
  });

  it("names who or what made an entry", () => {
    expect(actorLabel("user", "u1", "Adam Admin")).toBe("Adam Admin");
    expect(actorLabel("ad_platform", "meta", null)).toBe("Meta Ads (spend sync)");
    expect(actorLabel("system", "auto-top-up", null)).toBe("Auto top-up (system)");
  });

  it("shows runway days readably", () => {
    expect(formatRunwayDays(null)).toBe("No recent spend");
    expect(formatRunwayDays(4.157)).toBe("4.2 days");
    expect(formatRunwayDays(0)).toBe("0 days — empty");
    expect(formatRunwayDays(21.6)).toBe("22 days");
  });
});
