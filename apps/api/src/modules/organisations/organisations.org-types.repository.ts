// SQL for organisation types and which type may sit under which. Every function takes the executor first.
import type { OrgTypeRow } from "../../db/schema.ts";
import type { Executor } from "./organisations.repository.ts";

export async function listOrgTypes(executor: Executor) {
  return executor.selectFrom("orgTypes").selectAll().orderBy("sortOrder").orderBy("code").execute();
}

export async function listOrgTypeRules(executor: Executor) {
  return executor.selectFrom("orgTypeRules").selectAll().execute();
}

export async function orgTypeExists(executor: Executor, code: string): Promise<boolean> {
  const row = await executor
    .selectFrom("orgTypes")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the rule exists. The rule row is share-locked, so a concurrent removal of the rule waits for
 * this transaction and then sees the organisation it placed (see deleteOrgTypeRules).
 */
export async function isChildTypeAllowed(
  executor: Executor,
  parentType: string,
  childType: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom("orgTypeRules")
    .select("childType")
    .where("parentType", "=", parentType)
    .where("childType", "=", childType)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOrgTypeForUpdate(
  executor: Executor,
  code: string,
): Promise<OrgTypeRow | undefined> {
  return executor.selectFrom("orgTypes").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

/** Which of `codes` exist as organisation types. */
export async function listExistingOrgTypeCodes(executor: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await executor.selectFrom("orgTypes").select("code").where("code", "in", codes).execute();
  return new Set(rows.map((row) => row.code));
}

export async function insertOrgType(
  executor: Executor,
  input: {
    code: string;
    nameVi: string;
    nameEn: string;
    isDepartment: boolean;
    holdsMembers: boolean;
    sortOrder: number;
  },
): Promise<OrgTypeRow> {
  return executor.insertInto("orgTypes").values(input).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrgType(
  executor: Executor,
  code: string,
  input: { nameVi: string; nameEn: string; isDepartment: boolean; holdsMembers: boolean; sortOrder: number },
): Promise<OrgTypeRow> {
  return executor
    .updateTable("orgTypes")
    .set((eb) => ({ ...input, version: eb("version", "+", 1) }))
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rules that name `code` as parent or as child. */
export async function listRulesOfType(executor: Executor, code: string) {
  return executor
    .selectFrom("orgTypeRules")
    .selectAll()
    .where((eb) => eb.or([eb("parentType", "=", code), eb("childType", "=", code)]))
    .execute();
}

export async function insertOrgTypeRules(
  executor: Executor,
  rules: { parentType: string; childType: string }[],
): Promise<void> {
  if (rules.length === 0) return;
  await executor
    .insertInto("orgTypeRules")
    .values(rules)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Deletes the rules "child under parent"; waits for transactions that just relied on them. */
export async function deleteOrgTypeRules(
  executor: Executor,
  parentType: string,
  childTypes: string[],
): Promise<void> {
  if (childTypes.length === 0) return;
  await executor
    .deleteFrom("orgTypeRules")
    .where("parentType", "=", parentType)
    .where("childType", "in", childTypes)
    .execute();
}

/** Active organisations of one of `childTypes` directly under an active organisation of `parentType`. */
export async function countActivePlacements(
  executor: Executor,
  parentType: string,
  childTypes: string[],
): Promise<Map<string, number>> {
  if (childTypes.length === 0) return new Map();
  const rows = await executor
    .selectFrom("organisations as child")
    .innerJoin("organisations as parent", "parent.id", "child.parentId")
    .select((eb) => ["child.typeCode", eb.fn.countAll<string>().as("count")])
    .where("parent.typeCode", "=", parentType)
    .where("parent.status", "=", "active")
    .where("child.status", "=", "active")
    .where("child.typeCode", "in", childTypes)
    .groupBy("child.typeCode")
    .execute();
  return new Map(rows.map((row) => [row.typeCode, Number(row.count)]));
}
