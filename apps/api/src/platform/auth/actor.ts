// The signed-in person behind a request and the subtrees in which they hold each permission.
import type { Locale, Permission, Role } from "@namro/contracts";
import { ROLE_PERMISSIONS } from "./permissions.ts";

export interface ActorGrant {
  id: number;
  role: Role;
  orgId: number;
  orgName: string;
  orgCode: string;
  orgTypeCode: string;
  /** The organisation still exists (not merged, split or dissolved). */
  orgActive: boolean;
  /** ltree path of the organisation the role is held over. */
  orgPath: string;
}

export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  locale: Locale;
  email: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  grants: ActorGrant[];
  sessionTokenHash: string;
  csrfToken: string;
}

/** ltree paths of the subtrees where the actor holds `permission`, without nested duplicates. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = actor.grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => grant.orgPath)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const path of paths) {
    if (!roots.some((root) => isWithin(path, root))) roots.push(path);
  }
  return roots;
}

/** Whether ltree path `path` is `ancestor` or lies beneath it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function holdsPermissionAt(actor: Actor, permission: Permission, orgPath: string): boolean {
  return scopePaths(actor, permission).some((root) => isWithin(orgPath, root));
}

/** Whether the actor holds `permission` over a top-level organisation: for installation-wide data. */
export function holdsPermissionAtRoot(actor: Actor, permission: Permission): boolean {
  return actor.grants.some(
    (grant) => ROLE_PERMISSIONS[grant.role].includes(permission) && !grant.orgPath.includes("."),
  );
}

export function permissionsOf(actor: Actor): Permission[] {
  const all = new Set<Permission>();
  for (const grant of actor.grants)
    for (const permission of ROLE_PERMISSIONS[grant.role]) all.add(permission);
  return [...all];
}

/**
 * An actor for installation commands (init, seed) that act with system administration over one root
 * organisation without a signed-in person. `orgId` 0 / path "" stands for "no organisation yet".
 */
export function installerActor(
  accountId: number,
  displayName: string,
  root: { id: number; code: string; name: string; path: string; typeCode?: string },
): Actor {
  return {
    accountId,
    username: "system",
    displayName,
    locale: "vi",
    email: null,
    mustChangePassword: false,
    totpEnabled: false,
    grants: [
      {
        id: 0,
        role: "system_admin",
        orgId: root.id,
        orgName: root.name,
        orgCode: root.code,
        orgTypeCode: root.typeCode ?? "",
        orgActive: true,
        orgPath: root.path,
      },
    ],
    sessionTokenHash: "",
    csrfToken: "",
  };
}
