// Five-clears tasks: a task in a plan (a registered KH, CTr or ĐA) or on its own, with its clear person,
// job, time, responsibility and result; cascaded down the tree as child tasks (a numeric target can be
// divided among them); paused, cancelled and resumed by the organisation that assigned it. Progress
// reports, roll-ups and dashboards have their own contracts (task-reports.ts, task-rollups.ts).
import { TASK_STATUSES } from "@namro/domain";
import { z } from "zod";
import { CascadeSelectionSchema } from "./document-cascades.ts";
import { defineRoutes, IdParamsSchema, IsoDateSchema, pageOf } from "./http.ts";

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatusValue = z.infer<typeof TaskStatusSchema>;
export const TaskKindSchema = z.enum(["task", "breakthrough", "remediation"]);
export const TaskScheduleSchema = z.enum(["once", "monthly", "quarterly", "yearly", "continuous"]);
export const ReportFrequencySchema = z.enum(["monthly", "quarterly", "half_yearly", "yearly"]);
export const TaskStateSchema = z.enum(["active", "paused", "cancelled"]);
export const ProgressFormulaSchema = z.enum(["average", "weighted", "status"]);
export type ProgressFormulaValue = z.infer<typeof ProgressFormulaSchema>;

export const LocalizedTextSchema = z.object({ vi: z.string(), en: z.string() });

/** One clear of the committee's clear-set, as this task satisfies it. */
export const TaskClearSchema = z.object({
  key: z.string(),
  aspect: z.enum(["person", "job", "time", "responsibility", "result"]),
  label: LocalizedTextSchema,
  grade: z.enum(["present", "weak", "missing"]),
  /** Why (what satisfied it, or what is lacking), in both languages. */
  reason: LocalizedTextSchema,
});
export type TaskClear = z.infer<typeof TaskClearSchema>;

export const TaskOrgSchema = z.object({ id: z.number(), name: z.string() });

export const TaskSummarySchema = z.object({
  id: z.number(),
  kind: TaskKindSchema,
  title: z.string(),
  plan: z.object({ id: z.number(), symbol: z.string().nullable(), subject: z.string() }).nullable(),
  parentId: z.number().nullable(),
  ownerOrg: TaskOrgSchema,
  leadOrg: TaskOrgSchema.nullable(),
  /** The account's display name, else the person named in words; null when nobody is named. */
  responsible: z.string().nullable(),
  startDate: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  schedule: TaskScheduleSchema,
  status: TaskStatusSchema,
  progressPercent: z.number(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  actualValue: z.number().nullable(),
  completedOn: IsoDateSchema.nullable(),
  /** Days to the due date (negative: days overdue); null without a due date. */
  daysUntilDue: z.number().nullable(),
  /** A periodic report is missing past its due day. */
  reportLate: z.boolean(),
  /** Keys of the clears the task lacks; empty when it has all ("đủ 5 rõ"). */
  missingClears: z.array(z.string()),
  hasChildren: z.boolean(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const TaskMilestoneSchema = z.object({
  id: z.number(),
  title: z.string(),
  dueDate: IsoDateSchema,
  doneOn: IsoDateSchema.nullable(),
});
export type TaskMilestone = z.infer<typeof TaskMilestoneSchema>;

export const TaskDetailSchema = TaskSummarySchema.extend({
  description: z.string(),
  supportOrgs: z.array(TaskOrgSchema),
  responsibleAccount: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  responsibleName: z.string().nullable(),
  reportFrequency: ReportFrequencySchema.nullable(),
  deliverable: z.string().nullable(),
  weight: z.number(),
  state: TaskStateSchema,
  stateReason: z.string().nullable(),
  milestones: z.array(TaskMilestoneSchema),
  /** Every clear of the owner's clear-set with its grade and reason, in the set's order. */
  clears: z.array(TaskClearSchema),
  /** The parent task, when the actor may see it (a commune sees the province task it was given). */
  parent: z.object({ id: z.number(), title: z.string(), ownerOrgName: z.string() }).nullable(),
  childCount: z.number(),
  /** The children's targets add up to this task's target (set when the target was divided). */
  childTargetsTotal: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** What the actor may do with it. */
  canEdit: z.boolean(),
  canCascade: z.boolean(),
  canReport: z.boolean(),
  canReview: z.boolean(),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

const text = (max: number) => z.string().trim().max(max);

/** Largest target or measured value: what numeric(14, 2) holds (a larger one is refused, not stored). */
export const TASK_AMOUNT_MAX = 999_999_999_999.99;
/** Smallest weight: weights keep two decimals, and a weight rounding to 0 would not count. */
export const TASK_WEIGHT_MIN = 0.01;

export const MilestoneInputSchema = z.object({
  title: text(500).min(1),
  dueDate: IsoDateSchema,
  doneOn: IsoDateSchema.nullable().optional(),
});

/** The fields a person fills in; each may be left out, and a task missing a clear is still saved (flagged). */
export const TaskFieldsSchema = z.object({
  title: text(1000).min(1),
  description: text(20_000).optional(),
  leadOrgId: z.number().int().positive().nullable().optional(),
  supportOrgIds: z.array(z.number().int().positive()).max(200).optional(),
  responsibleAccountId: z.number().int().positive().nullable().optional(),
  responsibleName: text(300).nullable().optional(),
  startDate: IsoDateSchema.nullable().optional(),
  dueDate: IsoDateSchema.nullable().optional(),
  schedule: TaskScheduleSchema.optional(),
  reportFrequency: ReportFrequencySchema.nullable().optional(),
  deliverable: text(2000).nullable().optional(),
  targetValue: z.number().min(0).max(TASK_AMOUNT_MAX).nullable().optional(),
  targetUnit: text(100).nullable().optional(),
  weight: z.number().min(TASK_WEIGHT_MIN).max(1000).optional(),
  milestones: z.array(MilestoneInputSchema).max(100).optional(),
});

export const CreateTaskInputSchema = TaskFieldsSchema.extend({
  kind: TaskKindSchema.optional(),
  /** The organisation assigning the task (its office follows it up). */
  ownerOrgId: z.number().int().positive(),
  /** A registered plan (type KH, CTr or ĐA) the task belongs to. */
  planDocumentId: z.number().int().positive().nullable().optional(),
  /** Split from a task (the new one is its child). */
  parentId: z.number().int().positive().nullable().optional(),
});
export type CreateTaskInput = z.input<typeof CreateTaskInputSchema>;

/** Only the fields sent change; `version` is the one read (optimistic concurrency). */
export const UpdateTaskInputSchema = TaskFieldsSchema.partial().extend({
  version: z.number().int().positive(),
  planDocumentId: z.number().int().positive().nullable().optional(),
  /** Move the task under another task (null: make it a task of its own); a cycle is refused. */
  parentId: z.number().int().positive().nullable().optional(),
});
export type UpdateTaskInput = z.input<typeof UpdateTaskInputSchema>;

/** The clears a draft satisfies, computed as the form is filled in (nothing is written). */
export const CheckTaskClearsInputSchema = TaskFieldsSchema.partial().extend({
  ownerOrgId: z.number().int().positive(),
});
export type CheckTaskClearsInput = z.input<typeof CheckTaskClearsInputSchema>;
export const TaskClearsSchema = z.object({
  clears: z.array(TaskClearSchema),
  missingClears: z.array(z.string()),
});

/**
 * Assign a task to many subordinate organisations at once: each gets a child task it leads (and may
 * split further). A numeric target may be divided: equally (rounded, the remainder to the first ones)
 * or as given per organisation — the parts must add up to the task's target.
 */
export const TargetDivisionSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("equal") }),
  z.object({
    mode: z.literal("explicit"),
    parts: z
      .array(
        z.object({ orgId: z.number().int().positive(), targetValue: z.number().min(0).max(TASK_AMOUNT_MAX) }),
      )
      .min(1),
  }),
]);
export type TargetDivision = z.infer<typeof TargetDivisionSchema>;

export const CascadeTaskInputSchema = z.object({
  version: z.number().int().positive(),
  selection: CascadeSelectionSchema,
  division: TargetDivisionSchema.default({ mode: "none" }),
  /** The children's due date (default: the task's). */
  dueDate: IsoDateSchema.nullable().optional(),
});
export type CascadeTaskInput = z.input<typeof CascadeTaskInputSchema>;

export const CascadeTaskPreviewSchema = z.object({
  orgs: z.array(TaskOrgSchema.extend({ targetValue: z.number().nullable() })),
  /** Organisations of the selection that already have a child of this task (skipped). */
  alreadyAssigned: z.number(),
});
export const CascadeTaskResultSchema = z.object({ created: z.number(), skipped: z.number() });

export const ChangeTaskStateInputSchema = z.object({
  version: z.number().int().positive(),
  state: TaskStateSchema,
  /** Required to pause or cancel. */
  reason: text(2000).nullable().optional(),
});
export type ChangeTaskStateInput = z.input<typeof ChangeTaskStateInputSchema>;

export const TaskListQuerySchema = z.object({
  /** Tasks counting under this organisation (lead, or owner while no lead); default: the actor's scope. */
  orgId: z.coerce.number().int().positive().optional(),
  planDocumentId: z.coerce.number().int().positive().optional(),
  parentId: z.coerce.number().int().positive().optional(),
  /** Title or description, diacritics optional. */
  q: z.string().trim().max(200).optional(),
  status: TaskStatusSchema.optional(),
  /** Only tasks lacking a clear ("chưa đủ 5 rõ"). */
  missingClears: z.stringbool().optional(),
  /** Only the actor's own tasks (responsible account). */
  mine: z.stringbool().optional(),
  dueFrom: IsoDateSchema.optional(),
  dueTo: IsoDateSchema.optional(),
  sort: z.enum(["due", "recent", "title"]).default("due"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.input<typeof TaskListQuerySchema>;

/** A committee's clear-set (DOMAIN.md §2); inherited from the nearest ancestor that sets one. */
export const ClearDefinitionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  aspect: z.enum(["person", "job", "time", "responsibility", "result"]),
  label: z.object({ vi: text(100).min(1), en: text(100).min(1) }),
});
export const ClearSetSchema = z.object({
  orgId: z.number(),
  /** The organisation the set is taken from (itself, an ancestor), or null for the default five. */
  sourceOrgId: z.number().nullable(),
  sourceOrgName: z.string().nullable(),
  clears: z.array(ClearDefinitionSchema),
  version: z.number().nullable(),
  canEdit: z.boolean(),
});
export type ClearSet = z.infer<typeof ClearSetSchema>;
export const UpdateClearSetInputSchema = z.object({
  /** null: remove the organisation's own set (inherit again). */
  clears: z.array(ClearDefinitionSchema).min(1).max(10).nullable(),
  version: z.number().int().positive().nullable(),
});

export const TaskPlanSettingsSchema = z.object({
  documentId: z.number(),
  progressFormula: ProgressFormulaSchema,
  version: z.number().nullable(),
  canEdit: z.boolean(),
});
export const UpdateTaskPlanSettingsInputSchema = z.object({
  progressFormula: ProgressFormulaSchema,
  version: z.number().int().positive().nullable(),
});

const OrgIdParamsSchema = z.object({ orgId: z.coerce.number().int().positive() });
const DocumentIdParamsSchema = z.object({ documentId: z.coerce.number().int().positive() });

export const TASK_ROUTES = defineRoutes({
  list: {
    method: "GET",
    path: "/api/tasks",
    summary: "Tasks in the actor's scope, filtered (status computed for today)",
    tags: ["tasks"],
    querystring: TaskListQuerySchema,
    response: pageOf(TaskSummarySchema),
  },
  get: {
    method: "GET",
    path: "/api/tasks/:id",
    summary: "A task with its clears, milestones and what the actor may do",
    tags: ["tasks"],
    params: IdParamsSchema,
    response: TaskDetailSchema,
  },
  create: {
    method: "POST",
    path: "/api/tasks",
    summary: "Create a task (in a plan, on its own, or split from a task)",
    tags: ["tasks"],
    body: CreateTaskInputSchema,
    response: TaskDetailSchema,
    successStatus: 201,
  },
  update: {
    method: "PATCH",
    path: "/api/tasks/:id",
    summary: "Change a task's fields (optimistic concurrency)",
    tags: ["tasks"],
    params: IdParamsSchema,
    body: UpdateTaskInputSchema,
    response: TaskDetailSchema,
  },
  checkClears: {
    method: "POST",
    path: "/api/tasks/check-clears",
    summary: "Which clears a draft task satisfies, and why not (nothing is written)",
    tags: ["tasks"],
    body: CheckTaskClearsInputSchema,
    response: TaskClearsSchema,
  },
  previewCascade: {
    method: "POST",
    path: "/api/tasks/:id/cascade/preview",
    summary: "The organisations a cascade would assign, with their share of the target",
    tags: ["tasks"],
    params: IdParamsSchema,
    body: CascadeTaskInputSchema,
    response: CascadeTaskPreviewSchema,
  },
  cascade: {
    method: "POST",
    path: "/api/tasks/:id/cascade",
    summary: "Assign the task to subordinate organisations as child tasks",
    tags: ["tasks"],
    params: IdParamsSchema,
    body: CascadeTaskInputSchema,
    response: CascadeTaskResultSchema,
    successStatus: 201,
  },
  changeState: {
    method: "POST",
    path: "/api/tasks/:id/state",
    summary: "Pause, cancel or resume a task",
    tags: ["tasks"],
    params: IdParamsSchema,
    body: ChangeTaskStateInputSchema,
    response: TaskDetailSchema,
  },
  getClearSet: {
    method: "GET",
    path: "/api/organisations/:orgId/clear-set",
    summary: "The clear-set an organisation's tasks are checked against",
    tags: ["tasks"],
    params: OrgIdParamsSchema,
    response: ClearSetSchema,
  },
  updateClearSet: {
    method: "PUT",
    path: "/api/organisations/:orgId/clear-set",
    summary: "Set (or remove) an organisation's own clear-set",
    tags: ["tasks"],
    params: OrgIdParamsSchema,
    body: UpdateClearSetInputSchema,
    response: ClearSetSchema,
  },
  getPlanSettings: {
    method: "GET",
    path: "/api/documents/:documentId/task-plan",
    summary: "How a plan's progress is computed from its tasks",
    tags: ["tasks"],
    params: DocumentIdParamsSchema,
    response: TaskPlanSettingsSchema,
  },
  updatePlanSettings: {
    method: "PUT",
    path: "/api/documents/:documentId/task-plan",
    summary: "Choose a plan's progress formula",
    tags: ["tasks"],
    params: DocumentIdParamsSchema,
    body: UpdateTaskPlanSettingsInputSchema,
    response: TaskPlanSettingsSchema,
  },
});
