// Administration of organisation types and of which type may sit directly under which. Types hold for
// the whole installation, so only an administrator of a root changes them; each change is one
// transaction with its audit row.
import type { CreateOrgTypeBody, Locale, OrgType, UpdateOrgTypeBody } from "@namro/contracts";
import type { Transaction } from "kysely";
import type { Database, OrgTypeRow } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import * as typesRepo from "./organisations.org-types.repository.ts";
import { mayManageOrgTypes } from "./organisations.policy.ts";
import { orgTypeAuditSnapshot, presentOrgType } from "./organisations.presenter.ts";

type Trx = Transaction<Database>;

const PG_UNIQUE_VIOLATION = "23505";

export async function createOrgType(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateOrgTypeBody,
  audit: AuditContext,
): Promise<OrgType> {
  requireManager(actor);
  const children = unique(input.allowedChildTypes);
  const parents = unique(input.allowedParentTypes);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if ((await typesRepo.listExistingOrgTypeCodes(trx, [input.code])).size > 0) {
        throw new AppError("ORG_TYPE_CODE_TAKEN", {
          issues: [{ path: "body.code", message: "ORG_TYPE_CODE_TAKEN" }],
        });
      }
      // The new type itself may be named in its own lists (a type nested in itself).
      await requireKnownTypes(
        trx,
        { allowedChildTypes: input.allowedChildTypes, allowedParentTypes: input.allowedParentTypes },
        input.code,
      );
      const row = await typesRepo.insertOrgType(trx, {
        code: input.code,
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        isDepartment: input.isDepartment,
        holdsMembers: input.holdsMembers,
        sortOrder: input.sortOrder,
      });
      await typesRepo.insertOrgTypeRules(trx, [
        ...children.map((child) => ({ parentType: input.code, childType: child })),
        ...parents.map((parent) => ({ parentType: parent, childType: input.code })),
      ]);
      await recordAudit(
        trx,
        audit,
        {
          action: "org_type.create",
          entityType: "org_type",
          entityId: input.code,
          orgId: null,
          after: orgTypeAuditSnapshot(row, children, parents),
        },
        deps.clock.now(),
      );
      return presentOrgType(row, children.sort());
    });
  } catch (error) {
    // Two administrators adding the same code at once: the loser hears what the first check says.
    if ((error as { code?: string }).code === PG_UNIQUE_VIOLATION) {
      throw new AppError("ORG_TYPE_CODE_TAKEN", {
        issues: [{ path: "body.code", message: "ORG_TYPE_CODE_TAKEN" }],
      });
    }
    throw error;
  }
}

export async function updateOrgType(
  deps: ServiceDeps,
  actor: Actor,
  code: string,
  input: UpdateOrgTypeBody,
  audit: AuditContext,
): Promise<OrgType> {
  requireManager(actor);
  const children = unique(input.allowedChildTypes);
  return deps.db.transaction().execute(async (trx) => {
    const before = await typesRepo.findOrgTypeForUpdate(trx, code);
    if (!before) throw new AppError("ORG_TYPE_NOT_FOUND");
    if (before.version !== input.version) throw new AppError("CONFLICT_STALE_VERSION");
    await requireKnownTypes(trx, { allowedChildTypes: input.allowedChildTypes }, code);

    const rules = await typesRepo.listRulesOfType(trx, code);
    const oldChildren = rules.filter((rule) => rule.parentType === code).map((rule) => rule.childType);
    const parents = rules.filter((rule) => rule.childType === code).map((rule) => rule.parentType);
    const removed = oldChildren.filter((child) => !children.includes(child));
    const added = children.filter((child) => !oldChildren.includes(child));

    // Delete first: that waits for any transaction that has just placed an organisation by one of
    // these rules, so the count below sees it.
    await typesRepo.deleteOrgTypeRules(trx, code, removed);
    const inUse = await typesRepo.countActivePlacements(trx, code, removed);
    if (inUse.size > 0) {
      throw new AppError("ORG_TYPE_RULE_IN_USE", {
        issues: await inUseIssues(trx, before, inUse, actor.locale),
      });
    }
    await typesRepo.insertOrgTypeRules(
      trx,
      added.map((child) => ({ parentType: code, childType: child })),
    );
    const after = await typesRepo.updateOrgType(trx, code, {
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      isDepartment: input.isDepartment,
      holdsMembers: input.holdsMembers ?? before.holdsMembers,
      sortOrder: input.sortOrder,
    });
    await recordAudit(
      trx,
      audit,
      {
        action: "org_type.update",
        entityType: "org_type",
        entityId: code,
        orgId: null,
        before: orgTypeAuditSnapshot(before, oldChildren, parents),
        after: orgTypeAuditSnapshot(after, children, parents),
      },
      deps.clock.now(),
    );
    return presentOrgType(after, children.sort());
  });
}

/** Outside a root administrator's reach the routes do not exist. */
function requireManager(actor: Actor): void {
  if (!mayManageOrgTypes(actor)) throw new AppError("NOT_FOUND");
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

/** Every code in the lists names an existing type (or `self`); else ORG_TYPE_UNKNOWN at each entry. */
async function requireKnownTypes(
  trx: Trx,
  lists: Record<string, readonly string[]>,
  self: string,
): Promise<void> {
  const all = unique(Object.values(lists).flat()).filter((code) => code !== self);
  const known = await typesRepo.listExistingOrgTypeCodes(trx, all);
  const issues: FieldIssue[] = [];
  for (const [field, codes] of Object.entries(lists)) {
    codes.forEach((code, index) => {
      if (code !== self && !known.has(code)) {
        issues.push({ path: `body.${field}.${index}`, message: "ORG_TYPE_UNKNOWN" });
      }
    });
  }
  if (issues.length > 0) throw new AppError("ORG_TYPE_UNKNOWN", { issues });
}

/** One issue per rule still in use, naming the pair in the actor's language. */
async function inUseIssues(
  trx: Trx,
  parent: OrgTypeRow,
  inUse: Map<string, number>,
  locale: Locale,
): Promise<FieldIssue[]> {
  const types = new Map((await typesRepo.listOrgTypes(trx)).map((type) => [type.code, type]));
  const nameOf = (type: OrgTypeRow | undefined, code: string) =>
    type ? (locale === "en" ? type.nameEn : type.nameVi) : code;
  const parentName = nameOf(parent, parent.code);
  return [...inUse].map(([childCode, count]) => {
    const childName = nameOf(types.get(childCode), childCode);
    return {
      path: "body.allowedChildTypes",
      message:
        locale === "en"
          ? `${count} active “${childName}” organisation(s) still sit under a “${parentName}”.`
          : `Còn ${count} tổ chức “${childName}” đang hoạt động trực thuộc một “${parentName}”.`,
    };
  });
}
