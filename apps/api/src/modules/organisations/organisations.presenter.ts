// Rows → DTOs, field by field.
import type { OrgSummary, OrgType } from "@namro/contracts";
import type { OrganisationRow, OrgTypeRow } from "../../db/schema.ts";

export interface SummarySource {
  id: number;
  code: string;
  name: string;
  typeCode: string;
  parentId: number | null;
  status: OrganisationRow["status"];
  validFrom: string;
  validTo: string | null;
}

/** As of a date an organisation that existed then is shown as it was: active. */
export function presentSummary(
  row: SummarySource,
  childCount: number,
  asOf: string | null = null,
): OrgSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    typeCode: row.typeCode,
    parentId: row.parentId,
    status: asOf ? "active" : row.status,
    validFrom: row.validFrom,
    validTo: row.validTo,
    childCount,
  };
}

export function presentOrgType(row: OrgTypeRow, allowedChildTypes: string[]): OrgType {
  return {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    isDepartment: row.isDepartment,
    holdsMembers: row.holdsMembers,
    sortOrder: row.sortOrder,
    allowedChildTypes,
    version: row.version,
  };
}

/** What the audit log keeps of an organisation type: its fields and both rule sets. */
export function orgTypeAuditSnapshot(
  row: OrgTypeRow,
  allowedChildTypes: readonly string[],
  allowedParentTypes: readonly string[],
) {
  return {
    ...presentOrgType(row, [...allowedChildTypes].sort()),
    allowedParentTypes: [...allowedParentTypes].sort(),
  };
}

/** What the audit log keeps of an organisation before and after a change. */
export function auditSnapshot(row: OrganisationRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    typeCode: row.typeCode,
    parentId: row.parentId,
    path: row.path,
    status: row.status,
    validFrom: row.validFrom,
    validTo: row.validTo,
    version: row.version,
  };
}
