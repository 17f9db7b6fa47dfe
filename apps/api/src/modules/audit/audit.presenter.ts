// Audit rows → DTOs, field by field.
import type { AuditEntry } from "@namro/contracts";
import type { AuditListRow } from "./audit.repository.ts";

export function presentAuditEntry(row: AuditListRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    orgId: row.orgId,
    orgName: row.orgName,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
