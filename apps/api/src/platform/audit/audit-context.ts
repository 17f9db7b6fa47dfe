// Who is behind a change, taken from the request, for the audit log.
import type { FastifyRequest } from "fastify";
import type { AuditContext } from "./audit-writer.ts";

export function auditContextOf(request: FastifyRequest): AuditContext {
  const actor = request.actor;
  return {
    actorId: actor?.accountId ?? null,
    actorName: actor?.displayName ?? null,
    requestId: request.id,
  };
}
