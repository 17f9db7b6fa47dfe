// HTTP for the accounts a task can name as responsible (TASK_ASSIGNEE_ROUTES), scoped by the service.
import { TASK_ASSIGNEE_ROUTES as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerTaskAssigneeRoutes(app: FastifyInstance): void {
  registerRoute(
    app,
    routes.listAssignees,
    access.permission("task.manage"),
    async ({ params, query, request }) =>
      app.services.taskAssignees.list(actorOf(request), params.orgId, query.q),
  );
}
