// HTTP for account administration (system administrators, inside their scope).
import { accountRoutes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf } from "../../platform/audit/audit-context.ts";
import { requireActor } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerAccountRoutes(app: FastifyInstance): void {
  const accounts = app.services.accounts;
  const manage = access.permission("account.manage");

  registerRoute(app, accountRoutes.listAccounts, manage, async ({ query, request }) =>
    accounts.listAccounts(requireActor(request), query),
  );
  registerRoute(app, accountRoutes.getAccount, manage, async ({ params, request }) =>
    accounts.getAccount(requireActor(request), params.id),
  );
  registerRoute(app, accountRoutes.createAccount, manage, async ({ body, request }) =>
    accounts.createAccount(requireActor(request), body, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.updateAccount, manage, async ({ params, body, request }) =>
    accounts.updateAccount(requireActor(request), params.id, body, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.setAccountEmail, manage, async ({ params, body, request }) =>
    accounts.setAccountEmail(requireActor(request), params.id, body, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.disableAccount, manage, async ({ params, request }) =>
    accounts.disableAccount(requireActor(request), params.id, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.enableAccount, manage, async ({ params, request }) =>
    accounts.enableAccount(requireActor(request), params.id, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.resetPassword, manage, async ({ params, body, request }) => {
    await accounts.resetPassword(requireActor(request), params.id, body.newPassword, auditContextOf(request));
    return { ok: true as const };
  });
  registerRoute(app, accountRoutes.addRole, manage, async ({ params, body, request }) =>
    accounts.addRole(requireActor(request), params.id, body, auditContextOf(request)),
  );
  registerRoute(app, accountRoutes.removeRole, manage, async ({ params, request }) =>
    accounts.removeRole(requireActor(request), params.id, params.assignmentId, auditContextOf(request)),
  );
}
