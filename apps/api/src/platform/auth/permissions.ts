// What each role may do. A role is held over an organisation and applies to its whole subtree.
import type { Permission, Role } from "@namro/contracts";

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: [
    "org.read",
    "org.restructure",
    "account.manage",
    "audit.read",
    "org_type.manage",
    "member.read",
    "member.manage",
    "member.sensitive",
    "document.read",
    "document.manage",
    "document.confidential",
    "document_type.manage",
  ],
  committee_leader: ["org.read", "member.read", "member.sensitive", "document.read", "document.confidential"],
  committee_staff: [
    "org.read",
    "org.restructure",
    "member.read",
    "member.manage",
    "member.sensitive",
    "document.read",
    "document.manage",
    "document.confidential",
  ],
  cell_secretary: ["org.read", "member.read", "member.manage", "document.read", "document.manage"],
  member: ["org.read", "document.read"],
};
