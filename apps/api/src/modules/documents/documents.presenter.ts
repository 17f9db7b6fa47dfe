// Rows of the register → DTOs, field by field. The summary is shared by every list of documents
// (register, search, relations, graph, coverage): build it with documentSummaryQuery and this function.
import type {
  DocumentDetail,
  DocumentFile,
  DocumentSummary,
  Locale,
  RelatedDocument,
} from "@namro/contracts";
import type { DocumentRecordRow, DocumentSummaryRow, RelationRow } from "./documents.repository.ts";

export function presentDocumentSummary(row: DocumentSummaryRow, locale: Locale): DocumentSummary {
  return {
    id: row.id,
    system: row.system,
    typeId: row.typeId,
    typeAbbreviation: row.typeAbbreviation,
    typeName: locale === "en" && row.typeNameEn !== "" ? row.typeNameEn : row.typeNameVi,
    number: row.number,
    issuerCodes: row.issuerCodes,
    symbol: row.symbol,
    citation: row.citation,
    issuedOn: row.issuedOn,
    subject: row.subject,
    status: row.status,
    confidentiality: row.confidentiality,
    isPlaceholder: row.isPlaceholder,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: row.ownerOrgName,
    issuingOrgId: row.issuingOrgId,
    issuingOrgName: row.issuingOrgName,
  };
}

/** A relation seen from one end; `other` is the document at the far end when the reader may see it. */
export function presentRelated(relation: RelationRow, other: DocumentSummary | null): RelatedDocument {
  return {
    relationId: relation.id,
    kind: relation.kind,
    origin: relation.origin,
    quote: relation.quote,
    quoteStart: relation.quoteStart,
    quoteEnd: relation.quoteEnd,
    document: other,
  };
}

export interface DocumentFileRow {
  id: number;
  fileName: string;
  mediaType: string;
  kind: DocumentFile["kind"];
  sizeBytes: number;
  hasTextLayer: boolean | null;
  pageCount: number | null;
  createdAt: Date;
}

export function presentFile(row: DocumentFileRow): DocumentFile {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    kind: row.kind,
    sizeBytes: row.sizeBytes,
    hasTextLayer: row.hasTextLayer,
    pageCount: row.pageCount,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export interface DetailParts {
  recipients: { orgId: number; orgName: string }[];
  files: DocumentFileRow[];
  outgoing: RelatedDocument[];
  incoming: RelatedDocument[];
  incomingTotal: number;
  incomingHiddenCount: number;
  cascadeCount: number;
  canEdit: boolean;
}

export function presentDocumentDetail(
  row: DocumentRecordRow,
  parts: DetailParts,
  locale: Locale,
): DocumentDetail {
  return {
    ...presentDocumentSummary(row, locale),
    termId: row.termId,
    termLabel: row.termLabel,
    place: row.place,
    signer: row.signer,
    recipients: parts.recipients,
    textSource: row.textSource,
    textLength: Number(row.textLength),
    files: parts.files.map(presentFile),
    outgoing: parts.outgoing,
    incoming: parts.incoming,
    incomingTotal: parts.incomingTotal,
    incomingHiddenCount: parts.incomingHiddenCount,
    cascadeCount: parts.cascadeCount,
    version: row.version,
    canEdit: parts.canEdit,
  };
}

/** What the audit log keeps of a document (no text, no file content). */
export function documentAuditSnapshot(row: DocumentRecordRow, recipientOrgIds: readonly number[]) {
  return {
    system: row.system,
    typeId: row.typeId,
    symbol: row.symbol,
    number: row.number,
    issuerCodes: row.issuerCodes,
    citation: row.citation,
    issuingOrgId: row.issuingOrgId,
    ownerOrgId: row.ownerOrgId,
    termId: row.termId,
    issuedOn: row.issuedOn,
    place: row.place,
    subject: row.subject,
    signer: row.signer,
    status: row.status,
    confidentiality: row.confidentiality,
    isPlaceholder: row.isPlaceholder,
    recipientOrgIds: [...recipientOrgIds],
  };
}
