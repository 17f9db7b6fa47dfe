// A selection of organisations to assign something to (a document's cascade, a task's): named ones, or
// every active organisation of some types strictly under a root. Checked and expanded into ids once;
// each feature names its own refusals (error codes) and the permission that scopes the targets.
import type { CascadeSelection, ErrorCode, Permission } from "@namro/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { AppError, type FieldIssue } from "../errors.ts";
import { type Actor, holdsPermissionAt, isWithin, scopePaths } from "./actor.ts";
import { pathWithinAny } from "./scope-sql.ts";

type Executor = Kysely<Database> | Transaction<Database>;

export interface OrgSelectionRules {
  /** The permission the actor must hold over each target. */
  permission: Permission;
  /** At most this many targets. */
  limit: number;
  codes: {
    outsideScope: ErrorCode;
    typeUnknown: ErrorCode;
    noTargets: ErrorCode;
    tooMany: ErrorCode;
  };
  /** Where the selection sits in the request body ("body.selection"). */
  fieldPath?: string;
}

export interface SelectableOrg {
  id: number;
  path: string;
  name: string;
  active: boolean;
}

export async function findSelectableOrgs(
  executor: Executor,
  ids: readonly number[],
): Promise<SelectableOrg[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("organisations")
    .select(["id", "path", "name", sql<boolean>`status = 'active'`.as("active")])
    .where("id", "in", [...ids])
    .execute();
}

/** May be assigned from `holderPath`: active, strictly below it, within the actor's scope. */
export function maySelectOrg(
  actor: Actor,
  permission: Permission,
  holderPath: string,
  org: { path: string; active: boolean },
): boolean {
  return (
    org.active &&
    org.path !== holderPath &&
    isWithin(org.path, holderPath) &&
    holdsPermissionAt(actor, permission, org.path)
  );
}

/** The target ids of a selection below `holderPath`, in a stable order, or a refusal naming every offending field. */
export async function expandOrgSelection(
  executor: Executor,
  actor: Actor,
  holderPath: string,
  selection: CascadeSelection,
  rules: OrgSelectionRules,
): Promise<number[]> {
  const at = rules.fieldPath ?? "body.selection";
  const refused = (code: ErrorCode, path: string) =>
    new AppError(code, { issues: [{ path, message: code }] });
  if (selection.kind === "orgs") {
    const ids = [...new Set(selection.orgIds)];
    const orgs = new Map((await findSelectableOrgs(executor, ids)).map((org) => [org.id, org]));
    const issues: FieldIssue[] = [];
    selection.orgIds.forEach((id, index) => {
      const org = orgs.get(id);
      if (!org || !maySelectOrg(actor, rules.permission, holderPath, org)) {
        issues.push({ path: `${at}.orgIds.${index}`, message: rules.codes.outsideScope });
      }
    });
    if (issues.length > 0) throw new AppError(rules.codes.outsideScope, { issues });
    if (ids.length > rules.limit) throw refused(rules.codes.tooMany, at);
    return ids;
  }

  const typeCodes = [...new Set(selection.typeCodes)];
  const known = new Set(
    (await executor.selectFrom("orgTypes").select("code").where("code", "in", typeCodes).execute()).map(
      (type) => type.code,
    ),
  );
  const unknown = selection.typeCodes.flatMap((code, index) =>
    known.has(code) ? [] : [{ path: `${at}.typeCodes.${index}`, message: rules.codes.typeUnknown }],
  );
  if (unknown.length > 0) throw new AppError(rules.codes.typeUnknown, { issues: unknown });
  const [root] = await findSelectableOrgs(executor, [selection.rootOrgId]);
  // The root may be the holder itself; its targets lie strictly under it, hence under the holder.
  const scopes = scopePaths(actor, rules.permission);
  if (!root || !isWithin(root.path, holderPath) || !scopes.some((scope) => isWithin(root.path, scope))) {
    throw refused(rules.codes.outsideScope, `${at}.rootOrgId`);
  }
  const rows = await executor
    .selectFrom("organisations as o")
    .select("o.id")
    .where(sql<boolean>`o.path <@ ${root.path}::ltree`)
    .where(sql<boolean>`o.path <> ${root.path}::ltree`)
    .where("o.typeCode", "in", typeCodes)
    .where("o.status", "=", "active")
    .where(pathWithinAny(sql.ref("o.path"), scopes))
    .orderBy("o.id")
    .limit(rules.limit + 1)
    .execute();
  if (rows.length === 0) throw refused(rules.codes.noTargets, `${at}.typeCodes`);
  if (rows.length > rules.limit) throw refused(rules.codes.tooMany, at);
  return rows.map((row) => row.id);
}
