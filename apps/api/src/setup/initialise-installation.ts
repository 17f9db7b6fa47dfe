// `namro init`: turns an empty database into a working installation — the top organisation (e.g. the
// provincial committee) and its first system administrator with a one-time password.
import { randomInt } from "node:crypto";
import { CreateAccountBodySchema, CreateOrgBodySchema } from "@namro/contracts";
import { todayInVietnam } from "@namro/domain";
import { z } from "zod";
import type { AuditContext } from "../platform/audit/audit-writer.ts";
import { installerActor } from "../platform/auth/actor.ts";
import { isStrongEnough } from "../platform/auth/passwords.ts";
import { localizeIssues } from "../platform/http/validation-messages.ts";
import type { Services } from "../services.ts";

export interface InitialiseInput {
  rootName: string;
  rootCode: string;
  rootTypeCode: string;
  adminUsername: string;
  adminDisplayName: string;
  /** Defaults to today in Vietnam. */
  effectiveDate?: string;
}

export interface InitialiseResult {
  rootId: number;
  adminUsername: string;
  /** Shown once; the administrator must change it at first sign-in. */
  adminPassword: string;
}

const INSTALL_AUDIT: AuditContext = { actorId: null, actorName: "namro init", requestId: null };
// No look-alike characters (0/o, 1/l/i), so the password survives being read aloud or copied by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function generateOneTimePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
    );
    const password = groups.join("-");
    if (isStrongEnough(password)) return password;
  }
}

const InitialiseInputSchema = z.object({
  rootName: CreateOrgBodySchema.shape.name,
  rootCode: CreateOrgBodySchema.shape.code.unwrap(),
  rootTypeCode: CreateOrgBodySchema.shape.typeCode,
  adminUsername: CreateAccountBodySchema.shape.username,
  adminDisplayName: CreateAccountBodySchema.shape.displayName,
});

export class InitialiseInputError extends Error {}

const OPTION_OF: Record<string, string> = {
  rootName: "--name",
  rootCode: "--code",
  rootTypeCode: "--type",
  adminUsername: "--admin",
  adminDisplayName: "--admin-name",
};

export async function initialiseInstallation(
  services: Pick<Services, "organisations" | "accounts">,
  rawInput: InitialiseInput,
  now: Date,
): Promise<InitialiseResult> {
  const parsed = InitialiseInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    const lines = localizeIssues(parsed.error.issues, "", "vi").map(
      (issue) => `  ${OPTION_OF[issue.path] ?? issue.path}: ${issue.message}`,
    );
    throw new InitialiseInputError(`Giá trị không hợp lệ (invalid values):\n${lines.join("\n")}`);
  }
  const input = { ...rawInput, ...parsed.data };
  const created = await services.organisations.createFirstRoot(
    {
      name: input.rootName,
      code: input.rootCode,
      typeCode: input.rootTypeCode,
      effectiveDate: input.effectiveDate ?? todayInVietnam(now),
      reason: "Khởi tạo hệ thống Năm Rõ (initial set-up)",
    },
    INSTALL_AUDIT,
  );
  const root = created.organisations[0];
  if (!root) throw new Error("createFirstRoot returned no organisation");
  const rootPath = String(root.id);
  const installer = installerActor(0, "Khởi tạo hệ thống", { ...root, path: rootPath });
  const adminPassword = generateOneTimePassword();
  await services.accounts.createAccount(
    installer,
    {
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      password: adminPassword,
      roles: [{ role: "system_admin", orgId: root.id }],
    },
    INSTALL_AUDIT,
  );
  return { rootId: root.id, adminUsername: input.adminUsername.toLowerCase(), adminPassword };
}
