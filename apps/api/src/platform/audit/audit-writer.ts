// Appends to the audit log inside the caller's transaction, so a change and its audit row commit
// together or not at all. A transaction-scoped advisory lock keeps the hash chain linear.
import type { AuditAction, AuditEntityType } from "@namro/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { auditRowHash, GENESIS_HASH, type HashedAuditContent } from "./audit-hash.ts";
import { redactSecrets } from "./redact.ts";

export interface AuditContext {
  actorId: number | null;
  actorName: string | null;
  requestId: string | null;
}

export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actorId: null, actorName: "system", requestId: null };

export interface AuditEntryInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | number | null;
  orgId: number | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_LOCK_KEY = 7_240_101;

export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  context: AuditContext,
  entry: AuditEntryInput,
  now: Date,
): Promise<void> {
  await recordAudits(trx, context, [entry], now);
}

/** Rows per INSERT of a batch (13 bind parameters each, well under PostgreSQL's 65,535). */
const AUDIT_INSERT_BATCH = 1000;

/**
 * Appends several entries in order, chained as if recorded one by one, with one lock, one read of the
 * chain's end and one lookup of the organisations' paths (a bulk change audits each entity cheaply).
 */
export async function recordAudits(
  trx: Transaction<Database> | Kysely<Database>,
  context: AuditContext,
  entries: readonly AuditEntryInput[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom("auditLog")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const orgIds = [...new Set(entries.flatMap((e) => (e.orgId === null ? [] : [e.orgId])))];
  const paths = new Map<number, string>(
    orgIds.length === 0
      ? []
      : (
          await trx.selectFrom("organisations").select(["id", "path"]).where("id", "in", orgIds).execute()
        ).map((o) => [o.id, o.path]),
  );
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const content: HashedAuditContent = {
      occurredAt: now.toISOString(),
      actorId: context.actorId,
      actorName: context.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      orgId: entry.orgId,
      // Who may read the row depends on its path, so the path is covered by the hash too.
      orgPath: entry.orgId === null ? null : (paths.get(entry.orgId) ?? null),
      // Round-trip through JSON so the hash covers exactly what jsonb stores.
      before:
        entry.before === undefined ? null : JSON.parse(JSON.stringify(redactSecrets(entry.before)) ?? "null"),
      after:
        entry.after === undefined ? null : JSON.parse(JSON.stringify(redactSecrets(entry.after)) ?? "null"),
      requestId: context.requestId,
    };
    const hash = auditRowHash(prevHash, content);
    const row = {
      occurredAt: content.occurredAt,
      actorId: content.actorId,
      actorName: content.actorName,
      action: content.action,
      entityType: content.entityType,
      entityId: content.entityId,
      orgId: content.orgId,
      orgPath: content.orgPath,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      requestId: content.requestId,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // A multi-row INSERT takes ids in the order of its rows, so the chain follows the ids.
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_BATCH) {
    await trx
      .insertInto("auditLog")
      .values(rows.slice(i, i + AUDIT_INSERT_BATCH))
      .execute();
  }
}
