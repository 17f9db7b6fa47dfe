// Sign-in, sessions, own password, TOTP and language. Resolves the actor behind a session cookie.
import { createHash, randomBytes } from "node:crypto";
import type { AuditAction, Locale } from "@namro/contracts";
import type { AuditContext } from "../../platform/audit/audit-writer.ts";
import { recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor, ActorGrant } from "../../platform/auth/actor.ts";
import { hashPassword, isStrongEnough, verifyPassword } from "../../platform/auth/passwords.ts";
import { SessionCache } from "../../platform/auth/session-cache.ts";
import type { ActorResolver } from "../../platform/auth/session-hook.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import * as repo from "./auth.repository.ts";
import { isValidTotp, newTotpSecret, totpUri } from "./totp.ts";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
/** last_seen_at (and the sliding expiry) is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
  /** Token of the session cookie the browser presented, if any: it is ended (session rotation). */
  presentedToken: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface SignInResult {
  token: string;
  actor: Actor;
  maxAgeSeconds: number;
}

export interface AuthOptions {
  sessionTtlHours: number;
  /** How long a session read from the database is reused (default SESSION_CACHE_TTL_MS; 0: never). */
  sessionCacheTtlMs?: number;
}

export class AuthService implements ActorResolver {
  readonly #deps: ServiceDeps;
  readonly #ttlMs: number;
  #dummyHash: Promise<string> | null = null;
  readonly #sessions: SessionCache;

  constructor(deps: ServiceDeps, options: AuthOptions) {
    this.#deps = deps;
    this.#ttlMs = options.sessionTtlHours * 3_600_000;
    this.#sessions = new SessionCache(options.sessionCacheTtlMs);
  }

  /** Forgets what this process remembers of sessions: accounts or organisations changed (ADR 0010). */
  forgetCachedSessions(): void {
    this.#sessions.forgetAll();
  }

  async resolveActor(sessionToken: string): Promise<Actor | null> {
    const tokenHash = hashSessionToken(sessionToken);
    const now = this.#deps.clock.now();
    // A page's burst of requests reads the session once (TOUCH_INTERVAL_MS is far longer than the TTL).
    const cached = this.#sessions.get(tokenHash, now.getTime());
    if (cached) return cached;
    const epoch = this.#sessions.epoch;
    const rows = await repo.findSessionActorRows(this.#deps.db, tokenHash, now);
    const first = rows[0];
    if (!first) return null;
    let expiresAt = first.expiresAt;
    if (now.getTime() - first.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      expiresAt = new Date(now.getTime() + this.#ttlMs);
      await repo.touchSession(this.#deps.db, tokenHash, now, expiresAt);
    }
    const grants: ActorGrant[] = [];
    for (const row of rows) {
      if (row.grantId === null || row.role === null || row.orgId === null || row.orgPath === null) continue;
      grants.push({
        id: row.grantId,
        role: row.role,
        orgId: row.orgId,
        orgName: row.orgName ?? "",
        orgCode: row.orgCode ?? "",
        orgTypeCode: row.orgTypeCode ?? "",
        orgActive: row.orgStatus === "active",
        orgPath: row.orgPath,
      });
    }
    const actor: Actor = {
      accountId: first.accountId,
      username: first.username,
      displayName: first.displayName,
      locale: first.locale,
      email: first.email,
      mustChangePassword: first.mustChangePassword,
      totpEnabled: first.totpEnabled,
      grants,
      sessionTokenHash: tokenHash,
      csrfToken: first.csrfToken,
    };
    this.#sessions.set(tokenHash, actor, now.getTime(), expiresAt.getTime(), epoch);
    return actor;
  }

  async signIn(input: SignInInput): Promise<SignInResult> {
    const { db, clock } = this.#deps;
    const now = clock.now();
    const account = await repo.findAccountByUsername(db, input.username.trim().toLowerCase());
    if (!account) {
      // Same work and same answer as a wrong password, so usernames cannot be probed.
      await verifyPassword(await this.#dummyPasswordHash(), input.password);
      throw new AppError("AUTH_INVALID_CREDENTIALS");
    }
    const locked = account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime();
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      // While locked a wrong password answers exactly like an unknown username, so a lockout cannot
      // be used to learn which usernames exist; failures during the lock do not extend it.
      if (!locked) await this.#countFailure(account.id, account.displayName, input.requestId, now);
      throw new AppError("AUTH_INVALID_CREDENTIALS");
    }
    // Only someone who knows the password learns that the account is locked for now.
    if (locked) throw new AppError("AUTH_TEMPORARILY_LOCKED");
    // Only someone who knows the password learns that the account is disabled.
    if (account.disabledAt) throw new AppError("AUTH_ACCOUNT_DISABLED");
    if (account.totpEnabled && account.totpSecret) {
      if (!input.totpCode) throw new AppError("AUTH_TOTP_REQUIRED");
      if (!(await isValidTotp(account.totpSecret, input.totpCode, now))) {
        await this.#countFailure(account.id, account.displayName, input.requestId, now);
        throw new AppError("AUTH_TOTP_INVALID");
      }
    }

    const token = randomBytes(32).toString("base64url");
    const tokenHash = hashSessionToken(token);
    await db.transaction().execute(async (trx) => {
      if (input.presentedToken) await repo.deleteSession(trx, hashSessionToken(input.presentedToken));
      await repo.deleteExpiredSessions(trx, account.id, now);
      await repo.insertSession(trx, {
        tokenHash,
        accountId: account.id,
        csrfToken: randomBytes(32).toString("base64url"),
        now,
        expiresAt: new Date(now.getTime() + this.#ttlMs),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      await repo.clearFailedSignIns(trx, account.id);
      await recordAudit(
        trx,
        { actorId: account.id, actorName: account.displayName, requestId: input.requestId },
        {
          action: "auth.sign_in",
          entityType: "account",
          entityId: account.id,
          orgId: await repo.findHomeOrgId(trx, account.id),
          after: { ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null },
        },
        now,
      );
    });
    if (input.presentedToken) this.#sessions.forgetSession(hashSessionToken(input.presentedToken));
    const actor = await this.resolveActor(token);
    if (!actor) throw new AppError("INTERNAL_ERROR", { detail: "new session did not resolve" });
    return { token, actor, maxAgeSeconds: Math.floor(this.#ttlMs / 1000) };
  }

  async signOut(actor: Actor, context: AuditContext): Promise<void> {
    const { db, clock } = this.#deps;
    await db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, actor.sessionTokenHash);
      await recordAudit(
        trx,
        context,
        {
          action: "auth.sign_out",
          entityType: "account",
          entityId: actor.accountId,
          orgId: homeOrgOf(actor),
        },
        clock.now(),
      );
    });
    // After the commit: a read of the session before it is not kept either (the cache's epoch).
    this.#sessions.forgetSession(actor.sessionTokenHash);
  }

  async changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
    context: AuditContext,
  ): Promise<void> {
    const { clock } = this.#deps;
    const account = await this.#account(actor);
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new AppError("AUTH_PASSWORD_WRONG", {
        issues: [{ path: "body.currentPassword", message: "AUTH_PASSWORD_WRONG" }],
      });
    }
    if (!isStrongEnough(input.newPassword)) {
      throw new AppError("AUTH_PASSWORD_WEAK", {
        issues: [{ path: "body.newPassword", message: "AUTH_PASSWORD_WEAK" }],
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const now = clock.now();
    await this.#updateOwnAccount(
      actor,
      { passwordHash, mustChangePassword: false },
      {
        action: "auth.password_change",
        before: { mustChangePassword: account.mustChangePassword },
        after: { mustChangePassword: false },
      },
      context,
      now,
      { endOtherSessions: true },
    );
  }

  async setUpTotp(actor: Actor, context: AuditContext): Promise<{ secret: string; otpauthUrl: string }> {
    const { clock } = this.#deps;
    const account = await this.#account(actor);
    if (account.totpEnabled) throw new AppError("AUTH_TOTP_ALREADY_ENABLED");
    const secret = newTotpSecret();
    const now = clock.now();
    // Pending until confirmed with a first code.
    await this.#updateOwnAccount(
      actor,
      { totpSecret: secret, totpEnabled: false },
      { action: "auth.totp_setup" },
      context,
      now,
    );
    return { secret, otpauthUrl: totpUri(account.username, secret) };
  }

  async enableTotp(actor: Actor, code: string, context: AuditContext): Promise<void> {
    const { clock } = this.#deps;
    const account = await this.#account(actor);
    if (account.totpEnabled) throw new AppError("AUTH_TOTP_ALREADY_ENABLED");
    if (!account.totpSecret) throw new AppError("AUTH_TOTP_NOT_SET_UP");
    const now = clock.now();
    if (!(await isValidTotp(account.totpSecret, code, now))) {
      throw new AppError("AUTH_TOTP_INVALID", {
        issues: [{ path: "body.code", message: "AUTH_TOTP_INVALID" }],
      });
    }
    await this.#updateOwnAccount(
      actor,
      { totpEnabled: true },
      { action: "auth.totp_enable", before: { totpEnabled: false }, after: { totpEnabled: true } },
      context,
      now,
    );
  }

  async disableTotp(actor: Actor, password: string, context: AuditContext): Promise<void> {
    const { clock } = this.#deps;
    const account = await this.#account(actor);
    if (!(await verifyPassword(account.passwordHash, password))) {
      throw new AppError("AUTH_PASSWORD_WRONG", {
        issues: [{ path: "body.password", message: "AUTH_PASSWORD_WRONG" }],
      });
    }
    const now = clock.now();
    await this.#updateOwnAccount(
      actor,
      { totpSecret: null, totpEnabled: false },
      {
        action: "auth.totp_disable",
        before: { totpEnabled: account.totpEnabled },
        after: { totpEnabled: false },
      },
      context,
      now,
    );
  }

  async setLocale(actor: Actor, locale: Locale, context: AuditContext): Promise<void> {
    const { clock } = this.#deps;
    if (actor.locale === locale) return;
    const now = clock.now();
    await this.#updateOwnAccount(
      actor,
      { locale },
      { action: "auth.locale_change", before: { locale: actor.locale }, after: { locale } },
      context,
      now,
    );
  }

  /** Sets or removes the person's own e-mail address, where reminders are sent. */
  async setEmail(actor: Actor, email: string | null, context: AuditContext): Promise<void> {
    const normalized = email === null ? null : email.normalize("NFC");
    if (actor.email === normalized) return;
    await this.#updateOwnAccount(
      actor,
      { email: normalized },
      { action: "account.email_change", before: { email: actor.email }, after: { email: normalized } },
      context,
      this.#deps.clock.now(),
    );
  }

  /** Changes the signed-in person's own account and audits it, in one transaction. */
  async #updateOwnAccount(
    actor: Actor,
    changes: repo.AccountAuthChanges,
    audit: { action: AuditAction; before?: unknown; after?: unknown },
    context: AuditContext,
    now: Date,
    options: { endOtherSessions?: boolean } = {},
  ): Promise<void> {
    await this.#deps.db.transaction().execute(async (trx) => {
      await repo.updateAccountAuth(trx, actor.accountId, changes, now);
      if (options.endOtherSessions)
        await repo.deleteAccountSessions(trx, actor.accountId, actor.sessionTokenHash);
      await recordAudit(
        trx,
        context,
        { ...audit, entityType: "account", entityId: actor.accountId, orgId: homeOrgOf(actor) },
        now,
      );
    });
    this.#sessions.forgetAccount(actor.accountId);
  }

  async #account(actor: Actor) {
    const account = await repo.findAccountById(this.#deps.db, actor.accountId);
    if (!account) throw new AppError("AUTH_REQUIRED");
    return account;
  }

  async #countFailure(
    accountId: number,
    displayName: string,
    requestId: string | null,
    now: Date,
  ): Promise<void> {
    const { db } = this.#deps;
    await db.transaction().execute(async (trx) => {
      const failures = await repo.incrementFailedSignIns(trx, accountId);
      if (failures < MAX_FAILED_SIGN_INS) return;
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await repo.lockAccount(trx, accountId, until);
      await recordAudit(
        trx,
        { actorId: null, actorName: null, requestId },
        {
          action: "auth.lockout",
          entityType: "account",
          entityId: accountId,
          orgId: await repo.findHomeOrgId(trx, accountId),
          after: { lockedUntil: until.toISOString(), displayName },
        },
        now,
      );
    });
  }

  #dummyPasswordHash(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    return this.#dummyHash;
  }
}

function homeOrgOf(actor: Actor): number | null {
  return actor.grants[0]?.orgId ?? null;
}
