// "Việc cần làm": what the signed-in person must do now about tasks — the tasks their unit leads (a
// unit where they hold a role that reports) or that name them responsible, and that are carried out
// directly (no sub-tasks): reports late, reports due, tasks past their due date, reports returned for
// correction, tasks newly assigned. Each group: how many, and the first few to open.
import { z } from "zod";
import { defineRoutes, IsoDateSchema } from "./http.ts";

/** Most tasks listed per group (the count says how many there are). */
export const TASK_TODO_GROUP_ITEMS = 5;
/** "Newly assigned": created within this many days. */
export const TASK_TODO_ASSIGNED_DAYS = 14;

export const TaskTodoItemSchema = z.object({
  taskId: z.number(),
  title: z.string(),
  dueDate: IsoDateSchema.nullable(),
  /** The unit carrying the task out (the lead, else the assigning organisation). */
  orgName: z.string(),
  /** A returned report: the period ("2026-06", "final") and why it was returned. */
  periodKey: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TaskTodoItem = z.infer<typeof TaskTodoItemSchema>;

export const TaskTodoGroupSchema = z.object({
  total: z.number(),
  items: z.array(TaskTodoItemSchema),
});
export type TaskTodoGroup = z.infer<typeof TaskTodoGroupSchema>;

export const TASK_TODO_GROUPS = ["reportLate", "overdue", "returned", "reportDue", "assigned"] as const;
export type TaskTodoGroupKey = (typeof TASK_TODO_GROUPS)[number];

export const TaskTodoSchema = z.object({
  /** Today as the server counts it (Vietnam time). */
  today: IsoDateSchema,
  /** The person holds a role that reports on some unit (else only tasks naming them count). */
  reportsForUnits: z.boolean(),
  reportLate: TaskTodoGroupSchema,
  overdue: TaskTodoGroupSchema,
  returned: TaskTodoGroupSchema,
  reportDue: TaskTodoGroupSchema,
  assigned: TaskTodoGroupSchema,
});
export type TaskTodo = z.infer<typeof TaskTodoSchema>;

export const TASK_TODO_ROUTES = defineRoutes({
  todo: {
    method: "GET",
    path: "/api/task-todo",
    summary: "What the signed-in person must do now about tasks (late and due reports, returned, new)",
    tags: ["tasks"],
    response: TaskTodoSchema,
  },
});
