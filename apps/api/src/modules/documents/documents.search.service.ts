// The register's list and full-text search: the documents an actor may see, filtered, newest first, or
// ranked by a query typed without diacritics, with marked snippets (documents.list.repository.ts).
import type { DocumentList, DocumentStatus } from "@namro/contracts";
import { toSearchKey } from "@namro/domain";
import { type Actor, isWithin } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import { listDocuments, orgPathOf } from "./documents.list.repository.ts";
import { presentDocumentSummary } from "./documents.presenter.ts";
import { documentScopeOf } from "./documents.visibility.ts";

/** The list query after validation (DocumentListQuerySchema, defaults applied). */
export interface DocumentListParams {
  q?: string | undefined;
  typeAbbreviation?: string | undefined;
  issuerCode?: string | undefined;
  year?: number | undefined;
  status?: DocumentStatus | undefined;
  orgId?: number | undefined;
  plansOnly?: boolean | undefined;
  includePlaceholders: boolean;
  page: number;
  pageSize: number;
}

export class DocumentSearchService {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** One page of the register. An `orgId` outside the actor's scope is ORG_NOT_FOUND. */
  async list(actor: Actor, params: DocumentListParams): Promise<DocumentList> {
    const scope = documentScopeOf(actor);
    let subtreePath: string | undefined;
    if (params.orgId !== undefined) {
      const path = await orgPathOf(this.#deps.db, params.orgId);
      const reachable = [...scope.readPaths, ...scope.confidentialPaths];
      if (path === null || !reachable.some((root) => isWithin(path, root)))
        throw new AppError("ORG_NOT_FOUND");
      subtreePath = path;
    }
    // Folded here as the vector was in SQL (unaccent): "Đảng", "dang" and an NFD "Đảng" are one word.
    const query = params.q === undefined ? "" : toSearchKey(params.q);
    // One transaction (JIT is off on every connection: compiling once took two seconds of a province's
    // three). On the read replica when there is one (ADR 0009).
    const result = await readsOf(this.#deps).run(actor, (db) =>
      db.transaction().execute(async (trx) => {
        return listDocuments(trx, {
          scope,
          filter: {
            typeAbbreviation: params.typeAbbreviation || undefined,
            issuerCode: params.issuerCode || undefined,
            year: params.year,
            status: params.status,
            subtreePath,
            plansOnly: params.plansOnly,
            includePlaceholders: params.includePlaceholders,
          },
          query: query === "" ? null : query,
          page: params.page,
          pageSize: params.pageSize,
        });
      }),
    );
    return {
      items: result.rows.map((row) => ({
        ...presentDocumentSummary(row, actor.locale),
        snippet: row.snippet,
        rank: row.rank,
      })),
      total: result.total,
      totalIsLowerBound: result.totalIsLowerBound,
      page: params.page,
      pageSize: params.pageSize,
    };
  }
}
