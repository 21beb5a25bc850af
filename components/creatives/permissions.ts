// What the signed-in role may do in the library; the server enforces the same matrix, this only shapes the UI.
import { REQUIRED_ROLE, roleAllows, type Capability, type Role } from "@/lib/auth/roles";

export interface LibraryPermissions {
  role: Role;
  approve: boolean;
  override: boolean;
  upload: boolean;
  settings: boolean;
}

export function libraryPermissions(role: Role): LibraryPermissions {
  return {
    role,
    approve: roleAllows(role, "creative.approve"),
    override: roleAllows(role, "creative.override"),
    upload: roleAllows(role, "creative.upload"),
    settings: roleAllows(role, "project.settings"),
  };
}

/** The server's FORBIDDEN wording, shown up front instead of after a refused click. */
export function deniedMessage(role: Role, capability: Capability): string {
  return `Your role (${role}) cannot do this; it needs ${REQUIRED_ROLE[capability]} or above.`;
}
