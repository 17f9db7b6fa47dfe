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

/** May place units under the organisation: create one there, move or merge units into it. */
export function mayPlaceUnder(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "org.restructure", orgPath);
}

/**
 * May change the organisation itself (rename, move, merge, split, dissolve). That is decided one level
 * up: by someone whose restructuring scope strictly contains it — a commune's staff manage their cells,
 * not their commune — or, for a top-level organisation, by a system administrator holding it.
 */
export function mayChange(actor: Actor, orgPath: string): boolean {
  if (!orgPath.includes("."))
    return mayCreateRoot(actor) && holdsPermissionAt(actor, "org.restructure", orgPath);
  return scopePaths(actor, "org.restructure").some((root) => orgPath.startsWith(`${root}.`));
}

/** Top-level organisations are created only by a system administrator who holds a root. */
export function mayCreateRoot(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === "system_admin" && !grant.orgPath.includes("."));
}

/** Organisation types hold for the whole installation, so only an administrator of a root changes them. */
export function mayManageOrgTypes(actor: Actor): boolean {
  return holdsPermissionAtRoot(actor, "org_type.manage");
}
