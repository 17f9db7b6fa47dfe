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
 * THE rule for anything that works over many members at once (list filters, citizen-ID search, export
 * masking of the religion filter, statistics by religion): true only when the actor may see sensitive
 * fields in every one of these subtrees — the chosen organisation's path, or every read-scope path.
 * A religion filter or a citizen-ID match over a set that includes even one subtree where the actor
 * lacks member.sensitive would reveal who holds that religion or ID, so such callers must drop them.
 * An empty list is false: no scope, nothing to reveal to.
 */
export function maySeeSensitiveOver(actor: Actor, paths: readonly string[]): boolean {
  return paths.length > 0 && paths.every((path) => maySeeSensitiveIn(actor, path));
}
