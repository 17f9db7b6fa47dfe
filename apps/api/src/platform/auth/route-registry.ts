// Keeps a list of every route with its declared access rule, so a test (the access matrix) can walk
// them all and fail on a route without a rule or without a sample request.
import type { FastifyInstance } from "fastify";
import type { RouteAccess } from "./route-access.ts";

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

/** Must run before the routes are registered: it only sees routes added after it. */
export function installRouteRegistry(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.decorate("registeredRoutes", routes);
  app.addHook("onRoute", (options) => {
    for (const method of [options.method].flat()) {
      routes.push({ method, url: options.url, access: options.config?.access });
    }
  });
}
