// SQL of document uploads: a file read and held (with its extracted text) until it is attached to a
// document or a day has passed.
import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { Database, DocumentUploadsTable } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export type NewDocumentUpload = Insertable<DocumentUploadsTable>;

export type StoredDocumentUpload = Selectable<DocumentUploadsTable>;

export async function insertUpload(executor: Executor, upload: NewDocumentUpload): Promise<string> {
  const row = await executor
    .insertInto("documentUploads")
    .values(upload)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The upload of that account, locked until the transaction ends (so it is taken once). */
export async function findUploadForUpdate(
  executor: Executor,
  id: string,
  accountId: number,
): Promise<StoredDocumentUpload | undefined> {
  return executor
    .selectFrom("documentUploads")
    .selectAll()
    .where("id", "=", id)
    .where("accountId", "=", accountId)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteUpload(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom("documentUploads").where("id", "=", id).execute();
}

/** Forgets uploads made before `cutoff` that were never attached. */
export async function deleteUploadsBefore(executor: Executor, cutoff: Date): Promise<void> {
  await executor.deleteFrom("documentUploads").where("createdAt", "<", cutoff).execute();
}

export interface RemovedTextRelation {
  relationId: number;
  toDocumentId: number;
  kind: string;
  quote: string | null;
}

/**
 * Removes the plain references (refers_to) a document's previous text gave it. Relations added by hand
 * and the implements / replaces / amends / guides relations chosen at registration stay: those are the
 * person's statement of what the document does, and coverage counts on them.
 */
export async function deleteTextReferencesFrom(
  executor: Executor,
  documentId: number,
): Promise<RemovedTextRelation[]> {
  const rows = await executor
    .deleteFrom("documentRelations")
    .where("fromDocumentId", "=", documentId)
    .where("origin", "=", "text")
    .where("kind", "=", "refers_to")
    .returning(["id", "toDocumentId", "kind", "quote"])
    .execute();
  return rows.map((row) => ({
    relationId: row.id,
    toDocumentId: row.toDocumentId,
    kind: row.kind,
    quote: row.quote,
  }));
}

/** One attachment of a document, with its bytes. */
export async function findFileContent(
  executor: Executor,
  documentId: number,
  fileId: number,
): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
  return executor
    .selectFrom("documentFiles")
    .select(["fileName", "mediaType", "content"])
    .where("id", "=", fileId)
    .where("documentId", "=", documentId)
    .executeTakeFirst();
}
