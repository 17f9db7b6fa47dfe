// Who may see, edit and see the sensitive fields of which members: all of it hangs on the scope paths
// of the member's cell for member.read, member.manage and member.sensitive.
import { type Actor, holdsPermissionAt, scopePaths } from "../../platform/auth/actor.ts";

/** Subtrees in which the actor may read members; a member outside them does not exist for the actor. */
export function memberReadPaths(actor: Actor): string[] {
  return scopePaths(actor, "member.read");
}

export function mayReadMemberIn(actor: Actor, cellPath: string): boolean {
  return holdsPermissionAt(actor, "member.read", cellPath);
}

/** May edit the record and record events of members of this cell. */
export function mayManageMemberIn(actor: Actor, cellPath: string): boolean {
  return holdsPermissionAt(actor, "member.manage", cellPath);
}

/** May see citizen ID, religion and discipline of members of this cell (masked otherwise). */
export function maySeeSensitiveIn(actor: Actor, cellPath: string): boolean {
  return holdsPermissionAt(actor, "member.sensitive", cellPath);
}

/**
 * Whether `q` may match citizen IDs for a list over these subtrees: only when the actor sees sensitive
 * fields over all of them, so a search never reveals whom an ID number belongs to.
 */
export function maySearchCitizenIdIn(actor: Actor, paths: string[]): boolean {
  return paths.length > 0 && paths.every((path) => maySeeSensitiveIn(actor, path));
}
