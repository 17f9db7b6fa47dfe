// Actor → Me, field by field.
import type { Me } from "@namro/contracts";
import { type Actor, holdsPermissionAtRoot, permissionsOf } from "../../platform/auth/actor.ts";

export function presentMe(actor: Actor): Me {
  return {
    account: {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      locale: actor.locale,
      email: actor.email,
      mustChangePassword: actor.mustChangePassword,
      totpEnabled: actor.totpEnabled,
    },
    roles: actor.grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      orgId: grant.orgId,
      orgName: grant.orgName,
      orgCode: grant.orgCode,
      orgTypeCode: grant.orgTypeCode,
      orgActive: grant.orgActive,
    })),
    permissions: permissionsOf(actor),
    canManageOrgTypes: holdsPermissionAtRoot(actor, "org_type.manage"),
    canManageDocumentTypes: holdsPermissionAtRoot(actor, "document_type.manage"),
    csrfToken: actor.csrfToken,
  };
}
