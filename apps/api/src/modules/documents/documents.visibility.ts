// THE rule for which documents an actor may see, as one SQL condition every read of documents uses
// (register, search, relations, graph, coverage). A document is visible when its holding organisation,
// one of its recipients, or one of the organisations a cascade of it addresses lies in the actor's
// document.read scope; a confidential document (Mật and above) only through the document.confidential
// scope. Anything else answers 404, like a document that does not exist.
import { type Expression, type SqlBool, sql } from "kysely";
import { type Actor, scopePaths } from "../../platform/auth/actor.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";

export interface DocumentScope {
  readPaths: string[];
  confidentialPaths: string[];
}

export function documentScopeOf(actor: Actor): DocumentScope {
  return {
    readPaths: scopePaths(actor, "document.read"),
    confidentialPaths: scopePaths(actor, "document.confidential"),
  };
}

/**
 * The document is reachable from one of `paths`: held by, addressed to, or demanded from an org there.
 * document_reach (migration 0014) holds those organisations' paths, kept right by triggers.
 */
function reachableFrom(alias: string, paths: readonly string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM document_reach vr
    WHERE vr.document_id = ${sql.ref(`${alias}.id`)} AND ${pathWithinAny(sql.ref("vr.path"), paths)})`;
}

/** Condition on a `documents` row aliased `alias` in the surrounding query. */
export function documentVisibleSql(alias: string, scope: DocumentScope): Expression<SqlBool> {
  const confidentiality = sql.ref(`${alias}.confidentiality`);
  return sql<SqlBool>`((${confidentiality} = 'normal' AND ${reachableFrom(alias, scope.readPaths)})
    OR ${reachableFrom(alias, scope.confidentialPaths)})`;
}
