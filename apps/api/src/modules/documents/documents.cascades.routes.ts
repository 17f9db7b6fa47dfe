// HTTP for cascades: every route of `documentCascadeRoutes`, scoped by the service.
import { type CascadeSelection, documentCascadeRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { requestLocale } from "../../platform/http/locale.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registerDocumentCascadeRoutes(app: FastifyInstance): void {
  const read = access.permission("document.read");
  const manage = access.permission("document.manage");
  const service = () => app.services.documentCascades;

  registerRoute(app, routes.listDocumentCascades, read, async ({ params, request }) =>
    service().list(actorOf(request), params.id, requestLocale(request)),
  );
  registerRoute(app, routes.createDocumentCascade, manage, async ({ params, body, request }) =>
    service().create(actorOf(request), params.id, body, auditOf(request), requestLocale(request)),
  );
  registerRoute(app, routes.previewDocumentCascade, manage, async ({ params, body, request }) =>
    service().preview(
      actorOf(request),
      params.id,
      body.selection as CascadeSelection,
      requestLocale(request),
    ),
  );
  registerRoute(app, routes.updateDocumentCascade, manage, async ({ params, body, request }) =>
    service().update(actorOf(request), params.id, body, auditOf(request), requestLocale(request)),
  );
  registerRoute(app, routes.deleteDocumentCascade, manage, async ({ params, query, request }) =>
    service().delete(actorOf(request), params.id, query.version, auditOf(request)),
  );
  registerRoute(app, routes.getCascadeCoverage, read, async ({ params, query, request }) =>
    service().coverage(actorOf(request), params.id, query, requestLocale(request)),
  );
  registerRoute(app, routes.sendCascadeReminders, manage, async ({ params, body, request }) =>
    service().remind(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.exportCascadeCoverage, read, async ({ params, query, request, reply }) => {
    const file = await service().exportCoverage(actorOf(request), params.id, query, requestLocale(request));
    reply
      .header("content-type", XLSX_TYPE)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store");
    return file.content;
  });
}
