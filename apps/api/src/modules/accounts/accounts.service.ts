// Account administration inside the administrator's scope: create, rename, disable/enable, reset the
// password, grant and withdraw roles. Every change is audited in the same transaction.
import type { Account, AuditAction, Role } from "@namro/contracts";
import { normalizeText, toSearchKey } from "@namro/domain";
import type { Transaction } from "kysely";
import type { AccountRow, Database } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { hashPassword, isStrongEnough } from "../../platform/auth/passwords.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import type { OrganisationsService } from "../organisations/organisations.service.ts";
import { grantsInScope, isFullyManaged, isVisible, manageScope } from "./accounts.policy.ts";
import { auditSnapshot, presentAccount } from "./accounts.presenter.ts";
import * as repo from "./accounts.repository.ts";

export interface AccountListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  orgId?: number | undefined;
  role?: Role | undefined;
  includeDisabled: boolean;
}

interface Loaded {
  account: AccountRow;
  grants: repo.GrantRow[];
  scope: string[];
}

const PG_UNIQUE_VIOLATION = "23505";

export class AccountsService {
  readonly #deps: ServiceDeps;
  readonly #organisations: OrganisationsService;

  constructor(deps: ServiceDeps, organisations: OrganisationsService) {
    this.#deps = deps;
    this.#organisations = organisations;
  }

  async listAccounts(actor: Actor, query: AccountListQuery) {
    const scope = manageScope(actor);
    const orgPath =
      query.orgId === undefined
        ? undefined
        : (await this.#organisations.requireVisible(actor, "account.manage", query.orgId)).path;
    const searchKey = query.q ? toSearchKey(query.q) : undefined;
    const { rows, total } = await repo.listAccounts(
      this.#deps.db,
      { scope, orgPath, role: query.role, searchKey, includeDisabled: query.includeDisabled },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    const grants = await repo.listGrants(
      this.#deps.db,
      rows.map((row) => row.id),
    );
    const items = rows.map((row) =>
      presentAccount(
        row,
        grantsInScope(
          grants.filter((grant) => grant.accountId === row.id),
          scope,
        ),
      ),
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async getAccount(actor: Actor, id: number): Promise<Account> {
    const loaded = await this.#loadVisible(this.#deps.db, actor, id);
    return present(loaded);
  }

  async createAccount(
    actor: Actor,
    input: {
      username: string;
      displayName: string;
      password: string;
      roles: { role: Role; orgId: number }[];
    },
    context: AuditContext,
  ): Promise<Account> {
    if (!isStrongEnough(input.password)) {
      throw new AppError("AUTH_PASSWORD_WEAK", {
        issues: [{ path: "body.password", message: "AUTH_PASSWORD_WEAK" }],
      });
    }
    const roles = uniqueRoles(input.roles);
    for (const [index, grant] of roles.entries()) await this.#requireGrantableOrg(actor, grant.orgId, index);
    const username = input.username.trim().toLowerCase();
    if (await repo.findAccountByUsername(this.#deps.db, username)) throw usernameTaken();
    const passwordHash = await hashPassword(input.password);
    const displayName = normalizeText(input.displayName);
    const now = this.#deps.clock.now();
    try {
      const id = await this.#deps.db.transaction().execute(async (trx) => {
        const account = await repo.insertAccount(trx, {
          username,
          displayName,
          searchKey: toSearchKey(displayName),
          passwordHash,
          now,
        });
        for (const grant of roles) await repo.insertGrant(trx, account.id, grant.role, grant.orgId, now);
        const loaded = await this.#loadVisible(trx, actor, account.id);
        await recordAudit(
          trx,
          context,
          {
            action: "account.create",
            entityType: "account",
            entityId: account.id,
            orgId: roles[0]?.orgId ?? null,
            after: auditSnapshot(loaded.account, loaded.grants),
          },
          now,
        );
        return account.id;
      });
      return this.getAccount(actor, id);
    } catch (error) {
      if ((error as { code?: string }).code === PG_UNIQUE_VIOLATION) throw usernameTaken();
      throw error;
    }
  }

  async updateAccount(
    actor: Actor,
    id: number,
    input: { displayName: string; version: number },
    context: AuditContext,
  ): Promise<Account> {
    const displayName = normalizeText(input.displayName);
    return this.#change(actor, id, "account.update", context, async (trx, loaded, now) => {
      const updated = await repo.updateAccount(
        trx,
        id,
        { displayName, searchKey: toSearchKey(displayName) },
        now,
        input.version,
      );
      if (!updated) throw new AppError("CONFLICT_STALE_VERSION");
      return loaded.grants[0]?.orgId ?? null;
    });
  }

  /** Sets or removes the account's e-mail address (where its reminders are sent). */
  async setAccountEmail(
    actor: Actor,
    id: number,
    input: { email: string | null; version: number },
    context: AuditContext,
  ): Promise<Account> {
    const email = input.email === null ? null : input.email.normalize("NFC");
    return this.#change(actor, id, "account.email_change", context, async (trx, loaded, now) => {
      if (loaded.account.version !== input.version) throw new AppError("CONFLICT_STALE_VERSION");
      if (loaded.account.email === email) return null;
      await repo.updateAccount(trx, id, { email }, now, input.version);
      return loaded.grants[0]?.orgId ?? null;
    });
  }

  async disableAccount(actor: Actor, id: number, context: AuditContext): Promise<Account> {
    if (id === actor.accountId) {
      // Still a 404 when the account is not even visible, which cannot be the case for oneself.
      throw new AppError("ACCOUNT_CANNOT_DISABLE_SELF");
    }
    return this.#change(actor, id, "account.disable", context, async (trx, loaded, now) => {
      if (loaded.account.disabledAt) return null;
      await repo.updateAccount(trx, id, { disabledAt: now }, now);
      await repo.deleteSessionsOf(trx, id);
      return loaded.grants[0]?.orgId ?? null;
    });
  }

  async enableAccount(actor: Actor, id: number, context: AuditContext): Promise<Account> {
    return this.#change(actor, id, "account.enable", context, async (trx, loaded, now) => {
      if (!loaded.account.disabledAt) return null;
      await repo.updateAccount(trx, id, { disabledAt: null, failedSignIns: 0, lockedUntil: null }, now);
      return loaded.grants[0]?.orgId ?? null;
    });
  }

  async resetPassword(actor: Actor, id: number, newPassword: string, context: AuditContext): Promise<void> {
    if (!isStrongEnough(newPassword)) {
      // Checked after visibility so that an unknown account still answers 404.
      await this.#loadVisible(this.#deps.db, actor, id);
      throw new AppError("AUTH_PASSWORD_WEAK", {
        issues: [{ path: "body.newPassword", message: "AUTH_PASSWORD_WEAK" }],
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.#change(actor, id, "account.reset_password", context, async (trx, loaded, now) => {
      await repo.updateAccount(
        trx,
        id,
        { passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null },
        now,
      );
      await repo.deleteSessionsOf(trx, id);
      return loaded.grants[0]?.orgId ?? null;
    });
  }

  async addRole(
    actor: Actor,
    id: number,
    input: { role: Role; orgId: number },
    context: AuditContext,
  ): Promise<Account> {
    // Adding a role needs only the account visible and the organisation inside the scope.
    const loaded = await this.#loadVisible(this.#deps.db, actor, id);
    await this.#requireGrantableOrg(actor, input.orgId, null);
    if (loaded.grants.some((grant) => grant.role === input.role && grant.orgId === input.orgId)) {
      throw new AppError("ACCOUNT_ROLE_EXISTS");
    }
    const now = this.#deps.clock.now();
    try {
      await this.#deps.db.transaction().execute(async (trx) => {
        await repo.insertGrant(trx, id, input.role, input.orgId, now);
        await repo.updateAccount(trx, id, {}, now);
        const after = await this.#loadVisible(trx, actor, id);
        await recordAudit(
          trx,
          context,
          {
            action: "account.role_add",
            entityType: "account",
            entityId: id,
            orgId: input.orgId,
            before: auditSnapshot(loaded.account, loaded.grants),
            after: auditSnapshot(after.account, after.grants),
          },
          now,
        );
      });
    } catch (error) {
      if ((error as { code?: string }).code === PG_UNIQUE_VIOLATION)
        throw new AppError("ACCOUNT_ROLE_EXISTS");
      throw error;
    }
    return this.getAccount(actor, id);
  }

  async removeRole(actor: Actor, id: number, assignmentId: number, context: AuditContext): Promise<Account> {
    const now = this.#deps.clock.now();
    await this.#deps.db.transaction().execute(async (trx) => {
      // Checked under a row lock: two removals at once must not both pass the "last role" rule.
      await repo.lockAccount(trx, id);
      const loaded = await this.#loadVisible(trx, actor, id);
      const grant = grantsInScope(loaded.grants, loaded.scope).find((g) => g.id === assignmentId);
      if (!grant) throw new AppError("ACCOUNT_ROLE_NOT_FOUND");
      // An account without roles would be invisible to every administrator.
      if (loaded.grants.length === 1) throw new AppError("ACCOUNT_LAST_ROLE");
      await repo.deleteGrant(trx, assignmentId);
      await repo.updateAccount(trx, id, {}, now);
      const after = await this.#loadAny(trx, id);
      await recordAudit(
        trx,
        context,
        {
          action: "account.role_remove",
          entityType: "account",
          entityId: id,
          orgId: grant.orgId,
          before: auditSnapshot(loaded.account, loaded.grants),
          after: after ? auditSnapshot(after.account, after.grants) : null,
        },
        now,
      );
    });
    return this.getAccount(actor, id);
  }

  /** Loads, checks the account is wholly managed by the actor, applies `apply`, audits before/after. */
  async #change(
    actor: Actor,
    id: number,
    action: AuditAction,
    context: AuditContext,
    apply: (trx: Transaction<Database>, loaded: Loaded, now: Date) => Promise<number | null>,
  ): Promise<Account> {
    const now = this.#deps.clock.now();
    await this.#deps.db.transaction().execute(async (trx) => {
      const loaded = await this.#loadVisible(trx, actor, id);
      if (!isFullyManaged(loaded.grants, loaded.scope)) throw new AppError("ACCOUNT_OUTSIDE_SCOPE");
      const orgId = await apply(trx, loaded, now);
      if (orgId === null) return; // nothing changed
      const after = await this.#loadVisible(trx, actor, id);
      await recordAudit(
        trx,
        context,
        {
          action,
          entityType: "account",
          entityId: id,
          orgId,
          before: auditSnapshot(loaded.account, loaded.grants),
          after: auditSnapshot(after.account, after.grants),
        },
        now,
      );
    });
    return this.getAccount(actor, id);
  }

  async #loadAny(executor: repo.Executor, id: number): Promise<Omit<Loaded, "scope"> | null> {
    const account = await repo.findAccount(executor, id);
    if (!account) return null;
    return { account, grants: await repo.listGrants(executor, [id]) };
  }

  async #loadVisible(executor: repo.Executor, actor: Actor, id: number): Promise<Loaded> {
    const scope = manageScope(actor);
    const loaded = await this.#loadAny(executor, id);
    if (!loaded || !isVisible(loaded.grants, scope)) throw new AppError("ACCOUNT_NOT_FOUND");
    return { ...loaded, scope };
  }

  async #requireGrantableOrg(actor: Actor, orgId: number, index: number | null): Promise<void> {
    const org = await this.#organisations.requireVisible(actor, "account.manage", orgId);
    if (org.status !== "active") {
      const path = index === null ? "body.orgId" : `body.roles.${index}.orgId`;
      throw new AppError("ORG_CLOSED", { issues: [{ path, message: "ORG_CLOSED" }] });
    }
  }
}

function present(loaded: Loaded): Account {
  return presentAccount(loaded.account, grantsInScope(loaded.grants, loaded.scope));
}

function uniqueRoles(roles: readonly { role: Role; orgId: number }[]) {
  const seen = new Set<string>();
  return roles.filter((grant) => {
    const key = `${grant.role}@${grant.orgId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function usernameTaken(): AppError {
  return new AppError("ACCOUNT_USERNAME_TAKEN", {
    issues: [{ path: "body.username", message: "ACCOUNT_USERNAME_TAKEN" }],
  });
}
