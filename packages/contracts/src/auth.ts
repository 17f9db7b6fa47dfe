import { z } from "zod";
import { defineRoutes, OkSchema } from "./http.ts";

export const RoleSchema = z.enum([
  "system_admin",
  "committee_leader",
  "committee_staff",
  "cell_secretary",
  "member",
]);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const PermissionSchema = z.enum([
  "org.read",
  "org.restructure",
  "account.manage",
  "audit.read",
  /** Organisation types are global: the permission counts only where it is held over a root. */
  "org_type.manage",
  "member.read",
  /** Record events, edit records, import. */
  "member.manage",
  /** See citizen ID numbers, religion and discipline (masked for everyone else). */
  "member.sensitive",
  /** Read documents of the subtree and those addressed to it; coverage of cascades. */
  "document.read",
  /** Register, upload, edit and relate documents; create cascades; send reminders. */
  "document.manage",
  /** Read confidential documents (Mật and above) in the subtree. */
  "document.confidential",
  /** Document types, issuer codes and central terms are global: counts only when held over a root. */
  "document_type.manage",
  /** Read the tasks of the subtree (lead, supporting or assigning organisation there) and roll-ups. */
  "task.read",
  /** Create, edit, cascade, pause and cancel tasks; return reports; the clear-set and plan formula. */
  "task.manage",
  /** Report progress on tasks the subtree leads (a responsible person always may on their own). */
  "task.report",
]);
export type Permission = z.infer<typeof PermissionSchema>;

export const LocaleSchema = z.enum(["vi", "en"]);

export const RoleGrantSchema = z.object({
  id: z.number(),
  role: RoleSchema,
  orgId: z.number(),
  orgName: z.string(),
  orgCode: z.string(),
  /** Type of the organisation (e.g. to offer a cell secretary their own cell where a cell is needed). */
  orgTypeCode: z.string(),
  /** False when the organisation has since been merged, split or dissolved: the role needs reassigning. */
  orgActive: z.boolean(),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const MeSchema = z.object({
  account: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    locale: LocaleSchema,
    /** Where reminders are e-mailed (when the installation sends e-mail); null: none. */
    email: z.string().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  roles: z.array(RoleGrantSchema),
  /** Permissions the account holds somewhere in its scope. */
  permissions: z.array(PermissionSchema),
  /** Whether the account may change organisation types (a system administrator of a root). */
  canManageOrgTypes: z.boolean(),
  /** Whether the account may change document types and issuer codes (document_type.manage at a root). */
  canManageDocumentTypes: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const SignInBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpCodeBodySchema = z.object({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisableBodySchema = z.object({ password: z.string().min(1).max(200) });
export const LocaleBodySchema = z.object({ locale: LocaleSchema });

/** An e-mail address as the database accepts it (accounts.email CHECK); trimmed, at most 254 characters. */
export const EmailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
/** null (or an empty string) removes the address. */
export const EmailBodySchema = z.object({
  email: z
    .union([z.literal(""), EmailAddressSchema])
    .nullable()
    .transform((value) => (value === "" ? null : value)),
});

export const authRoutes = defineRoutes({
  signIn: {
    method: "POST",
    path: "/api/auth/sign-in",
    summary: "Sign in; sets a new session cookie",
    tags: ["auth"],
    body: SignInBodySchema,
    response: MeSchema,
  },
  signOut: {
    method: "POST",
    path: "/api/auth/sign-out",
    summary: "Sign out",
    tags: ["auth"],
    response: OkSchema,
  },
  me: {
    method: "GET",
    path: "/api/auth/me",
    summary: "The signed-in account",
    tags: ["auth"],
    response: MeSchema,
  },
  changePassword: {
    method: "POST",
    path: "/api/auth/password",
    summary: "Change own password",
    tags: ["auth"],
    body: ChangePasswordBodySchema,
    response: OkSchema,
  },
  setUpTotp: {
    method: "POST",
    path: "/api/auth/totp/setup",
    summary: "Start TOTP set-up: a new secret to scan",
    tags: ["auth"],
    response: TotpSetupSchema,
  },
  enableTotp: {
    method: "POST",
    path: "/api/auth/totp/enable",
    summary: "Confirm TOTP with a first code",
    tags: ["auth"],
    body: TotpCodeBodySchema,
    response: OkSchema,
  },
  disableTotp: {
    method: "POST",
    path: "/api/auth/totp/disable",
    summary: "Turn TOTP off (needs the password)",
    tags: ["auth"],
    body: TotpDisableBodySchema,
    response: OkSchema,
  },
  setEmail: {
    method: "PUT",
    path: "/api/auth/email",
    summary: "Set or remove own e-mail address (for reminders)",
    tags: ["auth"],
    body: EmailBodySchema,
    response: OkSchema,
  },
  setLocale: {
    method: "PUT",
    path: "/api/auth/locale",
    summary: "Remember the interface language",
    tags: ["auth"],
    body: LocaleBodySchema,
    response: OkSchema,
  },
});
