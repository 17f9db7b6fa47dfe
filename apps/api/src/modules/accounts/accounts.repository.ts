// SQL for accounts and their role assignments. Every function takes the executor first.
import type { Role } from "@namro/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { AccountRow, Database, OrgStatus } from "../../db/schema.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface AccountFilter {
  /** Subtrees the administrator manages. */
  scope: readonly string[];
  /** Only accounts holding a role in this subtree (and of `role`, when given, on the same grant). */
  orgPath?: string | undefined;
  role?: Role | undefined;
  searchKey?: string | undefined;
  includeDisabled: boolean;
}

function filteredAccounts(executor: Executor, filter: AccountFilter) {
  let query = executor.selectFrom("accounts as a").where((eb) =>
    eb.exists(
      eb
        .selectFrom("roleAssignments as ra")
        .innerJoin("organisations as o", "o.id", "ra.orgId")
        .select(sql`1`.as("one"))
        .whereRef("ra.accountId", "=", "a.id")
        .where(pathWithinAny(sql.ref("o.path"), filter.scope))
        .$if(filter.orgPath !== undefined, (q) =>
          q.where(pathWithinAny(sql.ref("o.path"), [filter.orgPath ?? ""])),
        )
        .$if(filter.role !== undefined, (q) => q.where("ra.role", "=", filter.role as Role)),
    ),
  );
  if (!filter.includeDisabled) query = query.where("a.disabledAt", "is", null);
  if (filter.searchKey) {
    const pattern = likeContains(filter.searchKey);
    query = query.where((eb) =>
      eb.or([eb("a.searchKey", "like", pattern), eb("a.username", "like", pattern)]),
    );
  }
  return query;
}

export async function listAccounts(
  executor: Executor,
  filter: AccountFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AccountRow[]; total: number }> {
  const rows = await filteredAccounts(executor, filter)
    .selectAll("a")
    .orderBy("a.searchKey")
    .orderBy("a.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filteredAccounts(executor, filter)
    .select((eb) => eb.fn.countAll<string>().as("total"))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

/** Locks the account row until the transaction ends (serialises changes that check its roles). */
export async function lockAccount(executor: Executor, id: number): Promise<void> {
  await executor.selectFrom("accounts").select("id").where("id", "=", id).forUpdate().execute();
}

export async function findAccount(executor: Executor, id: number): Promise<AccountRow | undefined> {
  return executor.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findAccountByUsername(
  executor: Executor,
  username: string,
): Promise<AccountRow | undefined> {
  return executor.selectFrom("accounts").selectAll().where("username", "=", username).executeTakeFirst();
}

export interface GrantRow {
  id: number;
  accountId: number;
  role: Role;
  orgId: number;
  orgName: string;
  orgCode: string;
  orgTypeCode: string;
  orgStatus: OrgStatus;
  orgPath: string;
}

export async function listGrants(executor: Executor, accountIds: readonly number[]): Promise<GrantRow[]> {
  if (accountIds.length === 0) return [];
  return executor
    .selectFrom("roleAssignments as ra")
    .innerJoin("organisations as o", "o.id", "ra.orgId")
    .select([
      "ra.id",
      "ra.accountId",
      "ra.role",
      "ra.orgId",
      "o.name as orgName",
      "o.code as orgCode",
      "o.typeCode as orgTypeCode",
      "o.status as orgStatus",
      sql<string>`o.path::text`.as("orgPath"),
    ])
    .where("ra.accountId", "in", [...accountIds])
    .orderBy("ra.id")
    .execute();
}

export async function insertAccount(
  executor: Executor,
  values: { username: string; displayName: string; searchKey: string; passwordHash: string; now: Date },
): Promise<AccountRow> {
  return executor
    .insertInto("accounts")
    .values({
      username: values.username,
      displayName: values.displayName,
      searchKey: values.searchKey,
      passwordHash: values.passwordHash,
      mustChangePassword: true,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AccountChanges {
  displayName?: string;
  searchKey?: string;
  email?: string | null;
  disabledAt?: Date | null;
  passwordHash?: string;
  mustChangePassword?: boolean;
  failedSignIns?: number;
  lockedUntil?: Date | null;
}

/** Applies the changes and bumps the version; with `expectedVersion`, only if it still matches. */
export async function updateAccount(
  executor: Executor,
  id: number,
  changes: AccountChanges,
  now: Date,
  expectedVersion?: number,
): Promise<AccountRow | undefined> {
  let query = executor
    .updateTable("accounts")
    .set((eb) => ({ ...changes, updatedAt: now, version: eb("version", "+", 1) }))
    .where("id", "=", id);
  if (expectedVersion !== undefined) query = query.where("version", "=", expectedVersion);
  return query.returningAll().executeTakeFirst();
}

export async function insertGrant(
  executor: Executor,
  accountId: number,
  role: Role,
  orgId: number,
  now: Date,
) {
  return executor
    .insertInto("roleAssignments")
    .values({ accountId, role, orgId, createdAt: now })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function deleteGrant(executor: Executor, id: number): Promise<void> {
  await executor.deleteFrom("roleAssignments").where("id", "=", id).execute();
}

export async function deleteSessionsOf(executor: Executor, accountId: number): Promise<void> {
  await executor.deleteFrom("sessions").where("accountId", "=", accountId).execute();
}
