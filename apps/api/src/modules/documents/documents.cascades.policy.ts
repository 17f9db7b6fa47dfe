// Who may set cascades, drill into their coverage and remind: all of it hangs on the scope paths of
// document.read and document.manage.
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";

/** May set, change and delete the cascades of a document held by this organisation. */
export function mayManageCascadesOf(actor: Actor, ownerPath: string): boolean {
  return holdsPermissionAt(actor, "document.manage", ownerPath);
}

/** May send reminders to the targets under this node. */
export function mayRemindUnder(actor: Actor, nodePath: string): boolean {
  return holdsPermissionAt(actor, "document.manage", nodePath);
}

/** May drill into this organisation of the coverage. */
export function mayViewCoverageAt(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "document.read", orgPath);
}
