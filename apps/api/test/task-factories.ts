// Tasks written straight into the tables, for tests of reports, roll-ups, reminders and access. The
// service (tasks.service.ts) is what people use; these only set up state quickly.
import { toSearchKey } from "@namro/domain";
import { type Kysely, sql } from "kysely";
import type { Database, NewTask, OrganisationRow, TaskRow } from "../src/db/schema.ts";

export interface TaskSpec
  extends Partial<Omit<NewTask, "ownerOrgId" | "ownerPath" | "orgPath" | "treePath">> {
  owner: OrganisationRow;
  lead?: OrganisationRow | null;
  parent?: TaskRow | null;
  supports?: OrganisationRow[];
}

/** A task assigned by `owner` (led by `lead`, default the owner), child of `parent` when given. */
export async function createTask(db: Kysely<Database>, spec: TaskSpec): Promise<TaskRow> {
  const { owner, lead = owner, parent = null, supports = [], ...fields } = spec;
  const title = fields.title ?? `Nhiệm vụ ${Math.random().toString(36).slice(2, 8)}`;
  const { id } = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('tasks', 'id'))::int AS id`
    .execute(db)
    .then((result) => result.rows[0] as { id: number });
  const task = await db
    .insertInto("tasks")
    .values({
      ...fields,
      id,
      title,
      searchKey: toSearchKey(title),
      ownerOrgId: owner.id,
      ownerPath: owner.path,
      leadOrgId: lead?.id ?? null,
      orgPath: (lead ?? owner).path,
      parentId: parent?.id ?? null,
      treePath: parent ? `${parent.treePath}.${id}` : String(id),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (supports.length > 0) {
    await db
      .insertInto("taskSupports")
      .values(supports.map((org) => ({ taskId: id, orgId: org.id, path: org.path })))
      .execute();
  }
  if (parent) await db.updateTable("tasks").set({ hasChildren: true }).where("id", "=", parent.id).execute();
  return task;
}
