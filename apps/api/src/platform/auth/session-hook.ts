// Resolves the actor from the session cookie on every request, and checks the CSRF token (a
// per-session synchronizer token sent in the X-CSRF-Token header) on every state-changing request.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { installRouteRegistry } from "./route-registry.ts";
import { sessionCookieName } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export interface ActorResolver {
  resolveActor(sessionToken: string): Promise<Actor | null>;
  /** Forgets the actors the resolver keeps (ADR 0010): accounts or organisations were changed. */
  forgetCachedSessions?(): void;
}

/** Changes to these (roles, accounts, names, paths and states of organisations) change actors. */
const CHANGES_ACTORS = /^\/api\/(accounts|organisations|org-types)(\/|\?|$)/;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-csrf-token";

export function installSessionHook(app: FastifyInstance, resolver: ActorResolver, behindTls: boolean): void {
  // Installed with the access machinery so that every route registered afterwards is listed.
  installRouteRegistry(app);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[sessionCookieName(behindTls)];
    if (!token) return;
    request.sessionToken = token;
    request.actor = await resolver.resolveActor(token);
  });
  // Before the answer leaves (the change is committed): the writer's next request sees it at once.
  app.addHook("onSend", async (request, reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400 && CHANGES_ACTORS.test(request.url)) {
      resolver.forgetCachedSessions?.();
    }
    return payload;
  });
  // Before validation, so a forged request learns nothing about the body it sent.
  app.addHook("preValidation", async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method) || !request.actor) return;
    // Public routes (sign-in) never act on the session, so a stale cookie must not block them.
    if (request.routeOptions.config.access?.kind === "public") return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || sent !== request.actor.csrfToken) throw new AppError("AUTH_CSRF_INVALID");
  });
}
