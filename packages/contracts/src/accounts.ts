import { z } from "zod";
import { EmailBodySchema, RoleGrantSchema, RoleSchema } from "./auth.ts";
import { defineRoutes, IdParamsSchema, OkSchema, PageQuerySchema, pageOf } from "./http.ts";

export const AccountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  /** Where reminders are e-mailed; null: none. */
  email: z.string().nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  roles: z.array(RoleGrantSchema),
  version: z.number(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  role: RoleSchema.optional(),
  includeDisabled: z.stringbool().default(true),
});

const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/);

export const RoleAssignmentInputSchema = z.object({ role: RoleSchema, orgId: z.number().int().positive() });

export const CreateAccountBodySchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(2).max(200),
  password: z.string().min(1).max(200),
  roles: z.array(RoleAssignmentInputSchema).min(1).max(20),
});
export const UpdateAccountBodySchema = z.object({
  displayName: z.string().trim().min(2).max(200),
  version: z.number().int(),
});
export const AccountEmailBodySchema = EmailBodySchema.extend({ version: z.number().int() });
export const ResetPasswordBodySchema = z.object({ newPassword: z.string().min(1).max(200) });
export const AccountRoleParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  assignmentId: z.coerce.number().int().positive(),
});

export const accountRoutes = defineRoutes({
  listAccounts: {
    method: "GET",
    path: "/api/accounts",
    summary: "Accounts holding a role inside the administrator's scope",
    tags: ["accounts"],
    querystring: AccountListQuerySchema,
    response: pageOf(AccountSchema),
  },
  getAccount: {
    method: "GET",
    path: "/api/accounts/:id",
    summary: "One account",
    tags: ["accounts"],
    params: IdParamsSchema,
    response: AccountSchema,
  },
  createAccount: {
    method: "POST",
    path: "/api/accounts",
    summary: "Create an account with its roles",
    tags: ["accounts"],
    body: CreateAccountBodySchema,
    response: AccountSchema,
    successStatus: 201,
  },
  updateAccount: {
    method: "PATCH",
    path: "/api/accounts/:id",
    summary: "Change an account's display name",
    tags: ["accounts"],
    params: IdParamsSchema,
    body: UpdateAccountBodySchema,
    response: AccountSchema,
  },
  setAccountEmail: {
    method: "PUT",
    path: "/api/accounts/:id/email",
    summary: "Set or remove an account's e-mail address (for reminders)",
    tags: ["accounts"],
    params: IdParamsSchema,
    body: AccountEmailBodySchema,
    response: AccountSchema,
  },
  disableAccount: {
    method: "POST",
    path: "/api/accounts/:id/disable",
    summary: "Disable an account and end its sessions",
    tags: ["accounts"],
    params: IdParamsSchema,
    response: AccountSchema,
  },
  enableAccount: {
    method: "POST",
    path: "/api/accounts/:id/enable",
    summary: "Enable a disabled account",
    tags: ["accounts"],
    params: IdParamsSchema,
    response: AccountSchema,
  },
  resetPassword: {
    method: "POST",
    path: "/api/accounts/:id/reset-password",
    summary: "Set a temporary password the user must change",
    tags: ["accounts"],
    params: IdParamsSchema,
    body: ResetPasswordBodySchema,
    response: OkSchema,
  },
  addRole: {
    method: "POST",
    path: "/api/accounts/:id/roles",
    summary: "Grant a role over an organisation's subtree",
    tags: ["accounts"],
    params: IdParamsSchema,
    body: RoleAssignmentInputSchema,
    response: AccountSchema,
  },
  removeRole: {
    method: "DELETE",
    path: "/api/accounts/:id/roles/:assignmentId",
    summary: "Withdraw a role",
    tags: ["accounts"],
    params: AccountRoleParamsSchema,
    response: AccountSchema,
  },
});
