// Account rows → DTOs, field by field. Only the roles the administrator can see are shown.
import type { Account } from "@namro/contracts";
import type { AccountRow } from "../../db/schema.ts";
import type { GrantRow } from "./accounts.repository.ts";

export function presentAccount(row: AccountRow, visibleGrants: readonly GrantRow[]): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    disabled: row.disabledAt !== null,
    totpEnabled: row.totpEnabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil ? new Date(row.lockedUntil).toISOString() : null,
    roles: visibleGrants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      orgId: grant.orgId,
      orgName: grant.orgName,
      orgCode: grant.orgCode,
      orgTypeCode: grant.orgTypeCode,
      orgActive: grant.orgStatus === "active",
    })),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** What the audit log keeps of an account: never its password hash or TOTP secret. */
export function auditSnapshot(row: AccountRow, grants: readonly GrantRow[]) {
  return {
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabled,
    roles: grants.map((grant) => ({ id: grant.id, role: grant.role, orgId: grant.orgId })),
    version: row.version,
  };
}
