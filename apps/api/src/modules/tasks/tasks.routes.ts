// HTTP for tasks: every route of TASK_ROUTES, scoped by the service.
import { type CascadeSelection, TASK_ROUTES as routes, type TargetDivision } from "@namro/contracts";
import type { ClearDefinition } from "@namro/domain";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerTaskRoutes(app: FastifyInstance): void {
  const read = access.permission("task.read");
  const manage = access.permission("task.manage");
  const service = () => app.services.tasks;
  const cascadeInput = (body: {
    version: number;
    selection: unknown;
    division: unknown;
    dueDate?: string | null | undefined;
  }) => ({
    version: body.version,
    selection: body.selection as CascadeSelection,
    division: body.division as TargetDivision,
    dueDate: body.dueDate,
  });

  registerRoute(app, routes.list, read, async ({ query, request }) =>
    service().list(actorOf(request), query),
  );
  registerRoute(app, routes.checkClears, read, async ({ body, request }) =>
    service().checkClears(actorOf(request), body),
  );
  registerRoute(app, routes.get, read, async ({ params, request }) =>
    service().get(actorOf(request), params.id),
  );
  registerRoute(app, routes.create, manage, async ({ body, request }) =>
    service().create(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.update, manage, async ({ params, body, request }) =>
    service().update(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.previewCascade, manage, async ({ params, body, request }) =>
    service().previewCascade(actorOf(request), params.id, cascadeInput(body)),
  );
  registerRoute(app, routes.cascade, manage, async ({ params, body, request }) =>
    service().cascade(actorOf(request), params.id, cascadeInput(body), auditOf(request)),
  );
  registerRoute(app, routes.changeState, manage, async ({ params, body, request }) =>
    service().changeState(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.getClearSet, read, async ({ params, request }) =>
    service().getClearSet(actorOf(request), params.orgId),
  );
  registerRoute(app, routes.updateClearSet, manage, async ({ params, body, request }) =>
    service().updateClearSet(
      actorOf(request),
      params.orgId,
      { clears: body.clears as ClearDefinition[] | null, version: body.version },
      auditOf(request),
    ),
  );
  registerRoute(app, routes.getPlanSettings, read, async ({ params, request }) =>
    service().getPlanSettings(actorOf(request), params.documentId),
  );
  registerRoute(app, routes.updatePlanSettings, manage, async ({ params, body, request }) =>
    service().updatePlanSettings(actorOf(request), params.documentId, body, auditOf(request)),
  );
}
