// Who may see and manage which account. An administrator sees an account that holds at least one role
// inside the subtrees where they hold "account.manage"; changing the account itself (name, password,
// disabling) needs all of its roles inside, so a commune administrator cannot take over a provincial
// account that happens to also hold a role in the commune.
import { type Actor, isWithin, scopePaths } from "../../platform/auth/actor.ts";
import type { GrantRow } from "./accounts.repository.ts";

export function manageScope(actor: Actor): string[] {
  return scopePaths(actor, "account.manage");
}

export function grantsInScope(grants: readonly GrantRow[], scope: readonly string[]): GrantRow[] {
  return grants.filter((grant) => scope.some((root) => isWithin(grant.orgPath, root)));
}

export function isVisible(grants: readonly GrantRow[], scope: readonly string[]): boolean {
  return grantsInScope(grants, scope).length > 0;
}

export function isFullyManaged(grants: readonly GrantRow[], scope: readonly string[]): boolean {
  return grants.length > 0 && grantsInScope(grants, scope).length === grants.length;
}
