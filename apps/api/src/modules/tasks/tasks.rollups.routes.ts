// HTTP for task roll-ups and the dashboard: every route of TASK_ROLLUP_ROUTES, scoped by the service.
import { TASK_ROLLUP_ROUTES as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { requestLocale } from "../../platform/http/locale.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registerTaskRollupRoutes(app: FastifyInstance): void {
  const read = access.permission("task.read");
  const service = () => app.services.taskRollups;

  registerRoute(app, routes.getRollup, read, async ({ query, request }) =>
    service().rollup(actorOf(request), query),
  );
  registerRoute(app, routes.getDashboard, read, async ({ query, request }) =>
    service().dashboard(actorOf(request), query),
  );
  registerRoute(app, routes.exportRollup, read, async ({ query, request, reply }) => {
    const file = await service().exportRollup(actorOf(request), query, requestLocale(request));
    reply
      .header("content-type", XLSX_TYPE)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store");
    return file.content;
  });
}
