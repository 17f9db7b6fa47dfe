import { z } from "zod";
import { defineRoutes, IsoDateSchema, PageQuerySchema, pageOf } from "./http.ts";

export const AuditEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  actorId: z.coerce.number().int().positive().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  /** Entries about this organisation's subtree. */
  orgId: z.coerce.number().int().positive().optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

export const auditRoutes = defineRoutes({
  listAudit: {
    method: "GET",
    path: "/api/audit",
    summary: "Audit log entries inside the administrator's scope, newest first",
    tags: ["audit"],
    querystring: AuditQuerySchema,
    response: pageOf(AuditEntrySchema),
  },
});
