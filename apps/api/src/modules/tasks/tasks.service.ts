// Use cases of five-clears tasks: list and detail (through the one visibility rule, status for today
// from the injected clock), create (one, or many at once for the plan checker), edit with optimistic
// concurrency, pause / cancel / resume, the clears of a draft; cascades, clear-sets and plan settings
// are delegated to their files. Other modules find a task through requireVisible.
import type {
  ChangeTaskStateInput,
  CheckTaskClearsInput,
  ClearSet,
  CreateTaskInput,
  TaskClear,
  TaskDetail,
  TaskListQuerySchema,
  TaskSummary,
  UpdateTaskInput,
} from "@namro/contracts";
import {
  checkTaskClears,
  missingClearKeys,
  type TaskClearFields,
  todayInVietnam,
  toSearchKey,
} from "@namro/domain";
import { type Expression, type SqlBool, sql, type Transaction } from "kysely";
import type { z } from "zod";
import type { Database, NewTask, TaskRow } from "../../db/schema.ts";
import { type AuditContext, type AuditEntryInput, recordAudits } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { DocumentsService } from "../documents/documents.service.ts";
import { type CascadeResult, cascadeTask, previewCascade, type TaskCascadeInput } from "./tasks.cascade.ts";
import {
  effectiveClearSet,
  getClearSet,
  type UpdateClearSetFields,
  updateClearSet,
} from "./tasks.clear-sets.ts";
import {
  Problems,
  type ResolvedTaskFields,
  resolveTaskFields,
  type TaskFieldsInput,
  taskSearchKey,
} from "./tasks.fields.ts";
import { checkNewParent, touchParent } from "./tasks.parent.ts";
import { getPlanSettings, type TaskPlanSettings, updatePlanSettings } from "./tasks.plans.ts";
import { mayAssignFor, mayCascadeTask, mayEditTask, mayReportTask, mayReviewTask } from "./tasks.policy.ts";
import { presentTaskDetail, presentTaskSummary } from "./tasks.presenter.ts";
import { lockTaskPaths, refreshTaskProgress } from "./tasks.reports.progress.ts";
import * as repo from "./tasks.repository.ts";
import { applyStateToSubtree, checkAncestorsRunning } from "./tasks.state.ts";
import { taskStatusIsSql } from "./tasks.status-sql.ts";
import { taskScopeOf, taskVisibleSql } from "./tasks.visibility.ts";

type Trx = Transaction<Database>;

export type TaskListOptions = z.output<typeof TaskListQuerySchema>;

export interface CreatedTask {
  id: number;
  title: string;
  missingClears: string[];
}

interface Assigning {
  owner: repo.TaskOrgRow;
  committeePath: string;
  planDocumentId: number | null;
  parent: TaskRow | null;
}

/** What the lead unit may change in a task it was given: who answers for it, and its milestones. */
const LEAD_EDITABLE = new Set(["version", "responsibleAccountId", "responsibleName", "milestones"]);

/** Serialises moves of tasks between parents, so two moves at once cannot make a cycle. */
const TASK_TREE_LOCK = 7_240_215;

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function clearsOf(grades: ReturnType<typeof checkTaskClears>): TaskClear[] {
  return grades.map((grade) => ({ ...grade }));
}

export class TasksService {
  readonly #deps: ServiceDeps;
  readonly #documents: DocumentsService;

  constructor(deps: ServiceDeps, documents: DocumentsService) {
    this.#deps = deps;
    this.#documents = documents;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  // ---- for other modules ------------------------------------------------------------------------

  /** The task when the actor may see it (locked inside a write when `lock`), else TASK_NOT_FOUND. */
  async requireVisible(
    actor: Actor,
    id: number,
    executor: repo.Executor = this.#deps.db,
    lock = false,
  ): Promise<TaskRow> {
    const row = await repo.findVisibleRow(executor, id, taskScopeOf(actor), lock);
    if (!row) throw new AppError("TASK_NOT_FOUND");
    return row;
  }

  // ---- reads ------------------------------------------------------------------------------------

  async list(
    actor: Actor,
    options: TaskListOptions,
  ): Promise<{ items: TaskSummary[]; page: number; pageSize: number; total: number }> {
    const today = this.#today();
    const db = this.#deps.db;
    const conditions: Expression<SqlBool>[] = [];
    conditions.push(taskVisibleSql("t", taskScopeOf(actor)));
    if (options.orgId !== undefined) {
      const [org] = await repo.findOrgs(db, [options.orgId]);
      if (!org || !holdsPermissionAt(actor, "task.read", org.path)) throw new AppError("ORG_NOT_FOUND");
      conditions.push(pathWithinAny(sql.ref("t.org_path"), [org.path]));
    }
    if (options.planDocumentId !== undefined)
      conditions.push(sql<SqlBool>`t.plan_document_id = ${options.planDocumentId}`);
    if (options.parentId !== undefined) conditions.push(sql<SqlBool>`t.parent_id = ${options.parentId}`);
    const key = options.q ? toSearchKey(options.q).trim() : "";
    if (key !== "") conditions.push(sql<SqlBool>`t.search_key LIKE ${`%${likeEscape(key)}%`}`);
    if (options.status !== undefined) conditions.push(taskStatusIsSql("t", today, options.status));

    if (options.missingClears !== undefined) {
      conditions.push(
        options.missingClears
          ? sql<SqlBool>`cardinality(t.missing_clears) > 0`
          : sql<SqlBool>`cardinality(t.missing_clears) = 0`,
      );
    }
    if (options.mine) conditions.push(sql<SqlBool>`t.responsible_account_id = ${actor.accountId}`);
    if (options.dueFrom !== undefined) conditions.push(sql<SqlBool>`t.due_date >= ${options.dueFrom}::date`);
    if (options.dueTo !== undefined) conditions.push(sql<SqlBool>`t.due_date <= ${options.dueTo}::date`);

    // The page's ids are chosen on plain columns first; the status, the lateness and the names are
    // computed for those rows only (per row they cost microseconds, over a province's 200,000 far more).
    type Ordered = ReturnType<typeof repo.summaryQuery>;
    const order = <Q extends Ordered | ReturnType<typeof idsOf>>(query: Q): Q => {
      const q = query as unknown as Ordered;
      if (options.sort === "recent")
        return q.orderBy("t.createdAt", "desc").orderBy("t.id", "desc") as unknown as Q;
      // The search key starts with the title folded to plain letters: "Đối thoại" before "Học tập".
      if (options.sort === "title") return q.orderBy("t.searchKey").orderBy("t.id") as unknown as Q;
      return q.orderBy(sql`t.due_date ASC NULLS LAST`).orderBy("t.id") as unknown as Q;
    };
    const filtered = <Q extends { where(condition: Expression<SqlBool>): Q }>(query: Q): Q =>
      conditions.reduce((q, condition) => q.where(condition), query);
    const idsOf = (executor: repo.Executor) => filtered(executor.selectFrom("tasks as t").select("t.id"));
    // Each in its own transaction, in parallel on a pool, without parallel workers (JIT is off on every
    // connection): starting workers cost ~60 ms for a commune's few milliseconds of work.
    const withoutParallelWorkers = <T>(run: (trx: Trx) => Promise<T>) =>
      db.transaction().execute(async (trx) => {
        await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
        return run(trx);
      });
    const [rows, totalRow] = await Promise.all([
      withoutParallelWorkers((trx) => {
        const page = order(idsOf(trx))
          .limit(options.pageSize)
          .offset((options.page - 1) * options.pageSize);
        return order(repo.summaryQuery(trx, today).where("t.id", "in", page)).execute();
      }),
      withoutParallelWorkers((trx) =>
        filtered(
          trx.selectFrom("tasks as t").select(sql<number>`count(*)::int`.as("total")),
        ).executeTakeFirstOrThrow(),
      ),
    ]);
    return {
      items: rows.map((row) => presentTaskSummary(row, today)),
      page: options.page,
      pageSize: options.pageSize,
      total: totalRow.total,
    };
  }

  async get(actor: Actor, id: number): Promise<TaskDetail> {
    return this.#detail(this.#deps.db, actor, id);
  }

  async #detail(executor: repo.Executor, actor: Actor, id: number): Promise<TaskDetail> {
    const today = this.#today();
    const scope = taskScopeOf(actor);
    const row = await repo.findVisibleDetail(executor, id, scope, today);
    if (!row) throw new AppError("TASK_NOT_FOUND");
    const [supportOrgs, milestones, parent, children, clearSet] = await Promise.all([
      repo.listSupports(executor, id),
      repo.listMilestones(executor, id),
      row.parentId === null
        ? Promise.resolve(undefined)
        : repo.findVisibleParent(executor, row.parentId, scope),
      repo.childFigures(executor, id, scope),
      effectiveClearSet(executor, row.ownerPath),
    ]);
    const clears = checkTaskClears(
      { ...row, supportOrgIds: supportOrgs.map((org) => org.id) } satisfies TaskClearFields,
      clearSet.clears,
    );
    const paths = {
      ownerPath: row.ownerPath,
      leadPath: row.leadPath,
      responsibleAccountId: row.responsibleAccountId,
    };
    return presentTaskDetail(
      row,
      {
        supportOrgs,
        milestones,
        clears: clearsOf(clears),
        parent: parent ?? null,
        ...children,
        can: {
          edit: mayEditTask(actor, paths),
          cascade: mayCascadeTask(actor, paths),
          report: mayReportTask(actor, paths),
          review: mayReviewTask(actor, paths),
        },
      },
      today,
    );
  }

  /** The clears of a draft, graded against the owner's set; nothing is written. */
  async checkClears(
    actor: Actor,
    input: CheckTaskClearsInput,
  ): Promise<{ clears: TaskClear[]; missingClears: string[] }> {
    const [owner] = await repo.findOrgs(this.#deps.db, [input.ownerOrgId]);
    if (!owner || !holdsPermissionAt(actor, "task.read", owner.path)) throw new AppError("ORG_NOT_FOUND");
    const set = await effectiveClearSet(this.#deps.db, owner.path);
    const grades = checkTaskClears(input, set.clears);
    return { clears: clearsOf(grades), missingClears: missingClearKeys(grades) };
  }

  // ---- create -----------------------------------------------------------------------------------

  async create(actor: Actor, input: CreateTaskInput, audit: AuditContext): Promise<TaskDetail> {
    return this.#deps.db.transaction().execute(async (trx) => {
      const problems = new Problems();
      const assigning = await this.#assigning(trx, actor, input, "body.", problems);
      const { ownerOrgId: _o, planDocumentId: _p, parentId: _q, kind, ...fields } = input;
      const [created] = await this.#insert(
        trx,
        actor,
        assigning,
        [fields],
        kind ?? "task",
        "body.",
        problems,
        audit,
      );
      return this.#detail(trx, actor, (created as CreatedTask).id);
    });
  }

  /**
   * Several tasks in one transaction (the plan checker's "turn the checked plan into tasks"): all are
   * created or, at the first problem in any, none; issues name `body.tasks.<i>.<field>`.
   */
  async createMany(
    actor: Actor,
    target: { ownerOrgId: number; planDocumentId: number | null },
    inputs: readonly TaskFieldsInput[],
    audit: AuditContext,
  ): Promise<CreatedTask[]> {
    return this.#deps.db.transaction().execute(async (trx) => {
      const problems = new Problems();
      const assigning = await this.#assigning(trx, actor, target, "body.", problems);
      return this.#insert(trx, actor, assigning, inputs, "task", "body.tasks.", problems, audit);
    });
  }

  async #assigning(
    trx: Trx,
    actor: Actor,
    input: {
      ownerOrgId: number;
      planDocumentId?: number | null | undefined;
      parentId?: number | null | undefined;
    },
    at: string,
    problems: Problems,
  ): Promise<Assigning> {
    const [owner] = await repo.findOrgs(trx, [input.ownerOrgId]);
    // An organisation the actor may not see is missing; one seen but not managed is refused.
    if (!owner || !holdsPermissionAt(actor, "task.read", owner.path)) throw new AppError("ORG_NOT_FOUND");
    if (!owner.active || !mayAssignFor(actor, owner.path)) {
      throw new AppError("TASK_OWNER_OUTSIDE_SCOPE", {
        issues: [{ path: `${at}ownerOrgId`, message: "TASK_OWNER_OUTSIDE_SCOPE" }],
      });
    }
    let parent: TaskRow | null = null;
    if (input.parentId != null) {
      // The parent's path first, in the order reports lock it (see lockTaskPaths).
      await lockTaskPaths(trx, [input.parentId]);
      parent = (await repo.findVisibleRow(trx, input.parentId, taskScopeOf(actor), true)) ?? null;
      if (!parent) problems.add("TASK_PARENT_NOT_FOUND", `${at}parentId`);
      else await checkNewParent(trx, actor, parent, owner.path, `${at}parentId`, problems);
    }
    let planDocumentId = parent?.planDocumentId ?? null;
    if (input.planDocumentId != null) {
      planDocumentId = input.planDocumentId;
      await this.#checkPlan(trx, actor, input.planDocumentId, `${at}planDocumentId`, problems);
    } else if (input.planDocumentId === null) planDocumentId = null;
    return { owner, committeePath: await repo.committeePathOf(trx, owner.path), planDocumentId, parent };
  }

  async #checkPlan(
    trx: Trx,
    actor: Actor,
    documentId: number,
    path: string,
    problems: Problems,
  ): Promise<void> {
    const document = await this.#documents.findVisible(actor, documentId, trx);
    if (!document) problems.add("TASK_PLAN_NOT_FOUND", path);
    else if (!(await repo.isPlanType(trx, document.typeId))) problems.add("TASK_PLAN_NOT_A_PLAN", path);
  }

  async #insert(
    trx: Trx,
    actor: Actor,
    assigning: Assigning,
    inputs: readonly TaskFieldsInput[],
    kind: NewTask["kind"],
    at: string,
    problems: Problems,
    audit: AuditContext,
  ): Promise<CreatedTask[]> {
    const { owner, parent } = assigning;
    const many = at.endsWith("tasks.");
    const resolved: ResolvedTaskFields[] = [];
    for (const [index, input] of inputs.entries()) {
      resolved.push(
        await resolveTaskFields(
          trx,
          input,
          null,
          [],
          assigning.committeePath,
          many ? `${at}${index}.` : at,
          problems,
        ),
      );
    }
    problems.throwIfAny();
    const clearSet = await effectiveClearSet(trx, owner.path);
    const ids = await repo.reserveIds(trx, inputs.length);
    const now = this.#deps.clock.now();
    const rows: NewTask[] = resolved.map((fields, index) => {
      const id = ids[index] as number;
      const title = fields.values.title ?? "";
      return {
        ...fields.values,
        id,
        kind,
        title,
        searchKey: taskSearchKey(title, fields.values.description ?? ""),
        planDocumentId: assigning.planDocumentId,
        parentId: parent?.id ?? null,
        treePath: parent ? `${parent.treePath}.${id}` : String(id),
        ownerOrgId: owner.id,
        ownerPath: owner.path,
        orgPath: fields.lead?.path ?? owner.path,
        missingClears: missingClearKeys(checkTaskClears(fields.clearFields, clearSet.clears)),
        createdBy: actor.accountId,
        createdAt: now,
        updatedAt: now,
      };
    });
    await repo.insertTasks(trx, rows);
    await repo.insertSupports(
      trx,
      resolved.flatMap((fields, index) =>
        (fields.supports ?? []).map((org) => ({
          taskId: ids[index] as number,
          orgId: org.id,
          path: org.path,
        })),
      ),
    );
    await repo.insertMilestones(
      trx,
      resolved.flatMap((fields, index) =>
        (fields.milestones ?? []).map((milestone, sortOrder) => ({
          ...milestone,
          taskId: ids[index] as number,
          sortOrder,
        })),
      ),
    );
    if (parent) await touchParent(trx, parent.id, true, now);
    if (parent) await refreshTaskProgress(trx, parent.id);
    const entries: AuditEntryInput[] = rows.map((row, index) => ({
      action: "task.create",
      entityType: "task",
      entityId: row.id as number,
      orgId: owner.id,
      after: {
        ...resolved[index]?.values,
        supportOrgIds: (resolved[index]?.supports ?? []).map((org) => org.id),
        milestones: resolved[index]?.milestones ?? [],
        planDocumentId: row.planDocumentId,
        parentId: row.parentId,
        ownerOrgId: owner.id,
        kind,
        missingClears: row.missingClears,
      },
    }));
    await recordAudits(trx, audit, entries, now);
    return rows.map((row) => ({
      id: row.id as number,
      title: row.title,
      missingClears: row.missingClears ?? [],
    }));
  }

  // ---- update -----------------------------------------------------------------------------------

  async update(actor: Actor, id: number, input: UpdateTaskInput, audit: AuditContext): Promise<TaskDetail> {
    return this.#deps.db.transaction().execute(async (trx) => {
      const { version, planDocumentId, parentId, ...fields } = input;
      const moving = parentId !== undefined;
      if (moving) await sql`SELECT pg_advisory_xact_lock(${TASK_TREE_LOCK})`.execute(trx);
      // The task's path (and a new parent's) first, in the order reports lock it (see lockTaskPaths).
      await lockTaskPaths(trx, moving && parentId !== null ? [id, parentId] : [id]);
      const row = await this.#requireEditable(trx, actor, id, input);
      if (row.version !== version) throw new AppError("TASK_VERSION_CONFLICT");
      if (row.state === "cancelled") throw new AppError("TASK_CANCELLED");
      const problems = new Problems();
      const supportIds = await repo.listSupportIds(trx, id);
      const committeePath = await repo.committeePathOf(trx, row.ownerPath);
      const resolved = await resolveTaskFields(
        trx,
        fields,
        row,
        supportIds,
        committeePath,
        "body.",
        problems,
      );
      const changes: repo.TaskChanges = {};
      const before: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(resolved.values) as [keyof repo.TaskChanges, unknown][]) {
        const old = row[key as keyof TaskRow];
        if (value !== old) {
          (changes as Record<string, unknown>)[key] = value;
          before[key] = old;
        }
      }
      if (planDocumentId !== undefined && planDocumentId !== row.planDocumentId) {
        if (planDocumentId !== null)
          await this.#checkPlan(trx, actor, planDocumentId, "body.planDocumentId", problems);
        changes.planDocumentId = planDocumentId;
        before.planDocumentId = row.planDocumentId;
      }
      let newParent: TaskRow | null | undefined;
      if (moving && parentId !== row.parentId) {
        newParent =
          parentId === null ? null : await repo.findVisibleRow(trx, parentId, taskScopeOf(actor), true);
        if (newParent === undefined) problems.add("TASK_PARENT_NOT_FOUND", "body.parentId");
        else if (newParent && (newParent.id === id || newParent.treePath.split(".").includes(String(id)))) {
          problems.add("TASK_PARENT_CYCLE", "body.parentId");
        } else if (newParent) {
          await checkNewParent(trx, actor, newParent, row.ownerPath, "body.parentId", problems);
        }
      }
      problems.throwIfAny();

      const supportsChanged =
        resolved.supports !== undefined &&
        resolved.supports
          .map((org) => org.id)
          .sort((x, y) => x - y)
          .join() !== [...supportIds].sort((x, y) => x - y).join();
      const milestonesChanged = resolved.milestones !== undefined;
      const after: Record<string, unknown> = { ...changes };
      if (resolved.lead !== undefined && changes.leadOrgId !== undefined) {
        changes.orgPath = resolved.lead?.path ?? row.ownerPath;
      }
      if (changes.title !== undefined || changes.description !== undefined) {
        changes.searchKey = taskSearchKey(changes.title ?? row.title, changes.description ?? row.description);
      }
      if (newParent !== undefined) {
        changes.parentId = newParent?.id ?? null;
        before.parentId = row.parentId;
        after.parentId = changes.parentId;
      }
      if (Object.keys(after).length === 0 && !supportsChanged && !milestonesChanged) {
        return this.#detail(trx, actor, id);
      }
      const clearSet = await effectiveClearSet(trx, row.ownerPath);
      const missing = missingClearKeys(checkTaskClears(resolved.clearFields, clearSet.clears));
      if (missing.join() !== row.missingClears.join()) changes.missingClears = missing;
      const now = this.#deps.clock.now();
      await repo.updateTask(trx, id, changes, now);
      if (supportsChanged && resolved.supports) {
        await repo.replaceSupports(trx, id, resolved.supports);
        before.supportOrgIds = supportIds;
        after.supportOrgIds = resolved.supports.map((org) => org.id);
      }
      if (milestonesChanged && resolved.milestones) {
        before.milestones = await repo.listMilestones(trx, id);
        await repo.replaceMilestones(trx, id, resolved.milestones);
        after.milestones = resolved.milestones;
      }
      if (newParent !== undefined) {
        await repo.moveSubtree(trx, row.treePath, newParent ? `${newParent.treePath}.${id}` : String(id));
        if (newParent) await touchParent(trx, newParent.id, true, now);
        if (row.parentId !== null) {
          await touchParent(trx, row.parentId, await repo.hasChildTasks(trx, row.parentId), now);
        }
      }
      // A new weight or a move changes the figures of the parents above (old and new).
      if (newParent !== undefined && row.parentId !== null) await refreshTaskProgress(trx, row.parentId);
      if (newParent !== undefined || changes.weight !== undefined) await refreshTaskProgress(trx, id);
      await recordAudits(
        trx,
        audit,
        [{ action: "task.update", entityType: "task", entityId: id, orgId: row.ownerOrgId, before, after }],
        now,
      );
      return this.#detail(trx, actor, id);
    });
  }

  /**
   * The task locked for a change by the actor: the assigning organisation changes anything; its lead
   * unit (a commune given the task) only names who answers for it and sets its milestones, when `input`
   * asks for nothing else.
   */
  async #requireEditable(trx: Trx, actor: Actor, id: number, input?: UpdateTaskInput): Promise<TaskRow> {
    const row = await this.requireVisible(actor, id, trx, true);
    const paths = {
      ownerPath: row.ownerPath,
      leadPath: row.leadOrgId === null ? null : row.orgPath,
      responsibleAccountId: row.responsibleAccountId,
    };
    if (mayEditTask(actor, paths)) return row;
    const leadOnly =
      input !== undefined &&
      mayCascadeTask(actor, paths) &&
      Object.entries(input).every(([key, value]) => value === undefined || LEAD_EDITABLE.has(key));
    if (!leadOnly) throw new AppError("ACCESS_DENIED");
    return row;
  }

  // ---- state ------------------------------------------------------------------------------------

  async changeState(
    actor: Actor,
    id: number,
    input: ChangeTaskStateInput,
    audit: AuditContext,
  ): Promise<TaskDetail> {
    return this.#deps.db.transaction().execute(async (trx) => {
      // The task's path first, in the order reports lock it (see lockTaskPaths).
      await lockTaskPaths(trx, [id]);
      const row = await this.#requireEditable(trx, actor, id);
      if (row.version !== input.version) throw new AppError("TASK_VERSION_CONFLICT");
      if (row.state === input.state) throw new AppError("TASK_STATE_UNCHANGED");
      const reason = input.reason?.normalize("NFC").trim() || null;
      if (input.state !== "active" && reason === null) {
        throw new AppError("TASK_STATE_REASON_REQUIRED", {
          issues: [{ path: "body.reason", message: "TASK_STATE_REASON_REQUIRED" }],
        });
      }
      if (input.state === "active") await checkAncestorsRunning(trx, row);
      const now = this.#deps.clock.now();
      const own = { state: input.state, stateReason: reason, stateChangedAt: now, stateSetByTaskId: null };
      await repo.updateTask(trx, id, own, now);
      // The tasks under it stop and resume with it (tasks.state.ts).
      const subordinateTasks = await applyStateToSubtree(trx, row, input.state, reason, now);
      // A cancelled child stops counting in its parent's figures.
      await refreshTaskProgress(trx, id);
      await recordAudits(
        trx,
        audit,
        [
          {
            action: "task.state_change",
            entityType: "task",
            entityId: id,
            orgId: row.ownerOrgId,
            before: { state: row.state, stateReason: row.stateReason },
            after: { state: input.state, stateReason: reason, subordinateTasks },
          },
        ],
        now,
      );
      return this.#detail(trx, actor, id);
    });
  }

  // ---- cascades, clear-sets, plan settings --------------------------------------------------------

  async previewCascade(actor: Actor, id: number, input: TaskCascadeInput) {
    return previewCascade(this.#deps, actor, id, input);
  }

  async cascade(
    actor: Actor,
    id: number,
    input: TaskCascadeInput,
    audit: AuditContext,
  ): Promise<CascadeResult> {
    return cascadeTask(this.#deps, actor, id, input, audit);
  }

  async getClearSet(actor: Actor, orgId: number): Promise<ClearSet> {
    return getClearSet(this.#deps, actor, orgId);
  }

  async updateClearSet(
    actor: Actor,
    orgId: number,
    input: UpdateClearSetFields,
    audit: AuditContext,
  ): Promise<ClearSet> {
    return updateClearSet(this.#deps, actor, orgId, input, audit);
  }

  async getPlanSettings(actor: Actor, documentId: number): Promise<TaskPlanSettings> {
    return getPlanSettings(this.#deps, this.#documents, actor, documentId);
  }

  async updatePlanSettings(
    actor: Actor,
    documentId: number,
    input: { progressFormula: TaskPlanSettings["progressFormula"]; version: number | null },
    audit: AuditContext,
  ): Promise<TaskPlanSettings> {
    return updatePlanSettings(this.#deps, this.#documents, actor, documentId, input, audit);
  }
}
