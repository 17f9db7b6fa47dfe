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
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom("auditLog")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const orgPath =
    entry.orgId === null
      ? null
      : ((
          await trx
            .selectFrom("organisations")
            .select("path")
            .where("id", "=", entry.orgId)
            .executeTakeFirst()
        )?.path ?? null);
  const content: HashedAuditContent = {
    occurredAt: now.toISOString(),
    actorId: context.actorId,
    actorName: context.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    orgId: entry.orgId,
    // Who may read the row depends on its path, so the path is covered by the hash too.
    orgPath,
    // Round-trip through JSON so the hash covers exactly what jsonb stores.
    before:
      entry.before === undefined ? null : JSON.parse(JSON.stringify(redactSecrets(entry.before)) ?? "null"),
    after:
      entry.after === undefined ? null : JSON.parse(JSON.stringify(redactSecrets(entry.after)) ?? "null"),
    requestId: context.requestId,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto("auditLog")
    .values({
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
      hash: auditRowHash(prevHash, content),
    })
    .execute();
}
