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

/** The document is reachable from one of `paths`: held by, addressed to, or demanded from an org there. */
function reachableFrom(alias: string, paths: readonly string[]): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  const doc = sql.ref(`${alias}.id`);
  const owner = sql.ref(`${alias}.owner_org_id`);
  const within = (column: string) => pathWithinAny(sql.ref(column), paths);
  return sql<SqlBool>`(
    EXISTS (SELECT 1 FROM organisations vo WHERE vo.id = ${owner} AND ${within("vo.path")})
    OR EXISTS (SELECT 1 FROM document_recipients vr JOIN organisations vro ON vro.id = vr.org_id
               WHERE vr.document_id = ${doc} AND ${within("vro.path")})
    OR EXISTS (SELECT 1 FROM document_cascades vc
               JOIN document_cascade_targets vt ON vt.cascade_id = vc.id
               JOIN organisations vto ON vto.id = vt.org_id
               WHERE vc.document_id = ${doc} AND ${within("vto.path")}))`;
}

/** Condition on a `documents` row aliased `alias` in the surrounding query. */
export function documentVisibleSql(alias: string, scope: DocumentScope): Expression<SqlBool> {
  const confidentiality = sql.ref(`${alias}.confidentiality`);
  return sql<SqlBool>`((${confidentiality} = 'normal' AND ${reachableFrom(alias, scope.readPaths)})
    OR ${reachableFrom(alias, scope.confidentialPaths)})`;
}
