// HTTP for the organisation tree: every route of `organisationRoutes`, scoped by the service.
import { organisationRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerOrganisationRoutes(app: FastifyInstance): void {
  const read = access.permission("org.read");
  const restructure = access.permission("org.restructure");
  const service = () => app.services.organisations;

  registerRoute(app, routes.listOrgTypes, read, async () => ({ items: await service().listOrgTypes() }));

  // Types hold for the whole installation: only for an administrator of a root organisation.
  const manageTypes = access.permissionAtRoot("org_type.manage");
  registerRoute(app, routes.createOrgType, manageTypes, async ({ body, request }) =>
    service().createOrgType(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.updateOrgType, manageTypes, async ({ params, body, request }) =>
    service().updateOrgType(actorOf(request), params.code, body, auditOf(request)),
  );

  registerRoute(app, routes.listRoots, read, async ({ query, request }) => ({
    items: await service().listRoots(actorOf(request), query.asOf),
  }));

  registerRoute(app, routes.searchOrgs, read, async ({ query, request }) => ({
    items: await service().search(actorOf(request), query),
  }));

  registerRoute(app, routes.getOrg, read, async ({ params, query, request }) =>
    service().getOrg(actorOf(request), params.id, query.asOf),
  );

  registerRoute(app, routes.listChildren, read, async ({ params, query, request }) => ({
    items: await service().listChildren(actorOf(request), params.id, query),
  }));

  registerRoute(app, routes.getOrgHistory, read, async ({ params, request }) =>
    service().getHistory(actorOf(request), params.id),
  );

  registerRoute(app, routes.createOrg, restructure, async ({ body, request }) =>
    service().createOrg(actorOf(request), body, auditOf(request)),
  );

  registerRoute(app, routes.renameOrg, restructure, async ({ params, body, request }) =>
    service().renameOrg(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.moveOrg, restructure, async ({ params, body, request }) =>
    service().moveOrg(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.mergeOrgs, restructure, async ({ body, request }) =>
    service().mergeOrgs(actorOf(request), body, auditOf(request)),
  );

  registerRoute(app, routes.splitOrg, restructure, async ({ params, body, request }) =>
    service().splitOrg(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.dissolveOrg, restructure, async ({ params, body, request }) =>
    service().dissolveOrg(actorOf(request), params.id, body, auditOf(request)),
  );
}
