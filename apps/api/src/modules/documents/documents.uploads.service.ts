// Document uploads: a file is read once on upload (type sniffed from its bytes, text extracted, header
// proposed, references found) and held for a day; registering a document or attaching to one takes it.
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { deleteUpload, findUploadForUpdate } from "./documents.uploads.repository.ts";

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

/** How long an upload waits to be attached. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function textSourceOf(kind: DocumentFileKind, body: string): UploadTextSource {
  if (kind === "image") return null;
  if (body.trim() === "") return "none";
  return kind;
}

export class DocumentUploadsService {
  private readonly deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.deps = deps;
  }

  /**
   * Takes the actor's upload inside the caller's transaction: returns its file and text and deletes
   * it, so it becomes one document's file once. Another account's upload answers like a missing one.
   */
  async takeUpload(trx: Transaction<Database>, actor: Actor, uploadId: string): Promise<TakenUpload> {
    const upload = await findUploadForUpdate(trx, uploadId, actor.accountId);
    if (!upload || this.isExpired(upload.createdAt)) throw new AppError("DOCUMENT_UPLOAD_NOT_FOUND");
    await deleteUpload(trx, upload.id);
    return {
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      kind: upload.kind,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      hasTextLayer: upload.hasTextLayer,
      pageCount: upload.pageCount,
      content: upload.content,
      body: upload.body,
      textSource: textSourceOf(upload.kind, upload.body),
    };
  }

  private isExpired(createdAt: Date): boolean {
    return this.deps.clock.now().getTime() - new Date(createdAt).getTime() > UPLOAD_LIFETIME_MS;
  }
}
