import { z } from "zod";
/** Every action the audit log records; the writer accepts only these, the web app labels each. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.lockout",
  "auth.password_change",
  "auth.locale_change",
  "auth.totp_setup",
  "auth.totp_enable",
  "auth.totp_disable",
  "account.create",
  "account.update",
  "account.disable",
  "account.enable",
  "account.reset_password",
  "account.role_add",
  "account.role_remove",
  "org.create",
  "org.rename",
  "org.move",
  "org.merge",
  "org.split",
  "org.dissolve",
  "org_type.create",
  "org_type.update",
  "member.admit",
  "member.update",
  "member.event",
  "member.transfer_confirm",
  "member.transfer_refuse",
  "member.transfer_cancel",
  "member.post_add",
  "member.post_end",
  "member.import",
  "document.create",
  "document.update",
  "document.file_add",
  "document.file_remove",
  "document.relation_add",
  "document.relation_remove",
  "document.cascade_create",
  "document.cascade_update",
  "document.cascade_delete",
  "document.remind",
  "document_type.create",
  "document_type.update",
  "document_issuer.create",
  "document_issuer.update",
  "committee_term.create",
  "committee_term.update",
  "seed.demo",
  "seed.bulk",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  "organisation",
  "account",
  "org_type",
  "system",
  "member",
  "member_import",
  "document",
  "document_cascade",
  "document_type",
  "document_issuer",
  "committee_term",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

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
