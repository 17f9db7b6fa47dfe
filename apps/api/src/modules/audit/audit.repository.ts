// SQL for reading the audit log. Writing is platform/audit/audit-writer.ts (inside each change's
// transaction). Every function takes the executor first.
import { type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { AuditLogRow, Database } from "../../db/schema.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditFilter {
  /** Subtrees where the reader holds audit.read. */
  scope: readonly string[];
  /** Whether entries filed under no organisation are visible (readers scoped at a root). */
  includeUnfiled: boolean;
  actorId?: number | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  orgPath?: string | undefined;
  fromInstant?: Date | undefined;
  beforeInstant?: Date | undefined;
}

function filtered(executor: Executor, filter: AuditFilter) {
  const inScope = pathWithinAny(sql.ref("l.orgPath"), filter.scope);
  let query = executor
    .selectFrom("auditLog as l")
    .where(filter.includeUnfiled ? sql<SqlBool>`(${inScope} OR l.org_path IS NULL)` : inScope);
  if (filter.actorId !== undefined) query = query.where("l.actorId", "=", filter.actorId);
  if (filter.entityType !== undefined) query = query.where("l.entityType", "=", filter.entityType);
  if (filter.entityId !== undefined) query = query.where("l.entityId", "=", filter.entityId);
  if (filter.action !== undefined) query = query.where("l.action", "=", filter.action);
  if (filter.orgPath !== undefined)
    query = query.where(pathWithinAny(sql.ref("l.orgPath"), [filter.orgPath]));
  if (filter.fromInstant) query = query.where("l.occurredAt", ">=", filter.fromInstant);
  if (filter.beforeInstant) query = query.where("l.occurredAt", "<", filter.beforeInstant);
  return query;
}

export type AuditListRow = Pick<
  AuditLogRow,
  | "id"
  | "occurredAt"
  | "actorId"
  | "actorName"
  | "action"
  | "entityType"
  | "entityId"
  | "orgId"
  | "orgPath"
  | "before"
  | "after"
> & { orgName: string | null };

export async function listAuditEntries(
  executor: Executor,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditListRow[]; total: number }> {
  const rows = await filtered(executor, filter)
    .leftJoin("organisations as o", "o.id", "l.orgId")
    .select([
      "l.id",
      "l.occurredAt",
      "l.actorId",
      "l.actorName",
      "l.action",
      "l.entityType",
      "l.entityId",
      "l.orgId",
      "l.orgPath",
      "l.before",
      "l.after",
      "o.name as orgName",
    ])
    .orderBy("l.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(executor, filter)
    .select((eb) => eb.fn.countAll<string>().as("total"))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

/** The next `limit` rows after id `afterId`, in chain order. */
export async function listChainBatch(
  executor: Executor,
  afterId: number,
  limit: number,
): Promise<AuditLogRow[]> {
  return executor
    .selectFrom("auditLog")
    .selectAll()
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}
