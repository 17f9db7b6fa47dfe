// The session cookie: HttpOnly, SameSite=Lax, and behind TLS Secure with the __Host- prefix (which
// browsers only accept on Secure cookies without a Domain).
import type { FastifyReply } from "fastify";

export function sessionCookieName(behindTls: boolean): string {
  return behindTls ? "__Host-namro_session" : "namro_session";
}

export function setSessionCookie(
  reply: FastifyReply,
  behindTls: boolean,
  token: string,
  maxAgeSeconds: number,
) {
  reply.setCookie(sessionCookieName(behindTls), token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: behindTls,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, behindTls: boolean) {
  reply.clearCookie(sessionCookieName(behindTls), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: behindTls,
  });
}
