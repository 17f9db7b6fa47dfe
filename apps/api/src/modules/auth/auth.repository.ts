// SQL for sessions and the sign-in state of accounts. Every function takes the executor first.
import type { Role } from "@namro/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { AccountRow, Database, OrgStatus } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface SessionActorRow {
  lastSeenAt: Date;
  expiresAt: Date;
  csrfToken: string;
  accountId: number;
  username: string;
  displayName: string;
  locale: "vi" | "en";
  email: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  grantId: number | null;
  role: Role | null;
  orgId: number | null;
  orgName: string | null;
  orgCode: string | null;
  orgTypeCode: string | null;
  orgStatus: OrgStatus | null;
  orgPath: string | null;
}

/**
 * One row per role grant (or one row with null grant columns) of the live session with this token
 * hash: not expired, second factor done, account enabled. Empty when there is no such session.
 */
export async function findSessionActorRows(
  executor: Executor,
  tokenHash: string,
  now: Date,
): Promise<SessionActorRow[]> {
  return executor
    .selectFrom("sessions as s")
    .innerJoin("accounts as a", "a.id", "s.accountId")
    .leftJoin("roleAssignments as ra", "ra.accountId", "a.id")
    .leftJoin("organisations as o", "o.id", "ra.orgId")
    .select([
      "s.lastSeenAt",
      "s.expiresAt",
      "s.csrfToken",
      "a.id as accountId",
      "a.username",
      "a.displayName",
      "a.locale",
      "a.email",
      "a.mustChangePassword",
      "a.totpEnabled",
      "ra.id as grantId",
      "ra.role",
      "o.id as orgId",
      "o.name as orgName",
      "o.code as orgCode",
      "o.typeCode as orgTypeCode",
      "o.status as orgStatus",
      sql<string | null>`o.path::text`.as("orgPath"),
    ])
    .where("s.tokenHash", "=", tokenHash)
    .where("s.expiresAt", ">", now)
    .where("s.secondFactorPending", "=", false)
    .where("a.disabledAt", "is", null)
    .orderBy("ra.id")
    .execute();
}

export async function touchSession(
  executor: Executor,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await executor
    .updateTable("sessions")
    .set({ lastSeenAt: now, expiresAt })
    .where("tokenHash", "=", tokenHash)
    .execute();
}

export interface NewSession {
  tokenHash: string;
  accountId: number;
  csrfToken: string;
  now: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(executor: Executor, session: NewSession): Promise<void> {
  await executor
    .insertInto("sessions")
    .values({
      tokenHash: session.tokenHash,
      accountId: session.accountId,
      csrfToken: session.csrfToken,
      createdAt: session.now,
      lastSeenAt: session.now,
      expiresAt: session.expiresAt,
      ip: session.ip,
      userAgent: session.userAgent,
    })
    .execute();
}

export async function deleteSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.deleteFrom("sessions").where("tokenHash", "=", tokenHash).execute();
}

/** Ends the account's sessions, except the one with `keepTokenHash` when given. */
export async function deleteAccountSessions(
  executor: Executor,
  accountId: number,
  keepTokenHash: string | null = null,
): Promise<void> {
  let query = executor.deleteFrom("sessions").where("accountId", "=", accountId);
  if (keepTokenHash) query = query.where("tokenHash", "<>", keepTokenHash);
  await query.execute();
}

export async function deleteExpiredSessions(executor: Executor, accountId: number, now: Date): Promise<void> {
  await executor
    .deleteFrom("sessions")
    .where("accountId", "=", accountId)
    .where("expiresAt", "<=", now)
    .execute();
}

export async function findAccountByUsername(
  executor: Executor,
  username: string,
): Promise<AccountRow | undefined> {
  return executor.selectFrom("accounts").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findAccountById(executor: Executor, id: number): Promise<AccountRow | undefined> {
  return executor.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Counts one more failed sign-in and returns the new count. */
export async function incrementFailedSignIns(executor: Executor, accountId: number): Promise<number> {
  const row = await executor
    .updateTable("accounts")
    .set((eb) => ({ failedSignIns: eb("failedSignIns", "+", 1) }))
    .where("id", "=", accountId)
    .returning("failedSignIns")
    .executeTakeFirstOrThrow();
  return row.failedSignIns;
}

export async function lockAccount(executor: Executor, accountId: number, until: Date): Promise<void> {
  await executor
    .updateTable("accounts")
    .set({ lockedUntil: until, failedSignIns: 0 })
    .where("id", "=", accountId)
    .execute();
}

export async function clearFailedSignIns(executor: Executor, accountId: number): Promise<void> {
  await executor
    .updateTable("accounts")
    .set({ failedSignIns: 0, lockedUntil: null })
    .where("id", "=", accountId)
    .execute();
}

export interface AccountAuthChanges {
  passwordHash?: string;
  mustChangePassword?: boolean;
  totpSecret?: string | null;
  totpEnabled?: boolean;
  locale?: "vi" | "en";
  email?: string | null;
}

export async function updateAccountAuth(
  executor: Executor,
  accountId: number,
  changes: AccountAuthChanges,
  now: Date,
): Promise<void> {
  await executor
    .updateTable("accounts")
    .set((eb) => ({ ...changes, updatedAt: now, version: eb("version", "+", 1) }))
    .where("id", "=", accountId)
    .execute();
}

/** The organisation of the account's first role: where its own changes are filed in the audit log. */
export async function findHomeOrgId(executor: Executor, accountId: number): Promise<number | null> {
  const row = await executor
    .selectFrom("roleAssignments")
    .select("orgId")
    .where("accountId", "=", accountId)
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.orgId ?? null;
}
