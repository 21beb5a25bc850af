import { describe, expect, it } from "vitest";
import { roleAllows, REQUIRED_ROLE, type Capability, type Role } from "./roles";

describe("roleAllows", () => {
  it("lets a viewer read but change nothing", () => {
    expect(roleAllows("viewer", "read")).toBe(true);
    const writes = (Object.keys(REQUIRED_ROLE) as Capability[]).filter((c) => c !== "read");
    for (const capability of writes) expect(roleAllows("viewer", capability)).toBe(false);
  });
  it("lets a marketer approve creatives and set overrides, but not pause layers or edit keys", () => {
    expect(roleAllows("marketer", "creative.approve")).toBe(true);
    expect(roleAllows("marketer", "creative.override")).toBe(true);
    expect(roleAllows("marketer", "layer.pause")).toBe(false);
    expect(roleAllows("marketer", "apikey.manage")).toBe(false);
  });
  it("lets an admin pause layers, edit budgets and keys, but not manage members", () => {
    for (const c of ["layer.pause", "budget.edit", "apikey.manage"] as Capability[]) expect(roleAllows("admin", c)).toBe(true);
    expect(roleAllows("admin", "members.manage")).toBe(false);
  });
  it("lets the owner do everything", () => {
    for (const c of Object.keys(REQUIRED_ROLE) as Capability[]) expect(roleAllows("owner" as Role, c)).toBe(true);
  });
});
