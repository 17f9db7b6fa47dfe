// THE rule for which tasks an actor may see, as one SQL condition every read of tasks uses (lists,
// detail, reports, roll-ups, dashboards, exports, reminders' links). A task is visible when an
// organisation involved in it — the one that assigned it, the lead, a supporting unit — lies in the
// actor's task.read scope (so the organisations involved and all their ancestors see it), and to the
// person it names as responsible. Anything else answers 404, like a task that does not exist.
import { type Expression, type SqlBool, sql } from "kysely";
import { type Actor, scopePaths } from "../../platform/auth/actor.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";

export interface TaskScope {
  accountId: number;
  readPaths: string[];
}

export function taskScopeOf(actor: Actor): TaskScope {
  return { accountId: actor.accountId, readPaths: scopePaths(actor, "task.read") };
}

/**
 * Condition on a `tasks` row aliased `alias` in the surrounding query. Every branch is an index
 * condition (the path GiST indexes, the primary key for the supported tasks' ids, the responsible
 * index), so a commune's tasks among a province's 200,000 are one BitmapOr, not a scan (an EXISTS
 * branch would be a per-row filter and force the scan).
 */
export function taskVisibleSql(alias: string, scope: TaskScope): Expression<SqlBool> {
  const ref = (column: string) => sql.ref<string>(`${alias}.${column}`);
  const personal = sql<SqlBool>`${ref("responsible_account_id")} = ${scope.accountId}`;
  if (scope.readPaths.length === 0) return personal;
  return sql<SqlBool>`(${pathWithinAny(ref("org_path"), scope.readPaths)}
    OR ${pathWithinAny(ref("owner_path"), scope.readPaths)}
    OR ${ref("id")} = ANY(ARRAY(SELECT vs.task_id FROM task_supports vs
      WHERE ${pathWithinAny(sql.ref("vs.path"), scope.readPaths)}))
    OR ${personal})`;
}
