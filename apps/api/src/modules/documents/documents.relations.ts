// Relations between documents added and removed by a person, and the graph of a document's relations a
// few steps both ways. The graph walks only through documents the reader may see: one they may not see
// is drawn as a node without content and not walked beyond.
import type { DocumentDetail, DocumentGraph, DocumentRelationKind } from "@namro/contracts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { buildDocumentDetail, requireEditableRecord, requireVisibleRecord } from "./documents.detail.ts";
import { presentDocumentSummary } from "./documents.presenter.ts";
import {
  deleteRelation,
  findRelation,
  insertRelation,
  isVisible,
  listRelationsTouching,
  listVisibleSummaries,
  lockDocument,
  type RelationRow,
  relationExists,
} from "./documents.repository.ts";
import { documentScopeOf } from "./documents.visibility.ts";

/** Most documents drawn in one graph; past it the graph is cut and says so. */
export const GRAPH_NODE_LIMIT = 150;

export async function addDocumentRelation(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: { kind: DocumentRelationKind; toDocumentId: number },
  audit: AuditContext,
): Promise<DocumentDetail> {
  return deps.db.transaction().execute(async (trx) => {
    await lockDocument(trx, id);
    const record = await requireEditableRecord(trx, actor, id);
    if (input.toDocumentId === id) {
      throw new AppError("DOCUMENT_RELATION_INVALID", {
        issues: [{ path: "body.toDocumentId", message: "DOCUMENT_RELATION_INVALID" }],
      });
    }
    if (!(await isVisible(trx, documentScopeOf(actor), input.toDocumentId)))
      throw new AppError("DOCUMENT_NOT_FOUND");
    if (await relationExists(trx, id, input.toDocumentId, input.kind))
      throw new AppError("DOCUMENT_RELATION_EXISTS");
    const relationId = await insertRelation(trx, {
      fromDocumentId: id,
      toDocumentId: input.toDocumentId,
      kind: input.kind,
      origin: "manual",
      createdBy: actor.accountId,
    });
    if (relationId === null) throw new AppError("DOCUMENT_RELATION_EXISTS");
    await recordAudit(
      trx,
      audit,
      {
        action: "document.relation_add",
        entityType: "document",
        entityId: id,
        orgId: record.ownerOrgId,
        after: { relationId, toDocumentId: input.toDocumentId, kind: input.kind, origin: "manual" },
      },
      deps.clock.now(),
    );
    return buildDocumentDetail(trx, actor, id);
  });
}

export async function removeDocumentRelation(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  relationId: number,
  audit: AuditContext,
): Promise<{ ok: true }> {
  return deps.db.transaction().execute(async (trx) => {
    await lockDocument(trx, id);
    const record = await requireEditableRecord(trx, actor, id);
    const relation = await findRelation(trx, relationId);
    if (!relation || relation.fromDocumentId !== id) throw new AppError("DOCUMENT_RELATION_NOT_FOUND");
    await deleteRelation(trx, relationId);
    await recordAudit(
      trx,
      audit,
      {
        action: "document.relation_remove",
        entityType: "document",
        entityId: id,
        orgId: record.ownerOrgId,
        before: {
          relationId,
          toDocumentId: relation.toDocumentId,
          kind: relation.kind,
          origin: relation.origin,
          quote: relation.quote,
        },
      },
      deps.clock.now(),
    );
    return { ok: true as const };
  });
}

/** Breadth-first from the document, `depth` steps along relations either way, at most GRAPH_NODE_LIMIT nodes. */
export async function documentGraph(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  depth: number,
  nodeLimit = GRAPH_NODE_LIMIT,
): Promise<DocumentGraph> {
  const db = deps.db;
  const scope = documentScopeOf(actor);
  await requireVisibleRecord(db, actor, id);
  const nodes = new Set<number>([id]);
  const visible = new Set<number>([id]);
  const edges = new Map<number, RelationRow>();
  let frontier = [id];
  let truncated = false;
  for (let step = 0; step < depth && frontier.length > 0 && !truncated; step += 1) {
    const relationLimit = nodeLimit * 20;
    const relations = await listRelationsTouching(db, frontier, relationLimit);
    if (relations.length === relationLimit) truncated = true;
    const found: number[] = [];
    for (const relation of relations) {
      const ends = [relation.fromDocumentId, relation.toDocumentId];
      const fresh = ends.filter((end) => !nodes.has(end));
      if (nodes.size + fresh.length > nodeLimit) {
        truncated = true;
        continue;
      }
      for (const end of fresh) {
        nodes.add(end);
        found.push(end);
      }
      edges.set(relation.id, relation);
    }
    const seen = new Set((await listVisibleSummaries(db, scope, found)).map((row) => row.id));
    for (const end of seen) visible.add(end);
    // Only documents the reader may see are walked beyond.
    frontier = found.filter((end) => seen.has(end));
  }
  const summaries = new Map(
    (await listVisibleSummaries(db, scope, [...visible])).map((row) => [
      row.id,
      presentDocumentSummary(row, actor.locale),
    ]),
  );
  return {
    nodes: [...nodes].map((node) => ({ id: node, document: summaries.get(node) ?? null })),
    edges: [...edges.values()]
      .sort((a, b) => a.id - b.id)
      .map((edge) => ({ from: edge.fromDocumentId, to: edge.toDocumentId, kind: edge.kind })),
    truncated,
  };
}
