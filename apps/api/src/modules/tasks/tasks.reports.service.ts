// Progress reports of tasks (issue 5 item 3): the periods of a task with their reports, due and late;
// submitting a period's report (again only after a return); returning a report for correction or
// accepting it; evidence files; the reports awaiting review under an organisation. Every write locks
// the task's path and keeps the task's and its ancestors' progress in step, with its audit row, in one
// transaction. A task the actor may not see answers TASK_NOT_FOUND.
import { createHash } from "node:crypto";
import type {
  AcceptTaskReportInput,
  AwaitingTaskReport,
  AwaitingTaskReportsFilter,
  ReturnTaskReportInput,
  SubmitTaskReportInput,
  TaskReport,
  TaskReportBlock,
  TaskReportFile,
  TaskReportPeriod,
  TaskReportsOverview,
} from "@namro/contracts";
import { TASK_REPORT_FILES_MAX } from "@namro/contracts";
import {
  periodsStartedBy,
  type ReportPeriod,
  reportPeriodStanding,
  type TaskReportingTerms,
  taskPeriodOfKey,
  todayInVietnam,
} from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database, TaskRow } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt, scopePaths } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { cleanUploadFileName } from "../../platform/http/upload-file-name.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { mayReportTask as mayReportPaths, mayReviewTask, type TaskPaths } from "./tasks.policy.ts";
import { evidenceMediaType } from "./tasks.reports.files.ts";
import { presentAwaitingReport, presentReport, presentReportFile } from "./tasks.reports.presenter.ts";
import { lockTaskPath, recomputeLockedPath } from "./tasks.reports.progress.ts";
import {
  ancestorStatesOf,
  awaitingReviewPage,
  countFiles,
  deleteFile,
  type Executor,
  findFile,
  findFileContent,
  findOrgPath,
  findReport,
  insertFile,
  insertReport,
  listFilesOfReports,
  listReports,
  lockReport,
  lockReportOfPeriod,
  type TaskReportRecord,
  updateReportAtVersion,
} from "./tasks.reports.repository.ts";
import type { TasksService } from "./tasks.service.ts";

export interface EvidenceUpload {
  /** As the browser sent it. */
  fileName: string;
  bytes: Buffer;
}

export interface EvidenceDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** The reporting terms of a task row (its creation day in Vietnam stands in for a missing start). */
function termsOf(task: TaskRow): TaskReportingTerms {
  return {
    reportFrequency: task.reportFrequency,
    startDate: task.startDate,
    dueDate: task.dueDate,
    createdOn: todayInVietnam(new Date(task.createdAt)),
  };
}

/** The paths the task policy decides on (the lead's path only when a lead is set). */
function pathsOf(task: TaskRow): TaskPaths {
  return {
    ownerPath: task.ownerPath,
    leadPath: task.leadOrgId === null ? null : task.orgPath,
    responsibleAccountId: task.responsibleAccountId,
  };
}

/** The tasks' one rule: task.report over the lead unit, or the person named responsible. */
function mayReportTask(actor: Actor, task: TaskRow): boolean {
  return mayReportPaths(actor, pathsOf(task));
}

/**
 * Why the actor cannot report the task now, most telling first. A task under a cancelled or paused
 * ancestor is stopped with it (`ancestorStates`: the states of the tasks above it).
 */
function blockOf(actor: Actor, task: TaskRow, ancestorStates: readonly string[]): TaskReportBlock | null {
  const states = [task.state, ...ancestorStates];
  if (states.includes("cancelled")) return "cancelled";
  if (states.includes("paused")) return "paused";
  if (task.hasChildren) return "has_children";
  if (!mayReportTask(actor, task)) return "not_allowed";
  return null;
}

const fieldError = (code: ConstructorParameters<typeof AppError>[0], field: string) =>
  new AppError(code, { issues: [{ path: `body.${field}`, message: code }] });

export class TaskReportsService {
  readonly #deps: ServiceDeps;
  readonly #tasks: TasksService;
  constructor(deps: ServiceDeps, tasks: TasksService) {
    this.#deps = deps;
    this.#tasks = tasks;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  /** THE visibility rule, through the tasks' service: TASK_NOT_FOUND when not visible. */
  #visibleTask(executor: Executor, actor: Actor, taskId: number): Promise<TaskRow> {
    return this.#tasks.requireVisible(actor, taskId, executor);
  }

  /** The task visible to the actor, with its whole path locked (root first, the task last). */
  async #lockVisiblePath(trx: Transaction<Database>, actor: Actor, taskId: number): Promise<TaskRow[]> {
    await this.#visibleTask(trx, actor, taskId);
    const path = await lockTaskPath(trx, taskId);
    if (path === null) throw new AppError("TASK_NOT_FOUND");
    return path;
  }

  async #presentOne(executor: Executor, actor: Actor, task: TaskRow, reportId: number): Promise<TaskReport> {
    const row = await findReport(executor, task.id, reportId);
    if (!row) throw new AppError("TASK_REPORT_NOT_FOUND");
    const files = await listFilesOfReports(executor, [row.id]);
    return presentReport(row, files, {
      mayReport: mayReportTask(actor, task),
      mayReview: mayReviewTask(actor, pathsOf(task)),
    });
  }

  /** The task's periods that have started, newest first, each with its report, due day and standing. */
  async overview(actor: Actor, taskId: number): Promise<TaskReportsOverview> {
    const db = this.#deps.db;
    const task = await this.#visibleTask(db, actor, taskId);
    const today = this.#today();
    const reports = await listReports(db, task.id);
    const files = await listFilesOfReports(
      db,
      reports.map((report) => report.id),
    );
    const permissions = {
      mayReport: mayReportTask(actor, task),
      mayReview: mayReviewTask(actor, pathsOf(task)),
    };
    // A task split into child tasks is not reported itself: only reports made before the split show.
    const periods: ReportPeriod[] = task.hasChildren ? [] : periodsStartedBy(termsOf(task), today);
    const known = new Set(periods.map((period) => period.key));
    for (const report of reports) {
      // A report whose period is no longer one of the task's (its dates changed) still shows.
      if (!known.has(report.periodKey)) {
        periods.push({
          key: report.periodKey,
          start: report.periodStart,
          end: report.periodEnd,
          dueOn: report.periodEnd,
        });
      }
    }
    const facts = {
      state: task.state,
      completedOn: task.completedOn,
      lastReportedPeriodEnd: task.lastReportedPeriodEnd,
    };
    const items: TaskReportPeriod[] = periods
      .sort((a, b) => b.start.localeCompare(a.start) || b.key.localeCompare(a.key))
      .map((period) => {
        const report = reports.find((row) => row.periodKey === period.key) ?? null;
        const standing = reportPeriodStanding(period, report?.status ?? null, facts, today);
        return {
          key: period.key,
          start: period.start,
          end: period.end,
          dueOn: period.dueOn === "9999-12-31" ? null : period.dueOn,
          state: standing.state,
          late: standing.late,
          report: report === null ? null : presentReport(report, files, permissions),
        };
      });
    const blockedReason = blockOf(actor, task, await ancestorStatesOf(db, task.treePath));
    return {
      taskId: task.id,
      reportFrequency: task.reportFrequency,
      periods: items,
      dueCount: items.filter((item) => item.state === "due").length,
      lateCount: items.filter((item) => item.late).length,
      awaitingReviewCount: reports.filter((report) => report.status === "submitted").length,
      blockedReason,
      canReport: blockedReason === null,
      canReview: permissions.mayReview,
      today,
    };
  }

  /**
   * Reports a period: a new report, or a returned one submitted again at the version the actor read
   * (the same report, version + 1). The task's progress and its ancestors' follow in the same
   * transaction. Nothing is written when it is refused.
   */
  async submit(
    actor: Actor,
    taskId: number,
    input: SubmitTaskReportInput,
    audit: AuditContext,
  ): Promise<TaskReport> {
    const now = this.#deps.clock.now();
    const today = todayInVietnam(now);
    return this.#deps.db.transaction().execute(async (trx) => {
      const path = await this.#lockVisiblePath(trx, actor, taskId);
      const task = path.at(-1) as TaskRow;
      const block = blockOf(
        actor,
        task,
        path.slice(0, -1).map((row) => row.state),
      );
      if (block === "cancelled") throw new AppError("TASK_REPORT_TASK_CANCELLED");
      if (block === "paused") throw new AppError("TASK_REPORT_TASK_PAUSED");
      if (block === "not_allowed") throw new AppError("TASK_REPORT_NOT_ALLOWED");
      if (block === "has_children") throw new AppError("TASK_REPORT_TASK_HAS_CHILDREN");
      const period = taskPeriodOfKey(termsOf(task), input.periodKey);
      if (period === null) throw fieldError("TASK_REPORT_PERIOD_UNKNOWN", "periodKey");
      if (period.start > today) throw fieldError("TASK_REPORT_PERIOD_NOT_STARTED", "periodKey");
      const completedOn = this.#completedOn(task, input, today);

      const existing = await lockReportOfPeriod(trx, task.id, period.key);
      const values = {
        percent: input.percent,
        actualValue: input.actualValue ?? null,
        narrative: input.narrative ?? "",
        completedOn,
        status: "submitted" as const,
        submittedBy: actor.accountId,
        submittedAt: now,
      };
      let reportId: number;
      if (existing) {
        if (existing.status !== "returned") throw new AppError("TASK_REPORT_ALREADY_SUBMITTED");
        if (input.version !== existing.version) throw new AppError("TASK_REPORT_VERSION_CONFLICT");
        if (!(await updateReportAtVersion(trx, existing.id, existing.version, values))) {
          throw new AppError("TASK_REPORT_VERSION_CONFLICT");
        }
        reportId = existing.id;
      } else {
        reportId = await insertReport(trx, {
          ...values,
          taskId: task.id,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
        });
      }
      const progress = await recomputeLockedPath(trx, path);
      await recordAudit(
        trx,
        audit,
        {
          action: "task.report_submit",
          entityType: "task_report",
          entityId: reportId,
          orgId: task.leadOrgId ?? task.ownerOrgId,
          before: existing ? auditedReport(existing) : undefined,
          after: {
            taskId: task.id,
            periodKey: period.key,
            percent: values.percent,
            actualValue: values.actualValue,
            completedOn,
            narrative: values.narrative,
            taskProgress: progress.progressPercent,
          },
        },
        now,
      );
      return this.#presentOne(trx, actor, task, reportId);
    });
  }

  /** The completion day of a report at 100% (default today): not in the future, not before the start. */
  #completedOn(task: TaskRow, input: SubmitTaskReportInput, today: string): string | null {
    const given = input.completedOn ?? null;
    if (input.percent < 100) {
      if (given !== null) throw fieldError("TASK_REPORT_COMPLETED_ON_NOT_DONE", "completedOn");
      return null;
    }
    const day = given ?? today;
    if (day > today) throw fieldError("TASK_REPORT_COMPLETED_ON_FUTURE", "completedOn");
    if (task.startDate !== null && day < task.startDate) {
      throw fieldError("TASK_REPORT_COMPLETED_ON_BEFORE_START", "completedOn");
    }
    return day;
  }

  /** Returns a submitted report for correction: it stops counting (a 100% report's completion with it). */
  async returnReport(
    actor: Actor,
    taskId: number,
    reportId: number,
    input: ReturnTaskReportInput,
    audit: AuditContext,
  ): Promise<TaskReport> {
    return this.#review(actor, taskId, reportId, input.version, audit, {
      status: "returned",
      returnReason: input.reason,
    });
  }

  async accept(
    actor: Actor,
    taskId: number,
    reportId: number,
    input: AcceptTaskReportInput,
    audit: AuditContext,
  ): Promise<TaskReport> {
    return this.#review(actor, taskId, reportId, input.version, audit, { status: "accepted" });
  }

  async #review(
    actor: Actor,
    taskId: number,
    reportId: number,
    version: number,
    audit: AuditContext,
    decision: { status: "returned"; returnReason: string } | { status: "accepted" },
  ): Promise<TaskReport> {
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction().execute(async (trx) => {
      const path = await this.#lockVisiblePath(trx, actor, taskId);
      const task = path.at(-1) as TaskRow;
      const report = await lockReport(trx, task.id, reportId);
      if (!report) throw new AppError("TASK_REPORT_NOT_FOUND");
      if (!mayReviewTask(actor, pathsOf(task))) throw new AppError("ACCESS_DENIED");
      if (report.version !== version) throw new AppError("TASK_REPORT_VERSION_CONFLICT");
      if (report.status !== "submitted") throw new AppError("TASK_REPORT_NOT_AWAITING_REVIEW");
      const changes = { ...decision, reviewedBy: actor.accountId, reviewedAt: now };
      if (!(await updateReportAtVersion(trx, report.id, version, changes))) {
        throw new AppError("TASK_REPORT_VERSION_CONFLICT");
      }
      // A returned report stops counting; an accepted one counted already (recomputing is harmless).
      const progress = decision.status === "returned" ? await recomputeLockedPath(trx, path) : null;
      await recordAudit(
        trx,
        audit,
        {
          action: decision.status === "returned" ? "task.report_return" : "task.report_accept",
          entityType: "task_report",
          entityId: report.id,
          orgId: task.ownerOrgId,
          before: { status: report.status, version: report.version },
          after: {
            taskId: task.id,
            periodKey: report.periodKey,
            status: decision.status,
            ...(decision.status === "returned" ? { reason: decision.returnReason } : {}),
            ...(progress ? { taskProgress: progress.progressPercent } : {}),
          },
        },
        now,
      );
      return this.#presentOne(trx, actor, task, report.id);
    });
  }

  /**
   * Checks, before a file's bytes are read, that the actor may add evidence to the report: the task is
   * visible, the report exists and is not accepted, the actor reports the task, there is room.
   */
  async checkEvidenceUpload(actor: Actor, taskId: number, reportId: number): Promise<void> {
    const db = this.#deps.db;
    const task = await this.#visibleTask(db, actor, taskId);
    await this.#requireEditableReport(db, actor, task, reportId, false);
  }

  async #requireEditableReport(
    executor: Executor,
    actor: Actor,
    task: TaskRow,
    reportId: number,
    lock: boolean,
  ): Promise<TaskReportRecord> {
    const report = lock
      ? await lockReport(executor, task.id, reportId)
      : await findReport(executor, task.id, reportId);
    if (!report) throw new AppError("TASK_REPORT_NOT_FOUND");
    if (report.status === "accepted") throw new AppError("TASK_REPORT_ACCEPTED");
    if (!mayReportTask(actor, task)) throw new AppError("TASK_REPORT_NOT_ALLOWED");
    return report;
  }

  /** Stores an evidence file on a report not yet accepted (the type sniffed from its bytes). */
  async addEvidence(
    actor: Actor,
    taskId: number,
    reportId: number,
    upload: EvidenceUpload,
    audit: AuditContext,
  ): Promise<TaskReportFile> {
    const db = this.#deps.db;
    const task = await this.#visibleTask(db, actor, taskId);
    const mediaType = await evidenceMediaType(upload.bytes);
    const fileId = await db.transaction().execute(async (trx) => {
      // Locked so an acceptance or another upload waits: no file lands on an accepted report, none
      // past the limit.
      const report = await this.#requireEditableReport(trx, actor, task, reportId, true);
      if ((await countFiles(trx, report.id)) >= TASK_REPORT_FILES_MAX) {
        throw new AppError("TASK_REPORT_FILES_LIMIT");
      }
      const now = this.#deps.clock.now();
      const file = {
        fileName: cleanUploadFileName(upload.fileName),
        mediaType,
        sizeBytes: upload.bytes.length,
        sha256: createHash("sha256").update(upload.bytes).digest("hex"),
      };
      const id = await insertFile(trx, {
        ...file,
        reportId: report.id,
        content: upload.bytes,
        createdBy: actor.accountId,
        createdAt: now,
      });
      await recordAudit(
        trx,
        audit,
        {
          action: "task.report_file_add",
          entityType: "task_report",
          entityId: report.id,
          orgId: task.leadOrgId ?? task.ownerOrgId,
          after: { taskId: task.id, fileId: id, ...file },
        },
        now,
      );
      return id;
    });
    const file = await findFile(db, reportId, fileId);
    if (!file) throw new AppError("TASK_REPORT_FILE_NOT_FOUND");
    return presentReportFile(file);
  }

  /** An evidence file of a report on a task the actor sees. */
  async downloadEvidence(
    actor: Actor,
    taskId: number,
    reportId: number,
    fileId: number,
  ): Promise<EvidenceDownload> {
    const db = this.#deps.db;
    const task = await this.#visibleTask(db, actor, taskId);
    if (!(await findReport(db, task.id, reportId))) throw new AppError("TASK_REPORT_NOT_FOUND");
    const file = await findFileContent(db, reportId, fileId);
    if (!file) throw new AppError("TASK_REPORT_FILE_NOT_FOUND");
    return file;
  }

  async removeEvidence(
    actor: Actor,
    taskId: number,
    reportId: number,
    fileId: number,
    audit: AuditContext,
  ): Promise<void> {
    const db = this.#deps.db;
    const task = await this.#visibleTask(db, actor, taskId);
    await db.transaction().execute(async (trx) => {
      const report = await this.#requireEditableReport(trx, actor, task, reportId, true);
      const file = await findFile(trx, report.id, fileId);
      if (!file || !(await deleteFile(trx, report.id, fileId)))
        throw new AppError("TASK_REPORT_FILE_NOT_FOUND");
      await recordAudit(
        trx,
        audit,
        {
          action: "task.report_file_remove",
          entityType: "task_report",
          entityId: report.id,
          orgId: task.leadOrgId ?? task.ownerOrgId,
          before: {
            taskId: task.id,
            fileId,
            fileName: file.fileName,
            mediaType: file.mediaType,
            sizeBytes: file.sizeBytes,
          },
        },
        this.#deps.clock.now(),
      );
    });
  }

  /**
   * Reports awaiting review on tasks assigned by organisations the actor manages (task.manage), under
   * `orgId` when given (an organisation outside that scope answers ORG_NOT_FOUND); oldest first.
   */
  async awaitingReview(
    actor: Actor,
    query: AwaitingTaskReportsFilter,
  ): Promise<{ items: AwaitingTaskReport[]; page: number; pageSize: number; total: number }> {
    const db = this.#deps.db;
    const managePaths = scopePaths(actor, "task.manage");
    let underPath: string | null = null;
    if (query.orgId !== undefined) {
      const path = await findOrgPath(db, query.orgId);
      if (path === undefined || !holdsPermissionAt(actor, "task.read", path))
        throw new AppError("ORG_NOT_FOUND");
      underPath = path;
    }
    const { page, pageSize } = query;
    const { rows, total } = await awaitingReviewPage(db, managePaths, underPath, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: rows.map(presentAwaitingReport), page, pageSize, total };
  }
}

function auditedReport(report: TaskReportRecord) {
  return {
    status: report.status,
    percent: Number(report.percent),
    actualValue: report.actualValue === null ? null : Number(report.actualValue),
    completedOn: report.completedOn,
    narrative: report.narrative,
    returnReason: report.returnReason,
    version: report.version,
  };
}
