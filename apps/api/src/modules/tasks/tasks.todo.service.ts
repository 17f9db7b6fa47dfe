// "Việc cần làm" for the signed-in person: the groups of TaskTodo, each counted and its first few
// listed. The person's units are the organisations where they hold a role that reports on tasks
// (task.report) directly — not every unit beneath them, which is what the dashboard's figures are for.
import {
  TASK_TODO_ASSIGNED_DAYS,
  TASK_TODO_GROUP_ITEMS,
  TASK_TODO_GROUPS,
  type TaskTodo,
  type TaskTodoGroup,
} from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import type { Actor } from "../../platform/auth/actor.ts";
import { ROLE_PERMISSIONS } from "../../platform/auth/permissions.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { listTodo, type TodoRow } from "./tasks.todo.repository.ts";
import { taskScopeOf } from "./tasks.visibility.ts";

function groupOf(rows: TodoRow[]): TaskTodoGroup {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  };
}

export class TaskTodoService {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  async todo(actor: Actor): Promise<TaskTodo> {
    const now = this.#deps.clock.now();
    const today = todayInVietnam(now);
    const unitIds = [
      ...new Set(
        actor.grants
          .filter((grant) => grant.orgActive && ROLE_PERMISSIONS[grant.role].includes("task.report"))
          .map((grant) => grant.orgId),
      ),
    ];
    const input = {
      scope: taskScopeOf(actor),
      unitIds,
      today,
      assignedSince: new Date(now.getTime() - TASK_TODO_ASSIGNED_DAYS * 86_400_000),
      limit: TASK_TODO_GROUP_ITEMS,
    };
    const groups = await Promise.all(
      TASK_TODO_GROUPS.map(
        async (kind) => [kind, groupOf(await listTodo(this.#deps.db, kind, input))] as const,
      ),
    );
    return {
      today,
      reportsForUnits: unitIds.length > 0,
      ...(Object.fromEntries(groups) as Record<(typeof TASK_TODO_GROUPS)[number], TaskTodoGroup>),
    };
  }
}
