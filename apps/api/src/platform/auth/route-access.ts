// Every route declares who may call it. The declaration is enforced here (sign-in and coarse
// permission); finer scope checks happen in services, which answer 404 outside the actor's subtree.
import type { Permission } from "@namro/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { holdsPermissionAtRoot, permissionsOf } from "./actor.ts";

export type RouteAccess =
  | { kind: "public" }
  /** Any signed-in account, even one that must still change its password or confirm a second factor. */
  | { kind: "session" }
  | { kind: "authenticated" }
  /** `atRoot`: the permission counts only where held over a top-level organisation (installation-wide data). */
  | { kind: "permission"; permission: Permission; atRoot?: boolean };

export const access = {
  public: { kind: "public" } as RouteAccess,
  session: { kind: "session" } as RouteAccess,
  authenticated: { kind: "authenticated" } as RouteAccess,
  permission: (permission: Permission): RouteAccess => ({ kind: "permission", permission }),
  permissionAtRoot: (permission: Permission): RouteAccess => ({
    kind: "permission",
    permission,
    atRoot: true,
  }),
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export async function enforceRouteAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const rule = request.routeOptions.config.access;
  if (!rule) throw new Error(`Route ${request.routeOptions.url} declares no access rule`);
  if (rule.kind === "public") return;
  const actor = request.actor;
  if (!actor) throw new AppError("AUTH_REQUIRED");
  if (rule.kind === "session") return;
  // A temporary password (new account, reset by an administrator) only opens the session routes,
  // among them the password change.
  if (actor.mustChangePassword) throw new AppError("AUTH_PASSWORD_CHANGE_REQUIRED");
  if (rule.kind === "permission" && !permissionsOf(actor).includes(rule.permission)) {
    // Holding the permission nowhere: the resource does not exist for this actor.
    throw new AppError("NOT_FOUND");
  }
  if (rule.kind === "permission" && rule.atRoot && !holdsPermissionAtRoot(actor, rule.permission)) {
    throw new AppError("NOT_FOUND");
  }
}
