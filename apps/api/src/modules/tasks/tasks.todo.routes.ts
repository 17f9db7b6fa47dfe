// HTTP for "Việc cần làm" (TASK_TODO_ROUTES): task.read at the route — a person named responsible for a
// task may hold no more — and the service keeps to the tasks the person may see.
import { TASK_TODO_ROUTES as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerTaskTodoRoutes(app: FastifyInstance): void {
  registerRoute(app, routes.todo, access.permission("task.read"), async ({ request }) =>
    app.services.taskTodo.todo(actorOf(request)),
  );
}
