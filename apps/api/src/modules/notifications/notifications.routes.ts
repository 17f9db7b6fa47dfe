// HTTP for the inbox: every route of `notificationRoutes`, for any signed-in account (the inbox is the
// account's own).
import { notificationRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerNotificationRoutes(app: FastifyInstance): void {
  const signedIn = access.authenticated;
  const service = () => app.services.notifications;

  registerRoute(app, routes.listNotifications, signedIn, async ({ query, request }) =>
    service().list(actorOf(request), query),
  );
  registerRoute(app, routes.countUnreadNotifications, signedIn, async ({ request }) =>
    service().unreadCount(actorOf(request)),
  );
  registerRoute(app, routes.markNotificationRead, signedIn, async ({ params, request }) =>
    service().markRead(actorOf(request), params.id),
  );
  registerRoute(app, routes.markAllNotificationsRead, signedIn, async ({ request }) =>
    service().markAllRead(actorOf(request)),
  );
}
