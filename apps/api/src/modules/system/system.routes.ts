import { systemRoutes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { access } from "../../platform/auth/route-access.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

export function registerSystemRoutes(app: FastifyInstance): void {
  registerRoute(app, systemRoutes.health, access.public, async () => {
    await app.services.system.ping();
    return { status: "ok" as const };
  });
  registerRoute(app, systemRoutes.systemInfo, access.public, async () => ({
    name: "Năm Rõ",
    version: "0.1.0",
    databaseKind: app.databaseKind,
  }));
}
