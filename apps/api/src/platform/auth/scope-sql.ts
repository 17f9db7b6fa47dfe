// The org-subtree access check in SQL: a path lies in one of the actor's scope subtrees (ltree <@).
import { type Expression, type SqlBool, sql } from "kysely";

/** `path` lies in one of the subtrees rooted at `roots` (ltree paths). False when there are none. */
export function pathWithinAny(
  path: Expression<string | null>,
  roots: readonly string[],
): Expression<SqlBool> {
  if (roots.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    roots.map((root) => sql`${path} <@ ${root}::ltree`),
    sql` OR `,
  )})`;
}
