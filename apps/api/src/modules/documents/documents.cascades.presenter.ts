// Cascade and coverage rows → DTOs, field by field.
import type {
  CascadeSelection,
  CoverageGroup,
  CoverageTarget,
  CoverageTotals,
  DocumentCascade,
  DocumentSummary,
} from "@namro/contracts";
import type { CascadeDocumentRow, CascadeRow } from "./documents.cascades.repository.ts";
import type { CoverageGroupRow, CoverageTargetRow, TotalsRow } from "./documents.coverage.repository.ts";

/** How a cascade's document is named in a reminder or an export: "Kết luận số 21-KL/TW", else its citation. */
export function cascadeDocumentLabel(document: CascadeDocumentRow, locale: "vi" | "en"): string {
  if (document.symbol) {
    return locale === "en"
      ? `${document.typeNameEn} No. ${document.symbol}`
      : `${document.typeNameVi} số ${document.symbol}`;
  }
  return document.citation ?? document.subject;
}

export const EMPTY_TOTALS: CoverageTotals = {
  targets: 0,
  issued: 0,
  onTime: 0,
  late: 0,
  missing: 0,
  overdue: 0,
};

export function presentTotals(row: TotalsRow | undefined): CoverageTotals {
  if (!row) return { ...EMPTY_TOTALS };
  return {
    targets: row.targets,
    issued: row.issued,
    onTime: row.onTime,
    late: row.late,
    missing: row.missing,
    overdue: row.overdue,
  };
}

export function presentCascade(
  row: CascadeRow,
  extra: { totals: TotalsRow | undefined; selectionLabel: string; canManage: boolean },
): DocumentCascade {
  return {
    id: row.id,
    documentId: row.documentId,
    deadline: row.deadline,
    // Every target's id is for those who manage the holder; the others read the label.
    selection: extra.canManage ? (row.selection as CascadeSelection) : null,
    selectionLabel: extra.selectionLabel,
    note: row.note,
    totals: presentTotals(extra.totals),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    createdByName: row.createdByName,
    canManage: extra.canManage,
  };
}

export function presentGroup(row: CoverageGroupRow): CoverageGroup {
  return {
    orgId: row.childId ?? 0,
    orgName: row.childName ?? "",
    orgTypeCode: row.childTypeCode ?? "",
    isTarget: row.childIsTarget,
    hasTargetsBelow: row.hasTargetsBelow,
    totals: presentTotals(row),
  };
}

/** `document` is the implementing document's summary when the actor may see it. */
export function presentCoverageTarget(
  row: CoverageTargetRow,
  document: DocumentSummary | null,
): CoverageTarget {
  return {
    orgId: row.orgId,
    orgName: row.orgName,
    orgTypeCode: row.orgTypeCode,
    orgActive: row.orgActive,
    pathNames: row.pathNames,
    status: row.status,
    // A document outside the actor's scope is shown as issued (on time or late), without its date or
    // itself, and without the days late: the deadline plus those would give the date.
    implementation: row.documentId === null ? null : { issuedOn: document ? row.issuedOn : null, document },
    daysLate: document ? row.daysLate : null,
    daysOverdue: row.daysOverdue,
    lastRemindedAt: row.lastRemindedAt === null ? null : new Date(row.lastRemindedAt).toISOString(),
  };
}
