// Audit rows → DTOs, field by field. Values of sensitive fields inside the details (citizen ID,
// religion, discipline) are masked for readers who may not see them over the entry's organisation.
import type { AuditEntry } from "@namro/contracts";
import { maskSensitiveMemberFields } from "@namro/domain";
import type { AuditListRow } from "./audit.repository.ts";

/**
 * A copy of audit details with sensitive member values masked at any depth (import rows nest records),
 * by the same rule as the member record: citizen ID masked, religion and discipline hidden.
 */
export function maskSensitiveDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitiveDetails);
  if (value === null || typeof value !== "object") return value;
  const nested: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) nested[key] = maskSensitiveDetails(inner);
  return maskSensitiveMemberFields(nested, false);
}

export function presentAuditEntry(row: AuditListRow, canSeeSensitive: boolean): AuditEntry {
  const details = (value: unknown) => (canSeeSensitive ? value : maskSensitiveDetails(value));
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
    before: details(row.before ?? null),
    after: details(row.after ?? null),
  };
}
