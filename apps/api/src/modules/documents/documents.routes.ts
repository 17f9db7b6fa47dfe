// HTTP for the register's records: register, read, edit, text, relations and graph. The list and search
// (documents.search.routes.ts) and the file routes (documents.files.routes.ts) are registered apart.
import { documentRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerDocumentRoutes(app: FastifyInstance): void {
  const read = access.permission("document.read");
  const manage = access.permission("document.manage");
  const service = () => app.services.documents;

  registerRoute(app, routes.createDocument, manage, async ({ body, request }) =>
    service().create(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.getDocument, read, async ({ params, request }) =>
    service().get(actorOf(request), params.id),
  );
  registerRoute(app, routes.updateDocument, manage, async ({ params, body, request }) =>
    service().update(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.getDocumentText, read, async ({ params, request }) =>
    service().text(actorOf(request), params.id),
  );
  registerRoute(app, routes.addDocumentRelation, manage, async ({ params, body, request }) =>
    service().addRelation(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.removeDocumentRelation, manage, async ({ params, request }) =>
    service().removeRelation(actorOf(request), params.id, params.relationId, auditOf(request)),
  );
  registerRoute(app, routes.getDocumentGraph, read, async ({ params, query, request }) =>
    service().graph(actorOf(request), params.id, query.depth),
  );
}
