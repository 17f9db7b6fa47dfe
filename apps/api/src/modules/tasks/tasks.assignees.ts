// Whom a task can name as responsible: active accounts holding a role on an organisation within the
// committee's subtree — the same rule the task's fields are checked against (responsibleAccountFits),
// so the list offers exactly the people the server accepts. Asked by whoever assigns tasks there.
import { TASK_ASSIGNEE_LIMIT, type TaskAssignee } from "@namro/contracts";
import { toSearchKey } from "@namro/domain";
import { sql } from "kysely";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { Executor } from "./tasks.repository.ts";

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accounts to offer for a committee at `path`, by name, at most `limit`. */
export async function listAssigneeAccounts(
  executor: Executor,
  path: string,
  searchKey: string,
  limit: number,
): Promise<TaskAssignee[]> {
  const within = sql<boolean>`o.path <@ ${path}::ltree`;
  let query = executor
    .selectFrom("accounts as a")
    .select((eb) => [
      "a.id",
      "a.displayName",
      eb
        .selectFrom("roleAssignments as ra")
        .innerJoin("organisations as o", "o.id", "ra.orgId")
        .select("o.name")
        .whereRef("ra.accountId", "=", "a.id")
        .where(within)
        .orderBy(sql`nlevel(o.path)`)
        .orderBy("o.id")
        .limit(1)
        .as("orgName"),
    ])
    .where("a.disabledAt", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("roleAssignments as ra")
          .innerJoin("organisations as o", "o.id", "ra.orgId")
          .select("ra.id")
          .whereRef("ra.accountId", "=", "a.id")
          .where(within),
      ),
    );
  if (searchKey) {
    const pattern = likeContains(searchKey);
    query = query.where((eb) =>
      eb.or([eb("a.searchKey", "like", pattern), eb("a.username", "like", pattern)]),
    );
  }
  const rows = await query.orderBy("a.searchKey").orderBy("a.id").limit(limit).execute();
  return rows.map((row) => ({ id: row.id, displayName: row.displayName, orgName: row.orgName ?? "" }));
}

export class TaskAssigneesService {
  private readonly deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.deps = deps;
  }

  /** 404 (like a missing organisation) unless the actor assigns tasks there. */
  async list(actor: Actor, orgId: number, q: string | undefined): Promise<{ items: TaskAssignee[] }> {
    const org = await this.deps.db
      .selectFrom("organisations")
      .select(sql<string>`path::text`.as("path"))
      .where("id", "=", orgId)
      .executeTakeFirst();
    if (!org || !holdsPermissionAt(actor, "task.manage", org.path)) throw new AppError("ORG_NOT_FOUND");
    const items = await listAssigneeAccounts(
      this.deps.db,
      org.path,
      toSearchKey(q ?? ""),
      TASK_ASSIGNEE_LIMIT,
    );
    return { items };
  }
}
