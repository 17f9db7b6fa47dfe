// Read-your-writes for routed reads (ADR 0009): after a successful mutating request, the primary's WAL
// position is remembered for the session — in this process, and in a small cookie so another instance
// of the app behind the same address honours it too. The cookie only ever makes its own holder's reads
// go to the primary, so it needs no signature; a value that is not a position is ignored.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatLsn, parseLsn } from "../../db/lsn.ts";
import type { ReadRouter } from "./read-routing.ts";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** A replica further behind than this is not used at all (ReplicaMonitor's maxLagMs), so it suffices. */
const COOKIE_MAX_AGE_SECONDS = 300;

export function lastWriteCookieName(behindTls: boolean): string {
  return behindTls ? "__Host-namro_wal" : "namro_wal";
}

/** Installed after the session hook, which resolves `request.actor`. */
export function installReadYourWrites(app: FastifyInstance, router: ReadRouter, behindTls: boolean): void {
  const cookieName = lastWriteCookieName(behindTls);
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!request.actor) return;
    const lsn = parseLsn(request.cookies[cookieName]);
    if (lsn !== null) router.noteWrite(request.actor.sessionTokenHash, lsn);
  });
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!MUTATING.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith("/api/"))
      return payload;
    let lsn: bigint;
    try {
      // After the request's transactions committed: at or past the end of each of their commits.
      lsn = await router.monitor.primaryPosition();
    } catch (error) {
      request.log.warn({ err: error }, "could not read the primary's WAL position after a write");
      return payload;
    }
    if (request.actor) router.noteWrite(request.actor.sessionTokenHash, lsn);
    reply.setCookie(cookieName, formatLsn(lsn), {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: behindTls,
      maxAge: COOKIE_MAX_AGE_SECONDS,
    });
    return payload;
  });
}
