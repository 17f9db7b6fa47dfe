// HTTP for sign-in, sessions, own password, TOTP and language.
import { authRoutes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { auditContextOf } from "../../platform/audit/audit-context.ts";
import { requireActor } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { clearSessionCookie, setSessionCookie } from "../../platform/auth/session-cookie.ts";
import { LOCALE_COOKIE } from "../../platform/http/locale.ts";
import { registerRoute } from "../../platform/http/register-route.ts";
import { presentMe } from "./auth.presenter.ts";

export function registerAuthRoutes(app: FastifyInstance): void {
  const auth = app.services.auth;
  const behindTls = app.appConfig.behindTls;

  registerRoute(
    app,
    authRoutes.signIn,
    access.public,
    async ({ body, request, reply }) => {
      const result = await auth.signIn({
        username: body.username,
        password: body.password,
        totpCode: body.totpCode,
        presentedToken: request.sessionToken,
        ip: request.ip ?? null,
        userAgent: request.headers["user-agent"] ?? null,
        requestId: request.id,
      });
      setSessionCookie(reply, behindTls, result.token, result.maxAgeSeconds);
      // The new session is the actor from here on (language of any later message, for instance).
      request.actor = result.actor;
      return presentMe(result.actor);
    },
    // Per client address, on top of the per-account lockout (NAMRO_SIGN_IN_RATE_LIMIT).
    { rateLimit: { max: app.appConfig.signInRateLimitPerMinute, timeWindow: "1 minute" } },
  );

  registerRoute(app, authRoutes.signOut, access.session, async ({ request, reply }) => {
    await auth.signOut(requireActor(request), auditContextOf(request));
    clearSessionCookie(reply, behindTls);
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.me, access.session, async ({ request }) => presentMe(requireActor(request)));

  registerRoute(app, authRoutes.changePassword, access.session, async ({ body, request }) => {
    await auth.changePassword(requireActor(request), body, auditContextOf(request));
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.setUpTotp, access.authenticated, async ({ request }) =>
    auth.setUpTotp(requireActor(request), auditContextOf(request)),
  );

  registerRoute(app, authRoutes.enableTotp, access.authenticated, async ({ body, request }) => {
    await auth.enableTotp(requireActor(request), body.code, auditContextOf(request));
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.disableTotp, access.authenticated, async ({ body, request }) => {
    await auth.disableTotp(requireActor(request), body.password, auditContextOf(request));
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.setEmail, access.session, async ({ body, request }) => {
    await auth.setEmail(requireActor(request), body.email, auditContextOf(request));
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.setLocale, access.session, async ({ body, request, reply }) => {
    const actor = requireActor(request);
    await auth.setLocale(actor, body.locale, auditContextOf(request));
    // Also remembered in the browser, for the login page after signing out.
    reply.setCookie(LOCALE_COOKIE, body.locale, {
      path: "/",
      sameSite: "lax",
      secure: behindTls,
      maxAge: 365 * 24 * 3600,
    });
    return { ok: true as const };
  });
}
