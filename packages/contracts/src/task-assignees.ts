// Whom a task can name as its responsible person (issue 5): the active accounts holding a role on an
// organisation within a committee's subtree, found by name without diacritics. Open to whoever assigns
// tasks there (task.manage), not only to account administrators, so a commune officer can pick a person
// the server will accept.
import { z } from "zod";
import { defineRoutes } from "./http.ts";

export const TASK_ASSIGNEE_LIMIT = 20;

export const TaskAssigneeQuerySchema = z.object({
  /** Part of the name or the username; accents and case do not matter. */
  q: z.string().trim().max(100).optional(),
});

export const TaskAssigneeSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  /** The organisation of the subtree where the person holds a role (the highest one), to tell namesakes apart. */
  orgName: z.string(),
});
export type TaskAssignee = z.infer<typeof TaskAssigneeSchema>;

export const TaskAssigneeListSchema = z.object({
  /** At most TASK_ASSIGNEE_LIMIT, by name. */
  items: z.array(TaskAssigneeSchema),
});

const OrgIdParamsSchema = z.object({ orgId: z.coerce.number().int().positive() });

export const TASK_ASSIGNEE_ROUTES = defineRoutes({
  listAssignees: {
    method: "GET",
    path: "/api/organisations/:orgId/task-assignees",
    summary: "Active accounts with a role within the organisation's subtree, to name as a task's responsible",
    tags: ["tasks"],
    params: OrgIdParamsSchema,
    querystring: TaskAssigneeQuerySchema,
    response: TaskAssigneeListSchema,
  },
});
