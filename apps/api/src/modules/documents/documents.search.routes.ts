// HTTP for the register's list and full-text search (GET /api/documents).
import { documentRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerDocumentSearchRoutes(app: FastifyInstance): void {
  registerRoute(app, routes.listDocuments, access.permission("document.read"), async ({ query, request }) =>
    app.services.documentSearch.list(actorOf(request), query),
  );
}
