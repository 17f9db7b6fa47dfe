// Roll-ups of five-clears tasks (issue 5, items 4 and 5): for an organisation's subtree, optionally
// narrowed to one plan (its tasks and their cascaded children) or one directive (the tasks of the plans
// implementing it) and to a period — tasks by status, on-time rate, progress by the plan's formula
// with how it was computed, targets planned against achieved per unit, the overdue list, and one group
// per child organisation for the drill-down. The leader's dashboard adds the trend over the last twelve
// months, due-soon tasks, reports awaiting review and plans whose tasks miss a clear. Both export to
// .xlsx. Every figure counts only tasks the reader may see.
import { z } from "zod";
import { defineRoutes, IsoDateSchema } from "./http.ts";
import { LocalizedTextSchema, ProgressFormulaSchema, TaskStatusSchema } from "./tasks.ts";

/** Tasks per status (THE status rule, as of `today`); `total` is their sum. */
export const TaskStatusCountsSchema = z.object({
  total: z.number(),
  not_started: z.number(),
  in_progress: z.number(),
  done_on_time: z.number(),
  done_late: z.number(),
  overdue: z.number(),
  paused: z.number(),
  cancelled: z.number(),
});
export type TaskStatusCounts = z.infer<typeof TaskStatusCountsSchema>;

/** A figure with how it was computed (the inputs and the formula written out), in both languages. */
export const ExplainedFigureSchema = z.object({
  /** Null when there is nothing to compute it from (no tasks, no finished task). */
  value: z.number().nullable(),
  explanation: LocalizedTextSchema,
});
export type ExplainedFigure = z.infer<typeof ExplainedFigureSchema>;

/** The figures of one set of tasks (the scope, or one child organisation's subtree). */
export const RollupFiguresSchema = z.object({
  counts: TaskStatusCountsSchema,
  /** Percent 0–100 by the formula in force. */
  progress: ExplainedFigureSchema,
  /** Percent of finished tasks finished by their due date. */
  onTimeRate: ExplainedFigureSchema,
});
export type RollupFigures = z.infer<typeof RollupFiguresSchema>;

/** Targets that can be counted, summed per unit ("đảng viên", "%", "chi bộ"…). */
export const RollupTargetSchema = z.object({
  unit: z.string(),
  tasks: z.number(),
  planned: z.number(),
  achieved: z.number(),
  /** achieved / planned in percent; null when nothing is planned. */
  percent: z.number().nullable(),
});
export type RollupTarget = z.infer<typeof RollupTargetSchema>;

/** One task in the overdue or due-soon lists. */
export const RollupTaskSchema = z.object({
  id: z.number(),
  title: z.string(),
  /** The organisation it counts under (lead, else owner). */
  orgId: z.number(),
  orgName: z.string(),
  plan: z.object({ id: z.number(), symbol: z.string().nullable() }).nullable(),
  dueDate: IsoDateSchema.nullable(),
  /** Days to the due date (negative: days overdue). */
  daysUntilDue: z.number().nullable(),
  status: TaskStatusSchema,
  progressPercent: z.number(),
  /** Overdue only because a periodic report is missing (the due date has not passed). */
  reportLate: z.boolean(),
});
export type RollupTask = z.infer<typeof RollupTaskSchema>;

export const RollupTaskListSchema = z.object({
  /** The first tasks (most overdue / soonest due first). */
  items: z.array(RollupTaskSchema),
  total: z.number(),
});

/** One child organisation of the scope (or the scope organisation's own tasks, `isSelf`). */
export const RollupGroupSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgTypeCode: z.string(),
  /** The scope organisation's own tasks (not counted in any child). */
  isSelf: z.boolean(),
  /** Tasks count further down (the group can be drilled into). */
  hasTasksBelow: z.boolean(),
  figures: RollupFiguresSchema,
});
export type RollupGroup = z.infer<typeof RollupGroupSchema>;

export const RollupQuerySchema = z
  .object({
    /** The subtree (default: the top of the reader's task scope — every top organisation when several). */
    orgId: z.coerce.number().int().positive().optional(),
    /** One plan: its tasks and every task cascaded from them. */
    planId: z.coerce.number().int().positive().optional(),
    /** One directive: the tasks of every plan implementing it (directly or through a chain). */
    directiveId: z.coerce.number().int().positive().optional(),
    /** A period: tasks running during it (see RollupScope.periodRule); both ends included. */
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .refine((value) => value.planId === undefined || value.directiveId === undefined, {
    message: "Chọn một kế hoạch (planId) hoặc một chỉ thị (directiveId), không chọn cả hai",
    path: ["directiveId"],
  })
  .refine((value) => value.from === undefined || value.to === undefined || value.from <= value.to, {
    message: "Ngày cuối kỳ (to) phải từ ngày đầu kỳ (from) trở đi",
    path: ["to"],
  });
export type RollupQuery = z.input<typeof RollupQuerySchema>;

export const RollupDocumentSchema = z.object({
  id: z.number(),
  symbol: z.string().nullable(),
  subject: z.string(),
});

export const RollupScopeSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  /**
   * The reader's whole scope over several top organisations (asked for without orgId by someone holding
   * roles over several, e.g. every province): the groups are those organisations, orgId is the first of
   * them and orgName names them all; ask with orgId to drill into one.
   */
  wholeScope: z.boolean(),
  /** From the top of the reader's scope down to the organisation, for the breadcrumb of the drill-down. */
  breadcrumb: z.array(z.object({ id: z.number(), name: z.string() })),
  plan: RollupDocumentSchema.nullable(),
  directive: RollupDocumentSchema.extend({ plans: z.number() }).nullable(),
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  /** Statuses are computed as of this day (Vietnam). */
  today: IsoDateSchema,
  formula: ProgressFormulaSchema,
  /** Which tasks are counted (leaf tasks only, by lead organisation …), in both languages. */
  countingRule: LocalizedTextSchema,
  /** The period rule, when a period is set. */
  periodRule: LocalizedTextSchema.nullable(),
});
export type RollupScope = z.infer<typeof RollupScopeSchema>;

export const TaskRollupSchema = z.object({
  scope: RollupScopeSchema,
  figures: RollupFiguresSchema,
  targets: z.array(RollupTargetSchema),
  overdue: RollupTaskListSchema,
  /** Child organisations of the scope (all active ones, with or without tasks), then the scope's own. */
  groups: z.array(RollupGroupSchema),
});
export type TaskRollup = z.infer<typeof TaskRollupSchema>;

/** One month of the trend (the last twelve, the current one last, counted up to today). */
export const TrendMonthSchema = z.object({
  /** "2026-06". */
  month: z.string(),
  /** Finished in the month. */
  done: z.number(),
  /** Of those, finished after their due date. */
  doneLate: z.number(),
  /** Unfinished past their due date at the month's end (today for the current month). */
  overdueAtEnd: z.number(),
});
export type TrendMonth = z.infer<typeof TrendMonthSchema>;

export const AwaitingReportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  taskTitle: z.string(),
  orgName: z.string(),
  periodKey: z.string(),
  percent: z.number(),
  submittedAt: z.string(),
});

export const MissingClearsPlanSchema = z.object({
  plan: RollupDocumentSchema.nullable(),
  /** Tasks of the plan (under the organisation) lacking at least one clear; tasks on their own: plan null. */
  tasksMissing: z.number(),
  tasks: z.number(),
});

export const DashboardQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
});
export type DashboardQuery = z.input<typeof DashboardQuerySchema>;

export const TaskDashboardSchema = z.object({
  scope: RollupScopeSchema,
  figures: RollupFiguresSchema,
  /** Progress by subordinate organisation (same groups as the roll-up). */
  groups: z.array(RollupGroupSchema),
  trend: z.array(TrendMonthSchema),
  overdue: RollupTaskListSchema,
  dueSoon: RollupTaskListSchema,
  /** The window of "due soon" in days. */
  dueSoonDays: z.number(),
  /** Progress reports submitted and not yet accepted or returned, for tasks the organisation follows up. */
  awaitingReview: z.object({ items: z.array(AwaitingReportSchema), total: z.number() }),
  /** Plans whose tasks lack a clear, most first. */
  missingClears: z.array(MissingClearsPlanSchema),
});
export type TaskDashboard = z.infer<typeof TaskDashboardSchema>;

const Binary = z.unknown().describe("An .xlsx file");

export const TASK_ROLLUP_ROUTES = defineRoutes({
  getRollup: {
    method: "GET",
    path: "/api/task-rollup",
    summary:
      "Tasks of a subtree (× plan or directive × period): by status, on-time rate, progress, targets, overdue, per child",
    tags: ["tasks"],
    querystring: RollupQuerySchema,
    response: TaskRollupSchema,
  },
  exportRollup: {
    method: "GET",
    path: "/api/task-rollup/export",
    summary: "The roll-up as an .xlsx workbook (summary, per organisation, targets, overdue, trend)",
    tags: ["tasks"],
    querystring: RollupQuerySchema,
    response: Binary,
  },
  getDashboard: {
    method: "GET",
    path: "/api/task-dashboard",
    summary: "The leader's first screen: status, progress per subordinate, trend, overdue, due soon, reviews",
    tags: ["tasks"],
    querystring: DashboardQuerySchema,
    response: TaskDashboardSchema,
  },
});
