// HTTP for the member registry: every route of `memberRoutes`, scoped by the service.
import { memberRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf as auditOf } from "../../platform/audit/audit-context.ts";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerMemberRoutes(app: FastifyInstance): void {
  const read = access.permission("member.read");
  const manage = access.permission("member.manage");
  const service = () => app.services.members;

  registerRoute(app, routes.listMembers, read, async ({ query, request }) =>
    service().list(actorOf(request), query),
  );
  registerRoute(app, routes.getMember, read, async ({ params, request }) =>
    service().get(actorOf(request), params.id),
  );
  registerRoute(app, routes.getMemberCellOn, read, async ({ params, query, request }) =>
    service().cellOn(actorOf(request), params.id, query.on),
  );
  registerRoute(app, routes.admitMember, manage, async ({ body, request }) =>
    service().admit(actorOf(request), body, auditOf(request)),
  );
  registerRoute(app, routes.updateMember, manage, async ({ params, body, request }) =>
    service().update(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.recordMemberEvent, manage, async ({ params, body, request }) =>
    service().recordEvent(actorOf(request), params.id, body, auditOf(request)),
  );

  registerRoute(app, routes.listMemberPostTypes, read, async () => ({
    items: await service().listPostTypes(),
  }));
  registerRoute(app, routes.addMemberPost, manage, async ({ params, body, request }) =>
    service().addPost(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.endMemberPost, manage, async ({ params, body, request }) =>
    service().endPost(actorOf(request), params.id, params.postId, body, auditOf(request)),
  );

  registerRoute(app, routes.listMemberTransfers, manage, async ({ query, request }) =>
    service().listTransfers(actorOf(request), query.orgId),
  );
  registerRoute(app, routes.confirmMemberTransfer, manage, async ({ params, body, request }) =>
    service().confirmTransfer(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.refuseMemberTransfer, manage, async ({ params, body, request }) =>
    service().refuseTransfer(actorOf(request), params.id, body, auditOf(request)),
  );
  registerRoute(app, routes.cancelMemberTransfer, manage, async ({ params, body, request }) =>
    service().cancelTransfer(actorOf(request), params.id, body, auditOf(request)),
  );
}
