// The plan checker on the web (issue 6): a draft plan, pasted or uploaded, read for its tasks and the
// clears of each (nothing is stored); then the corrected tasks created in a registered plan at once.
import { z } from "zod";
import { defineRoutes } from "./http.ts";
import {
  ClearDefinitionSchema,
  LocalizedTextSchema,
  ReportFrequencySchema,
  TaskFieldsSchema,
  TaskScheduleSchema,
} from "./tasks.ts";

/** Characters of text checked at most (about 100 pages); a longer plan is refused with this limit. */
export const PLAN_CHECK_MAX_CHARS = 300_000;
/** Tasks created from one check at most. */
export const PLAN_CHECK_MAX_TASKS = 500;

export const PlanCheckTextInputSchema = z.object({
  /** The plan as pasted. */
  text: z.string(),
  /** The committee whose plan it is: its clear-set, and where lead units are looked for. */
  orgId: z.number().int().positive().optional(),
});
export type PlanCheckTextInput = z.input<typeof PlanCheckTextInputSchema>;

export const PlanCheckUploadQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
});

export const PlanSpanSchema = z.object({ text: z.string(), start: z.number(), end: z.number() });

/** An organisation a unit named in the text may be. */
export const PlanOrgCandidateSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** Names from the topmost visible ancestor down to the parent. */
  pathNames: z.array(z.string()),
});
export type PlanOrgCandidate = z.infer<typeof PlanOrgCandidateSchema>;

/** A unit named in the text; the organisations its name may be are listed once per name (`units`). */
export const PlanUnitSchema = PlanSpanSchema.extend({
  /** The name with abbreviations spelled out ("BTV" → "Ban Thường vụ"). */
  name: z.string(),
  /** "các cơ quan liên quan": no unit in particular. */
  generic: z.boolean(),
});
export type PlanUnit = z.infer<typeof PlanUnitSchema>;

/** A unit name of the plan with the organisations it may be; `orgId` when one clearly matches. */
export const PlanUnitMatchSchema = z.object({
  name: z.string(),
  candidates: z.array(PlanOrgCandidateSchema),
  orgId: z.number().nullable(),
});
export type PlanUnitMatch = z.infer<typeof PlanUnitMatchSchema>;

export const PlanClearGradeSchema = z.enum(["present", "weak", "missing"]);
/** A clear of the set (in the set's order, see `clears`) as the task satisfies it. */
export const PlanTaskClearSchema = z.object({
  key: z.string(),
  grade: PlanClearGradeSchema,
  /** Why: a key of `reasons`. */
  reason: z.string(),
  /** The words that decided it (offsets in the checked text). */
  spans: z.array(PlanSpanSchema),
  /** Taken from a heading above or from the task "như trên" refers to. */
  inherited: z.boolean(),
});
export type PlanTaskClear = z.infer<typeof PlanTaskClearSchema>;

export const PlanCheckedTaskSchema = z.object({
  /** The task as written, and where it stands in the checked text. */
  text: z.string(),
  start: z.number(),
  end: z.number(),
  /** The marker or row number as written ("1.", "a)"). */
  label: z.string().nullable(),
  leads: z.array(PlanUnitSchema),
  support: z.array(PlanUnitSchema),
  person: PlanSpanSchema.extend({ name: z.string() }).nullable(),
  deadlineText: z.string().nullable(),
  /** "2026-06-30", "2026-Q2", "2026-06", "2026-H1", "2026", "yearly", "quarterly", "monthly", "continuous". */
  deadline: z.string().nullable(),
  deliverable: z.string().nullable(),
  /** Every clear of the committee's set, in its order. */
  clears: z.array(PlanTaskClearSchema),
  /** The task as it would be created (its description: the text as written), for the person to correct. */
  draft: z.object({
    title: z.string(),
    leadOrgId: z.number().nullable(),
    supportOrgIds: z.array(z.number()),
    responsibleName: z.string().nullable(),
    dueDate: z.string().nullable(),
    schedule: TaskScheduleSchema,
    reportFrequency: ReportFrequencySchema.nullable(),
    deliverable: z.string().nullable(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
  }),
});
export type PlanCheckedTask = z.infer<typeof PlanCheckedTaskSchema>;

export const PlanCheckSchema = z.object({
  /** The text checked (extracted from the file); the tasks' offsets count in it. */
  text: z.string(),
  source: z.object({
    kind: z.enum(["text", "docx", "txt", "pdf"]),
    fileName: z.string().nullable(),
    /** The text was converted from TCVN3 or VNI. */
    legacyEncoding: z.boolean(),
  }),
  /** The committee the check is for (its clear-set and units), or null for the default set. */
  org: z.object({ id: z.number(), name: z.string() }).nullable(),
  clears: z.array(ClearDefinitionSchema),
  /** The reasons the tasks' clears give, in both languages (each said once). */
  reasons: z.record(z.string(), LocalizedTextSchema),
  /** Each distinct unit name of the tasks with the organisations it may be. */
  units: z.array(PlanUnitMatchSchema),
  tasks: z.array(PlanCheckedTaskSchema),
  summary: z.object({
    tasks: z.number(),
    /** Tasks with every clear present. */
    complete: z.number(),
    perClear: z.array(
      z.object({ key: z.string(), present: z.number(), weak: z.number(), missing: z.number() }),
    ),
  }),
});
export type PlanCheck = z.infer<typeof PlanCheckSchema>;

export const PlanCheckCreateTasksInputSchema = z.object({
  /** The organisation assigning the tasks. */
  ownerOrgId: z.number().int().positive(),
  /** The registered plan (KH, CTr, ĐA) they belong to. */
  planDocumentId: z.number().int().positive(),
  tasks: z.array(TaskFieldsSchema).min(1).max(PLAN_CHECK_MAX_TASKS),
});
export type PlanCheckCreateTasksInput = z.input<typeof PlanCheckCreateTasksInputSchema>;

export const PlanCheckCreatedSchema = z.object({
  tasks: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      /** Keys of the clears it still lacks (the task is flagged "chưa đủ 5 rõ"). */
      missingClears: z.array(z.string()),
    }),
  ),
});
export type PlanCheckCreated = z.infer<typeof PlanCheckCreatedSchema>;

export const PLAN_CHECK_ROUTES = defineRoutes({
  checkText: {
    method: "POST",
    path: "/api/plan-checks",
    summary: "Check a pasted draft plan: its tasks and the clears of each (nothing is stored)",
    tags: ["plan-checks"],
    body: PlanCheckTextInputSchema,
    response: PlanCheckSchema,
  },
  checkFile: {
    method: "POST",
    path: "/api/plan-checks/file",
    summary:
      "Check an uploaded draft plan (.docx, .txt or a PDF with text; multipart, one part named `file`); nothing is stored",
    tags: ["plan-checks"],
    querystring: PlanCheckUploadQuerySchema,
    response: PlanCheckSchema,
  },
  createTasks: {
    method: "POST",
    path: "/api/plan-checks/create-tasks",
    summary: "Create the checked (and corrected) tasks in a registered plan, in one transaction",
    tags: ["plan-checks"],
    body: PlanCheckCreateTasksInputSchema,
    response: PlanCheckCreatedSchema,
    successStatus: 201,
  },
});
