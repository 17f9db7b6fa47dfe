// HTTP for reading the audit log.
import { auditRoutes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerAuditRoutes(app: FastifyInstance): void {
  registerRoute(app, auditRoutes.listAudit, access.permission("audit.read"), async ({ query, request }) =>
    app.services.audit.listAudit(requireActor(request), query),
  );
}
