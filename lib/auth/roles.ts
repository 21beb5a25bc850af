// Pure role logic: who may do what. Viewer reads; marketer approves creatives and sets overrides;
// admin pauses layers, edits budgets and keys; owner manages members.
export type Role = "owner" | "admin" | "marketer" | "viewer";

const RANK: Record<Role, number> = { viewer: 0, marketer: 1, admin: 2, owner: 3 };

export type Capability =
  | "read"
  | "creative.approve"
  | "creative.override"
  | "creative.upload"
  | "layer.pause"
  | "layer.run"
  | "layer.connect"
  | "budget.edit"
  | "apikey.manage"
  | "proposal.decide"
  | "wallet.manage"
  | "org.emergency_stop"
  | "project.settings"
  | "members.manage";

export const REQUIRED_ROLE: Record<Capability, Role> = {
  read: "viewer",
  "creative.approve": "marketer",
  "creative.override": "marketer",
  "creative.upload": "marketer",
  "proposal.decide": "marketer",
  "layer.run": "marketer",
  "layer.pause": "admin",
  "layer.connect": "admin",
  "budget.edit": "admin",
  "apikey.manage": "admin",
  "wallet.manage": "admin",
  "org.emergency_stop": "admin",
  "project.settings": "admin",
  "members.manage": "owner",
};

export function roleAllows(role: Role, capability: Capability): boolean {
  return RANK[role] >= RANK[REQUIRED_ROLE[capability]];
}
