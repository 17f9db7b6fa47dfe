// Who may see and restructure which organisations: everything hangs on the actor's scope paths.
import {
  type Actor,
  holdsPermissionAt,
  holdsPermissionAtRoot,
  isWithin,
  scopePaths,
} from "../../platform/auth/actor.ts";

/** Subtrees the actor may read; an organisation outside them does not exist for the actor. */
export function readPaths(actor: Actor): string[] {
  return scopePaths(actor, "org.read");
}

export function isVisibleIn(paths: string[], orgPath: string): boolean {
  return paths.some((root) => isWithin(orgPath, root));
}

export function mayRestructure(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "org.restructure", orgPath);
}

/** Top-level organisations are created only by a system administrator who holds a root. */
export function mayCreateRoot(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === "system_admin" && !grant.orgPath.includes("."));
}

/** Organisation types hold for the whole installation, so only an administrator of a root changes them. */
export function mayManageOrgTypes(actor: Actor): boolean {
  return holdsPermissionAtRoot(actor, "org_type.manage");
}
