// One document as a reader sees it: the record, recipients, files, relations both ways (the document at
// the far end only when the reader may see it), the number of cascades it sets, and whether the reader
// may edit it. A document the reader may not see is DOCUMENT_NOT_FOUND.
import type { DocumentDetail, DocumentSummary } from "@namro/contracts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { mayEditDocument } from "./documents.policy.ts";
import { presentDocumentDetail, presentDocumentSummary, presentRelated } from "./documents.presenter.ts";
import {
  countCascades,
  type DocumentRecordRow,
  type Executor,
  findVisibleRecord,
  listFiles,
  listIncomingRelations,
  listOutgoingRelations,
  listRecipients,
  listVisibleSummaries,
} from "./documents.repository.ts";
import { documentScopeOf } from "./documents.visibility.ts";

/** The record if the actor may see it, else DOCUMENT_NOT_FOUND. */
export async function requireVisibleRecord(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<DocumentRecordRow> {
  const record = await findVisibleRecord(executor, documentScopeOf(actor), id);
  if (!record) throw new AppError("DOCUMENT_NOT_FOUND");
  return record;
}

/** The record if the actor may see and edit it: not visible → 404, visible but not editable → 403. */
export async function requireEditableRecord(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<DocumentRecordRow> {
  const record = await requireVisibleRecord(executor, actor, id);
  if (!mayEditDocument(actor, record)) throw new AppError("ACCESS_DENIED");
  return record;
}

/** Relations to a document shown in its detail: a central resolution is cited by thousands of plans. */
export const INCOMING_RELATIONS_SHOWN = 200;

export async function buildDocumentDetail(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<DocumentDetail> {
  const record = await requireVisibleRecord(executor, actor, id);
  const recipients = await listRecipients(executor, id);
  const files = await listFiles(executor, id);
  const scope = documentScopeOf(actor);
  const outgoing = await listOutgoingRelations(executor, id);
  // Only relations from documents the reader sees: another's quote and offsets are not theirs to read.
  const incoming = await listIncomingRelations(executor, scope, id, INCOMING_RELATIONS_SHOWN);
  const cascadeCount = await countCascades(executor, id);
  const otherIds = [
    ...new Set([...outgoing.map((r) => r.toDocumentId), ...incoming.rows.map((r) => r.fromDocumentId)]),
  ];
  const visible = new Map<number, DocumentSummary>(
    (await listVisibleSummaries(executor, scope, otherIds)).map((row) => [
      row.id,
      presentDocumentSummary(row, actor.locale),
    ]),
  );
  return presentDocumentDetail(
    record,
    {
      recipients,
      files,
      outgoing: outgoing.map((r) => presentRelated(r, visible.get(r.toDocumentId) ?? null)),
      incoming: incoming.rows.map((r) => presentRelated(r, visible.get(r.fromDocumentId) ?? null)),
      incomingTotal: incoming.total,
      incomingHiddenCount: incoming.hidden,
      cascadeCount,
      canEdit: mayEditDocument(actor, record),
    },
    actor.locale,
  );
}
