// Audit rows → DTOs, field by field. Values of sensitive fields inside the details (citizen ID,
// religion, discipline) are masked for readers who may not see them over the entry's organisation.
import type { AuditEntry } from "@namro/contracts";
import { maskCitizenId } from "@namro/domain";
import type { AuditListRow } from "./audit.repository.ts";

/** Detail keys holding a citizen ID number: shown masked ("00123*****90"). */
const CITIZEN_ID_KEYS = new Set(["citizenId", "citizen_id"]);
/** Detail keys whose values are hidden entirely (null), as on the member record. */
const HIDDEN_KEYS = new Set(["religion", "discipline"]);

/** A copy of audit details with sensitive values masked, at any depth (import rows nest records). */
export function maskSensitiveDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitiveDetails);
  if (value === null || typeof value !== "object") return value;
  const masked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (CITIZEN_ID_KEYS.has(key)) masked[key] = typeof inner === "string" ? maskCitizenId(inner) : inner;
    else if (HIDDEN_KEYS.has(key)) masked[key] = inner === null || inner === undefined ? inner : null;
    else masked[key] = maskSensitiveDetails(inner);
  }
  return masked;
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
