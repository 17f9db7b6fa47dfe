// A committee's clear-set (DOMAIN.md §2): the clears its tasks are checked against, inherited from the
// nearest ancestor that sets one, else the default five. Changing a set re-grades the tasks owned in
// the subtree that inherit it (not those under a nearer set of their own), in batches, in the same
// transaction as the change and its audit row. The re-grading is derived data: it does not bump a
// task's version, so nobody's open edit conflicts with it.
import type { ClearSet } from "@namro/contracts";
import {
  type ClearDefinition,
  checkTaskClears,
  DEFAULT_CLEARS,
  missingClearKeys,
  type TaskClearFields,
} from "@namro/domain";
import { sql } from "kysely";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { Executor } from "./tasks.repository.ts";

export interface EffectiveClearSet {
  sourceOrgId: number | null;
  sourceOrgName: string | null;
  clears: ClearDefinition[];
  version: number | null;
}

/** The set that applies to tasks owned by the organisation at `path`. */
export async function effectiveClearSet(executor: Executor, path: string): Promise<EffectiveClearSet> {
  const row = await executor
    .selectFrom("clearSets as c")
    .innerJoin("organisations as o", "o.id", "c.orgId")
    .select(["c.orgId", "o.name", "c.clears", "c.version"])
    .where(sql<boolean>`o.path @> ${path}::ltree`)
    .orderBy(sql`nlevel(o.path)`, "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return { sourceOrgId: null, sourceOrgName: null, clears: [...DEFAULT_CLEARS], version: null };
  return {
    sourceOrgId: row.orgId,
    sourceOrgName: row.name,
    clears: row.clears as ClearDefinition[],
    version: row.version,
  };
}

async function findOrg(executor: Executor, orgId: number) {
  return executor
    .selectFrom("organisations")
    .select(["id", "path", "name"])
    .where("id", "=", orgId)
    .executeTakeFirst();
}

function present(actor: Actor, org: { id: number; path: string }, set: EffectiveClearSet): ClearSet {
  return {
    orgId: org.id,
    sourceOrgId: set.sourceOrgId,
    sourceOrgName: set.sourceOrgName,
    clears: set.clears,
    // Only the organisation's own row carries a version the client sends back.
    version: set.sourceOrgId === org.id ? set.version : null,
    canEdit: holdsPermissionAt(actor, "task.manage", org.path),
  };
}

export async function getClearSet(deps: ServiceDeps, actor: Actor, orgId: number): Promise<ClearSet> {
  const org = await findOrg(deps.db, orgId);
  if (!org || !holdsPermissionAt(actor, "task.read", org.path)) throw new AppError("ORG_NOT_FOUND");
  return present(actor, org, await effectiveClearSet(deps.db, org.path));
}

export interface UpdateClearSetFields {
  clears: ClearDefinition[] | null;
  version: number | null;
}

export async function updateClearSet(
  deps: ServiceDeps,
  actor: Actor,
  orgId: number,
  input: UpdateClearSetFields,
  audit: AuditContext,
): Promise<ClearSet> {
  return deps.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, orgId);
    if (!org || !holdsPermissionAt(actor, "task.read", org.path)) throw new AppError("ORG_NOT_FOUND");
    if (!holdsPermissionAt(actor, "task.manage", org.path)) throw new AppError("ACCESS_DENIED");
    const own = await trx
      .selectFrom("clearSets")
      .selectAll()
      .where("orgId", "=", orgId)
      .forUpdate()
      .executeTakeFirst();
    if ((own?.version ?? null) !== input.version) throw new AppError("CLEAR_SET_VERSION_CONFLICT");
    const clears = input.clears?.map((clear) => ({
      key: clear.key,
      aspect: clear.aspect,
      label: { vi: clear.label.vi.normalize("NFC"), en: clear.label.en.normalize("NFC") },
    }));
    if (clears) {
      const seen = new Set<string>();
      const issues = clears.flatMap((clear, index) => {
        if (seen.has(clear.key))
          return [{ path: `body.clears.${index}.key`, message: "CLEAR_SET_DUPLICATE_KEY" }];
        seen.add(clear.key);
        return [];
      });
      if (issues.length > 0) throw new AppError("CLEAR_SET_DUPLICATE_KEY", { issues });
    }
    const now = deps.clock.now();
    if (clears && own) {
      await trx
        .updateTable("clearSets")
        .set({
          clears: JSON.stringify(clears),
          version: own.version + 1,
          updatedBy: actor.accountId,
          updatedAt: now,
        })
        .where("orgId", "=", orgId)
        .execute();
    } else if (clears) {
      await trx
        .insertInto("clearSets")
        .values({ orgId, clears: JSON.stringify(clears), updatedBy: actor.accountId, updatedAt: now })
        .execute();
    } else if (own) {
      await trx.deleteFrom("clearSets").where("orgId", "=", orgId).execute();
    }
    const effective = await effectiveClearSet(trx, org.path);
    const regraded = await regradeSubtree(trx, org.path, effective.clears);
    await recordAudit(
      trx,
      audit,
      {
        action: "clear_set.update",
        entityType: "clear_set",
        entityId: orgId,
        orgId,
        before: { clears: own?.clears ?? null },
        after: { clears: clears ?? null, tasksRegraded: regraded },
      },
      now,
    );
    return present(actor, org, effective);
  });
}

/** Tasks re-graded per statement. */
const REGRADE_BATCH = 2000;

/**
 * Re-grades the tasks owned under `path` that take their set from there (owners below a nearer set of
 * their own keep theirs). Returns how many tasks' missing clears changed.
 */
export async function regradeSubtree(
  executor: Executor,
  path: string,
  clears: readonly ClearDefinition[],
): Promise<number> {
  const nearer = await executor
    .selectFrom("clearSets as c")
    .innerJoin("organisations as o", "o.id", "c.orgId")
    .select("o.path")
    .where(sql<boolean>`o.path <@ ${path}::ltree`)
    .where(sql<boolean>`o.path <> ${path}::ltree`)
    .execute();
  const excluded = nearer.map((row) => row.path);
  let changed = 0;
  let afterId = 0;
  for (;;) {
    let query = executor
      .selectFrom("tasks as t")
      .select([
        "t.id",
        "t.title",
        "t.leadOrgId",
        "t.responsibleAccountId",
        "t.responsibleName",
        "t.startDate",
        "t.dueDate",
        "t.schedule",
        "t.reportFrequency",
        "t.deliverable",
        "t.targetValue",
        "t.targetUnit",
        "t.missingClears",
        sql<boolean>`EXISTS (SELECT 1 FROM task_supports s WHERE s.task_id = t.id)`.as("hasSupports"),
      ])
      .where(sql<boolean>`t.owner_path <@ ${path}::ltree`)
      .where("t.id", ">", afterId)
      .orderBy("t.id")
      .limit(REGRADE_BATCH);
    if (excluded.length > 0) {
      query = query.where(sql<boolean>`NOT (t.owner_path <@ ANY(${sql.val(excluded)}::ltree[]))`);
    }
    const rows = await query.execute();
    if (rows.length === 0) break;
    afterId = rows.at(-1)?.id ?? afterId;
    const updates: Record<string, string[]> = {};
    for (const row of rows) {
      const fields: TaskClearFields = { ...row, supportOrgIds: row.hasSupports ? [0] : [] };
      const missing = missingClearKeys(checkTaskClears(fields, clears));
      if (missing.join("\u0000") !== row.missingClears.join("\u0000")) updates[String(row.id)] = missing;
    }
    const count = Object.keys(updates).length;
    if (count > 0) {
      await sql`UPDATE tasks t SET missing_clears = ARRAY(SELECT jsonb_array_elements_text(v.value))
        FROM jsonb_each(${JSON.stringify(updates)}::jsonb) v WHERE t.id = v.key::bigint`.execute(executor);
      changed += count;
    }
    if (rows.length < REGRADE_BATCH) break;
  }
  return changed;
}
