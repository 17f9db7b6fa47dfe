// HTTP for the register's reference data: document types, issuer codes and committee terms.
import { documentReferenceDataRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerDocumentReferenceDataRoutes(app: FastifyInstance): void {
  const service = () => app.services.documentReferenceData;
  const manageTypes = access.permissionAtRoot("document_type.manage");
  // Terms of an organisation: document.manage over it; of an issuer outside the tree: a root
  // administrator (checked by the service).
  const manageTerms = access.permission("document.manage");

  registerRoute(app, routes.listDocumentTypes, access.authenticated, async () => ({
    items: await service().listTypes(),
  }));
  registerRoute(app, routes.createDocumentType, manageTypes, async ({ body, request }) =>
    service().createType(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.updateDocumentType, manageTypes, async ({ params, body, request }) =>
    service().updateType(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.listDocumentIssuers, access.authenticated, async () => ({
    items: await service().listIssuers(),
  }));
  registerRoute(app, routes.createDocumentIssuer, manageTypes, async ({ body, request }) =>
    service().createIssuer(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.updateDocumentIssuer, manageTypes, async ({ params, body, request }) =>
    service().updateIssuer(actorOf(request), params.code, body, auditOf(request)),
  );

  registerRoute(app, routes.listCommitteeTerms, access.authenticated, async ({ query, request }) => ({
    items: await service().listTerms(actorOf(request), query),
  }));
  registerRoute(app, routes.createCommitteeTerm, manageTerms, async ({ body, request }) =>
    service().createTerm(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.updateCommitteeTerm, manageTerms, async ({ params, body, request }) =>
    service().updateTerm(actorOf(request), params.id, body, auditOf(request)),
  );
}
