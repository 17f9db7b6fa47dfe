// Document uploads and files: a file is read once on upload (type sniffed from its bytes, text extracted,
// header proposed, references found and matched) and held for a day; registering a document or
// attaching to one takes it. Attachments are downloaded by those who may see their document.
import { createHash } from "node:crypto";
import {
  DOCUMENT_FILE_MAX_BYTES,
  type DocumentDetail,
  type DocumentUpload,
  type ErrorCode,
  type ProposedHeader,
} from "@namro/contracts";
import {
  type DocumentHeader,
  type DocumentReference,
  type DocumentTables,
  extractReferences,
  proposeDocumentHeader,
  proposedRelationKind,
  toSearchKey,
} from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type AuditContext, recordAudit, recordAudits } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { cleanUploadFileName } from "../../platform/http/upload-file-name.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { TextFileError, type TextFileFailure } from "../../platform/text-files/text-file-errors.ts";
import { type ReadFile, readTextFile } from "../../platform/text-files/text-file-reader.ts";
import { buildDocumentDetail, requireEditableRecord, requireVisibleRecord } from "./documents.detail.ts";
import { lookupKey, referenceLookupOf } from "./documents.keys.ts";
import { type DocumentTypeRow, listDocumentTypes } from "./documents.reference-data.repository.ts";
import type { DocumentReferenceDataService } from "./documents.reference-data.service.ts";
import { type ChosenReference, linkReferences, matchReferences } from "./documents.references.ts";
import {
  findDocumentText,
  insertDocumentFile,
  lockDocument,
  updateDocumentAtVersion,
  upsertDocumentText,
} from "./documents.repository.ts";
import { refreshSearchVector } from "./documents.search.repository.ts";
import { uploadNotes } from "./documents.uploads.notes.ts";
import {
  deleteTextReferencesFrom,
  deleteUpload,
  deleteUploadsBefore,
  findFileContent,
  findUploadForUpdate,
  insertUpload,
} from "./documents.uploads.repository.ts";
import { documentScopeOf } from "./documents.visibility.ts";

export type DocumentFileKind = "docx" | "pdf" | "image" | "txt";
/** Where a document's text came from: null when the file carries no text at all (an image). */
export type UploadTextSource = "docx" | "pdf" | "txt" | "none" | null;

/** An upload taken to become a document's file (and, when it has text, the document's text). */
export interface TakenUpload {
  fileName: string;
  mediaType: string;
  kind: DocumentFileKind;
  sizeBytes: number;
  sha256: string;
  hasTextLayer: boolean | null;
  pageCount: number | null;
  content: Buffer;
  /** The extracted text, NFC; "" when there is none. */
  body: string;
  textSource: UploadTextSource;
}

export interface UploadedFile {
  /** As the browser sent it. */
  fileName: string;
  bytes: Buffer;
}

export interface DownloadedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** How long an upload waits to be attached. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Characters of the text shown back for the person to check the reading. */
export const TEXT_PREVIEW_CHARS = 1500;

type FileColumns = Omit<TakenUpload, "body" | "textSource">;

/** The columns a document file takes from an upload (stored or taken). */
export function fileColumnsOf(upload: FileColumns): FileColumns {
  return {
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    kind: upload.kind,
    sizeBytes: upload.sizeBytes,
    sha256: upload.sha256,
    hasTextLayer: upload.hasTextLayer,
    pageCount: upload.pageCount,
    content: upload.content,
  };
}

export function textSourceOf(kind: DocumentFileKind, body: string): UploadTextSource {
  if (kind === "image") return null;
  if (body.trim() === "") return "none";
  return kind;
}

const READ_FAILURES: Record<TextFileFailure, ErrorCode> = {
  EMPTY: "DOCUMENT_FILE_EMPTY",
  TOO_LARGE: "DOCUMENT_FILE_TOO_LARGE",
  UNSUPPORTED: "DOCUMENT_FILE_UNSUPPORTED",
  MALFORMED: "DOCUMENT_FILE_MALFORMED",
  ENCRYPTED: "DOCUMENT_FILE_ENCRYPTED",
  UNKNOWN_ENCODING: "DOCUMENT_FILE_TEXT_ENCODING",
};

/** A file's reading failure as the register's error; anything else is not the file's fault. */
export function documentFileError(error: unknown): unknown {
  return error instanceof TextFileError
    ? new AppError(READ_FAILURES[error.reason], { detail: error.message })
    : error;
}

/** The register's type for a proposed header: by the type line's name when given, else the abbreviation. */
function typeOfHeader(types: readonly DocumentTypeRow[], header: DocumentHeader): DocumentTypeRow | null {
  if (header.system === null || header.typeAbbreviation === null) return null;
  const candidates = types.filter(
    (t) => t.system === header.system && t.abbreviation === header.typeAbbreviation,
  );
  const byName =
    header.typeName === null
      ? undefined
      : candidates.find((t) => toSearchKey(t.nameVi) === toSearchKey(header.typeName ?? ""));
  return byName ?? candidates.find((t) => !t.legacy) ?? candidates[0] ?? null;
}

const planTypesOf = (types: readonly DocumentTypeRow[]) =>
  types.filter((t) => t.system === "party" && t.isPlan).map((t) => t.abbreviation);

export class DocumentUploadsService {
  readonly #deps: ServiceDeps;
  readonly #referenceData: DocumentReferenceDataService;
  constructor(deps: ServiceDeps, referenceData: DocumentReferenceDataService) {
    this.#deps = deps;
    this.#referenceData = referenceData;
  }

  /**
   * Reads an uploaded file and holds it for the actor: the header proposed, the references found with
   * the registered documents they match (as far as the actor may see them) and the relation proposed
   * for each. A file that cannot be read answers its error and nothing is stored.
   */
  async upload(actor: Actor, file: UploadedFile): Promise<DocumentUpload> {
    let read: ReadFile;
    try {
      read = await readTextFile(file.bytes, DOCUMENT_FILE_MAX_BYTES);
    } catch (error) {
      throw documentFileError(error);
    }
    const db = this.#deps.db;
    const [tables, types] = await Promise.all([this.#referenceData.documentTables(), listDocumentTypes(db)]);
    const header = proposeDocumentHeader(read.text, tables);
    const type = typeOfHeader(types, header);
    const found = extractReferences(read.text, tables);
    const matched = await matchReferences(db, documentScopeOf(actor), found, actor.locale);
    const planTypes = planTypesOf(types);
    const references = matched.map((reference, i) => ({
      ...reference,
      proposedKind: proposedRelationKind(found[i] as DocumentReference, read.text, header, planTypes),
    }));
    const fileName = cleanUploadFileName(file.fileName);
    const now = this.#deps.clock.now();
    const uploadId = await db.transaction().execute(async (trx) => {
      await deleteUploadsBefore(trx, new Date(now.getTime() - UPLOAD_LIFETIME_MS));
      return insertUpload(trx, {
        accountId: actor.accountId,
        fileName,
        mediaType: read.mediaType,
        kind: read.kind,
        sizeBytes: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        hasTextLayer: read.hasTextLayer,
        pageCount: read.pageCount,
        content: file.bytes,
        body: read.text,
        createdAt: now,
      });
    });
    const proposed: ProposedHeader = {
      typeId: type?.id ?? null,
      typeAbbreviation: header.typeAbbreviation,
      number: header.number,
      issuerCodes: header.issuerCodes,
      place: header.place,
      issuedOn: header.issuedOn,
      subject: header.subject,
      signer: header.signer,
    };
    return {
      uploadId,
      fileName,
      kind: read.kind,
      sizeBytes: file.bytes.length,
      hasTextLayer: read.hasTextLayer,
      pageCount: read.pageCount,
      textLength: read.text.length,
      textPreview: read.text.slice(0, TEXT_PREVIEW_CHARS),
      proposed,
      references,
      notes: uploadNotes(actor.locale, read, header, {
        typeKnown: header.typeAbbreviation === null || type !== null,
        unknownIssuers: header.issuerCodes.filter(
          (code) => !tables.partyIssuers.some((i) => i.code === code),
        ),
        isParty: header.system === "party",
      }),
    };
  }

  /**
   * Takes the actor's upload inside the caller's transaction: returns its file and text and deletes
   * it, so it becomes one document's file once. Another account's upload answers like a missing one.
   */
  async takeUpload(trx: Transaction<Database>, actor: Actor, uploadId: string): Promise<TakenUpload> {
    const upload = await findUploadForUpdate(trx, uploadId, actor.accountId);
    if (!upload || this.#isExpired(upload.createdAt)) throw new AppError("DOCUMENT_UPLOAD_NOT_FOUND");
    await deleteUpload(trx, upload.id);
    return {
      ...fileColumnsOf(upload),
      body: upload.body,
      textSource: textSourceOf(upload.kind, upload.body),
    };
  }

  /**
   * Attaches an upload to a document the actor may edit (at the version the actor saw). By default the
   * file is an attachment (an annex, a scan, a signed copy): the document keeps its text and every
   * relation; only a document without text yet takes the file's text (for search and reading), and its
   * references are not linked (the person links those they mean, as at registration). With
   * `replaceText` the file is the document's main text: its text replaces the old one, the plain
   * references (refers_to) of the old text give way to those found in the new one, and the relations
   * that say what the document does (implements, replaces, amends, guides) stay.
   */
  async attach(
    actor: Actor,
    documentId: number,
    input: { uploadId: string; version: number; replaceText?: boolean | undefined },
    audit: AuditContext,
  ): Promise<DocumentDetail> {
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction().execute(async (trx) => {
      await lockDocument(trx, documentId);
      const record = await requireEditableRecord(trx, actor, documentId);
      if (record.version !== input.version) throw new AppError("DOCUMENT_VERSION_CONFLICT");
      const upload = await this.takeUpload(trx, actor, input.uploadId);
      const fileId = await insertDocumentFile(trx, {
        documentId,
        ...fileColumnsOf(upload),
        createdBy: actor.accountId,
      });
      const hasText = upload.textSource !== null && upload.textSource !== "none";
      const replacesText =
        hasText &&
        (input.replaceText === true || ((await findDocumentText(trx, documentId)) ?? "").trim() === "");
      const relinks = replacesText && input.replaceText === true;
      const changes = replacesText ? { textSource: upload.textSource } : {};
      if (!(await updateDocumentAtVersion(trx, documentId, input.version, changes, now))) {
        throw new AppError("DOCUMENT_VERSION_CONFLICT");
      }
      await recordAudit(
        trx,
        audit,
        {
          action: "document.file_add",
          entityType: "document",
          entityId: documentId,
          orgId: record.ownerOrgId,
          after: {
            fileId,
            fileName: upload.fileName,
            sha256: upload.sha256,
            kind: upload.kind,
            replacesText,
          },
        },
        now,
      );
      if (replacesText) {
        await upsertDocumentText(trx, documentId, upload.body);
        await refreshSearchVector(trx, documentId);
      }
      if (relinks) await this.#relinkReferences(trx, actor, record, upload.body, audit, now);
      return buildDocumentDetail(trx, actor, documentId);
    });
  }

  /** The old text's plain references removed, the new text's linked (each removal and link audited). */
  async #relinkReferences(
    trx: Transaction<Database>,
    actor: Actor,
    record: { id: number; ownerOrgId: number; typeAbbreviation: string },
    body: string,
    audit: AuditContext,
    now: Date,
  ): Promise<void> {
    const removed = await deleteTextReferencesFrom(trx, record.id);
    await recordAudits(
      trx,
      audit,
      removed.map((relation) => ({
        action: "document.relation_remove",
        entityType: "document",
        entityId: record.id,
        orgId: record.ownerOrgId,
        before: relation,
      })),
      now,
    );
    const tables = await this.#referenceData.documentTables(trx);
    const found = await this.#relationsFound(trx, body, tables, record);
    await linkReferences(trx, actor, record.id, found, { audit, now });
  }

  /**
   * The references of a document's new text with the relation proposed for the document's type: the
   * first citation of each document per kind (a long plan cites the same directive many times, and one
   * relation keeps the first quote).
   */
  async #relationsFound(
    trx: Transaction<Database>,
    body: string,
    tables: DocumentTables,
    record: { typeAbbreviation: string },
  ): Promise<ChosenReference[]> {
    const planTypes = planTypesOf(await listDocumentTypes(trx));
    const { subjectSpan } = proposeDocumentHeader(body, tables);
    const header = { typeAbbreviation: record.typeAbbreviation, subjectSpan };
    const chosen = new Map<string, ChosenReference>();
    for (const reference of extractReferences(body, tables)) {
      const lookup = referenceLookupOf(reference);
      if (!lookup) continue;
      const kind = proposedRelationKind(reference, body, header, planTypes);
      const key = `${lookupKey(lookup)}|${kind}`;
      if (!chosen.has(key)) chosen.set(key, { reference, kind });
    }
    return [...chosen.values()];
  }

  /** An attachment of a document the actor may see. */
  async download(actor: Actor, documentId: number, fileId: number): Promise<DownloadedFile> {
    await requireVisibleRecord(this.#deps.db, actor, documentId);
    const file = await findFileContent(this.#deps.db, documentId, fileId);
    if (!file) throw new AppError("DOCUMENT_FILE_NOT_FOUND");
    return file;
  }

  #isExpired(createdAt: Date): boolean {
    return this.#deps.clock.now().getTime() - new Date(createdAt).getTime() > UPLOAD_LIFETIME_MS;
  }
}
