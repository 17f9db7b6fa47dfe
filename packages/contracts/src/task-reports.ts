// Progress reports of five-clears tasks (issue 5 item 3): one report per reporting period with the
// percentage, the value measured toward the target, a narrative and evidence files; the assigning
// organisation returns a report for correction or accepts it. A returned report stops counting until
// it is submitted again. A task split into child tasks takes its progress from its children and is
// not reported itself.
import { z } from "zod";
import { defineRoutes, IdParamsSchema, IsoDateSchema, OkSchema, pageOf } from "./http.ts";
import { TASK_AMOUNT_MAX, TaskOrgSchema } from "./tasks.ts";

/** Largest evidence file (each); a larger one is refused and nothing is stored. */
export const TASK_REPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** Most evidence files on one report. */
export const TASK_REPORT_FILES_MAX = 20;
/** What evidence may be: PDF, Word (.docx), Excel (.xlsx), images (PNG, JPEG), plain text. */
export const TASK_REPORT_FILE_EXTENSIONS = [
  ".pdf",
  ".docx",
  ".xlsx",
  ".png",
  ".jpg",
  ".jpeg",
  ".txt",
] as const;

export const TaskReportStatusSchema = z.enum(["submitted", "returned", "accepted"]);
export type TaskReportStatus = z.infer<typeof TaskReportStatusSchema>;

export const TaskReportFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type TaskReportFile = z.infer<typeof TaskReportFileSchema>;

export const TaskReportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  periodKey: z.string(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  percent: z.number(),
  actualValue: z.number().nullable(),
  narrative: z.string(),
  /** The day the work was finished (a report at 100%). */
  completedOn: IsoDateSchema.nullable(),
  status: TaskReportStatusSchema,
  /** Why the report was returned (set while it is returned, kept after a new submission). */
  returnReason: z.string().nullable(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  version: z.number(),
  files: z.array(TaskReportFileSchema),
  /** The actor may submit it again (it was returned) and add or remove its files (not accepted). */
  canEdit: z.boolean(),
  /** The actor may return or accept it (it awaits review and the actor manages the assigning organisation). */
  canReview: z.boolean(),
});
export type TaskReport = z.infer<typeof TaskReportSchema>;

/**
 * Where a reporting period stands: `reported` (a report counts: submitted or accepted); `returned`
 * (its report was returned and must be corrected); `open` (the period has not ended); `due` (ended,
 * the due day not passed); `late` (the due day passed without a counting report, and no later period
 * was reported — the task's status rule); `missed` (the due day passed without a report, but a later
 * period was reported or the task is finished, paused or cancelled).
 */
export const TaskReportPeriodStateSchema = z.enum(["reported", "returned", "open", "due", "late", "missed"]);
export type TaskReportPeriodState = z.infer<typeof TaskReportPeriodStateSchema>;

export const TaskReportPeriodSchema = z.object({
  /** "2026-06", "2026-Q2", "2026-H1", "2026", or "final" for a task reported once. */
  key: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  /** The day the report is due (null for a task reported once without a due date). */
  dueOn: IsoDateSchema.nullable(),
  state: TaskReportPeriodStateSchema,
  late: z.boolean(),
  report: TaskReportSchema.nullable(),
});
export type TaskReportPeriod = z.infer<typeof TaskReportPeriodSchema>;

/** Why the actor cannot submit a report now (null: they can). */
export const TaskReportBlockSchema = z.enum(["cancelled", "paused", "has_children", "not_allowed"]);
export type TaskReportBlock = z.infer<typeof TaskReportBlockSchema>;

export const TaskReportsOverviewSchema = z.object({
  taskId: z.number(),
  reportFrequency: z.enum(["monthly", "quarterly", "half_yearly", "yearly"]).nullable(),
  /** The periods that have started, newest first, each with its report. */
  periods: z.array(TaskReportPeriodSchema),
  /** Periods waiting for a report whose due day has not passed (state `due`), and those late. */
  dueCount: z.number(),
  lateCount: z.number(),
  /** Reports awaiting the assigning organisation's review. */
  awaitingReviewCount: z.number(),
  blockedReason: TaskReportBlockSchema.nullable(),
  canReport: z.boolean(),
  canReview: z.boolean(),
  /** Today, as the server counts it (Vietnam time): for "due in N days". */
  today: IsoDateSchema,
});
export type TaskReportsOverview = z.infer<typeof TaskReportsOverviewSchema>;

const text = (max: number) => z.string().trim().max(max);

/**
 * A report for one period. Submitting a period already reported is refused unless its report was
 * returned: then `version` (the returned report's) is required and the same report is updated.
 */
export const SubmitTaskReportInputSchema = z.object({
  periodKey: z.string().trim().min(1).max(20),
  percent: z.number().min(0).max(100),
  actualValue: z.number().min(0).max(TASK_AMOUNT_MAX).nullable().optional(),
  /** What was done in the period, in words: a report without it says nothing to the reviewer. */
  narrative: text(20_000).min(1),
  /** Only with percent 100: the day the work was finished (default today; not in the future). */
  completedOn: IsoDateSchema.nullable().optional(),
  version: z.number().int().positive().optional(),
});
export type SubmitTaskReportInput = z.input<typeof SubmitTaskReportInputSchema>;

export const ReturnTaskReportInputSchema = z.object({
  version: z.number().int().positive(),
  reason: text(2000).min(1),
});
export type ReturnTaskReportInput = z.input<typeof ReturnTaskReportInputSchema>;

export const AcceptTaskReportInputSchema = z.object({ version: z.number().int().positive() });
export type AcceptTaskReportInput = z.input<typeof AcceptTaskReportInputSchema>;

/** A report waiting for review, with its task (the dashboard's "reports awaiting review"). */
export const AwaitingTaskReportSchema = z.object({
  id: z.number(),
  periodKey: z.string(),
  periodEnd: IsoDateSchema,
  percent: z.number(),
  actualValue: z.number().nullable(),
  completedOn: IsoDateSchema.nullable(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  fileCount: z.number(),
  version: z.number(),
  task: z.object({
    id: z.number(),
    title: z.string(),
    ownerOrg: TaskOrgSchema,
    leadOrg: TaskOrgSchema.nullable(),
    dueDate: IsoDateSchema.nullable(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
  }),
});
export type AwaitingTaskReport = z.infer<typeof AwaitingTaskReportSchema>;

export const AwaitingTaskReportsQuerySchema = z.object({
  /** Reports on tasks assigned within this organisation's subtree; default: the actor's whole scope. */
  orgId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AwaitingTaskReportsQuery = z.input<typeof AwaitingTaskReportsQuerySchema>;
export type AwaitingTaskReportsFilter = z.infer<typeof AwaitingTaskReportsQuerySchema>;

const ReportParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  reportId: z.coerce.number().int().positive(),
});
const ReportFileParamsSchema = ReportParamsSchema.extend({ fileId: z.coerce.number().int().positive() });

const Binary = z.unknown().describe("A file");

export const TASK_REPORT_ROUTES = defineRoutes({
  list: {
    method: "GET",
    path: "/api/tasks/:id/reports",
    summary: "A task's reporting periods with their due day, report and lateness",
    tags: ["task-reports"],
    params: IdParamsSchema,
    response: TaskReportsOverviewSchema,
  },
  submit: {
    method: "POST",
    path: "/api/tasks/:id/reports",
    summary: "Report progress for a period (or submit a returned report again)",
    tags: ["task-reports"],
    params: IdParamsSchema,
    body: SubmitTaskReportInputSchema,
    response: TaskReportSchema,
    successStatus: 201,
  },
  returnReport: {
    method: "POST",
    path: "/api/tasks/:id/reports/:reportId/return",
    summary: "Return a report for correction, with the reason (it stops counting)",
    tags: ["task-reports"],
    params: ReportParamsSchema,
    body: ReturnTaskReportInputSchema,
    response: TaskReportSchema,
  },
  accept: {
    method: "POST",
    path: "/api/tasks/:id/reports/:reportId/accept",
    summary: "Accept a submitted report",
    tags: ["task-reports"],
    params: ReportParamsSchema,
    body: AcceptTaskReportInputSchema,
    response: TaskReportSchema,
  },
  uploadFile: {
    method: "POST",
    path: "/api/tasks/:id/reports/:reportId/files",
    summary:
      "Attach an evidence file to a report (multipart, one part named `file`; PDF, .docx, .xlsx, image, .txt)",
    tags: ["task-reports"],
    params: ReportParamsSchema,
    response: TaskReportFileSchema,
    successStatus: 201,
  },
  downloadFile: {
    method: "GET",
    path: "/api/tasks/:id/reports/:reportId/files/:fileId",
    summary: "Download an evidence file",
    tags: ["task-reports"],
    params: ReportFileParamsSchema,
    response: Binary,
  },
  deleteFile: {
    method: "DELETE",
    path: "/api/tasks/:id/reports/:reportId/files/:fileId",
    summary: "Remove an evidence file from a report not yet accepted",
    tags: ["task-reports"],
    params: ReportFileParamsSchema,
    response: OkSchema,
  },
  awaitingReview: {
    method: "GET",
    path: "/api/task-reports/awaiting-review",
    summary: "Reports awaiting review on tasks the actor's organisations assigned (oldest first)",
    tags: ["task-reports"],
    querystring: AwaitingTaskReportsQuerySchema,
    response: pageOf(AwaitingTaskReportSchema),
  },
});
