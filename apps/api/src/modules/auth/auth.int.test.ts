import type { LightMyRequestResponse } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import {
  createTestApp,
  sessionFromSignIn,
  TEST_PASSWORD,
  type TestApp,
  type TestSession,
} from "../../../test/test-app.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";

let t: TestApp;
let province: Awaited<ReturnType<typeof createProvince>>;
let ipCounter = 0;

/** Every sign-in here comes from its own address, so the per-IP rate limit stays out of the way. */
function nextIp(): string {
  ipCounter += 1;
  return `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function signInRaw(
  body: Record<string, unknown>,
  options: { cookie?: string; ip?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: body,
    remoteAddress: options.ip ?? nextIp(),
    ...(options.cookie ? { headers: { cookie: options.cookie } } : {}),
  });
}

async function signIn(username: string, password = TEST_PASSWORD, extra: Record<string, unknown> = {}) {
  return sessionFromSignIn(await signInRaw({ username, password, ...extra }), username);
}

async function newAccount(role: "system_admin" | "member" = "member") {
  return t.createAccount([{ role, orgId: province.communeA.id }]);
}

function errorCode(response: LightMyRequestResponse): string {
  return (response.json() as { error: { code: string } }).error.code;
}

async function me(session: TestSession) {
  return t.call(session, { method: "GET", url: "/api/auth/me" });
}

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe("sign-in", () => {
  it("signs in, sets an HttpOnly SameSite=Lax cookie and answers Me", async () => {
    const account = await newAccount("system_admin");
    const response = await signInRaw({ username: account.username.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "namro_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.account).toMatchObject({
      id: account.id,
      username: account.username,
      locale: "vi",
      totpEnabled: false,
    });
    expect(body.roles).toEqual([
      expect.objectContaining({
        role: "system_admin",
        orgId: province.communeA.id,
        orgName: province.communeA.name,
      }),
    ]);
    expect(body.permissions).toEqual(expect.arrayContaining(["account.manage", "audit.read", "org.read"]));
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    // The token is stored hashed only.
    const stored = await t.database.db
      .selectFrom("sessions")
      .select("tokenHash")
      .where("accountId", "=", account.id)
      .execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(cookie?.value);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "auth.sign_in")
      .where("entityId", "=", String(account.id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);
    expect(audit.orgId).toBe(province.communeA.id);
  });

  it("marks the cookie Secure with the __Host- prefix behind TLS", async () => {
    const account = await newAccount();
    const config = { ...loadConfig({}), behindTls: true, webDistDir: "/nonexistent" };
    const tlsApp = await buildApp({ database: t.database, config });
    try {
      const response = await tlsApp.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { username: account.username, password: TEST_PASSWORD },
        remoteAddress: nextIp(),
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === "__Host-namro_session");
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
      expect(cookie?.domain).toBeUndefined();
      expect(response.headers["strict-transport-security"]).toBeDefined();
    } finally {
      await tlsApp.close();
    }
  });

  it("rotates the session: the token presented at sign-in stops working", async () => {
    const account = await newAccount();
    const first = await signIn(account.username);
    const second = sessionFromSignIn(
      await signInRaw({ username: account.username, password: TEST_PASSWORD }, { cookie: first.cookie }),
      account.username,
    );
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it("answers the same for an unknown user and a wrong password", async () => {
    const account = await newAccount();
    const wrong = await signInRaw({ username: account.username, password: "sai-mat-khau-1" });
    const unknown = await signInRaw({ username: "khong-co-ai", password: "sai-mat-khau-1" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe("AUTH_INVALID_CREDENTIALS");
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("locks the account for 15 minutes after 5 failures, even against the right password", async () => {
    const account = await newAccount();
    for (let i = 0; i < 5; i += 1) {
      const response = await signInRaw({ username: account.username, password: `sai-${i}-mat-khau` });
      expect(errorCode(response)).toBe("AUTH_INVALID_CREDENTIALS");
    }
    // A wrong password during the lock answers exactly like an unknown username (no enumeration).
    const wrongWhileLocked = await signInRaw({ username: account.username, password: "sai-nua-mat-khau" });
    const unknownUser = await signInRaw({
      username: `khong-co-${account.username}`,
      password: "sai-nua-mat-khau",
    });
    expect(wrongWhileLocked.statusCode).toBe(unknownUser.statusCode);
    expect(wrongWhileLocked.json().error).toMatchObject({
      code: unknownUser.json().error.code,
      message: unknownUser.json().error.message,
    });
    const locked = await signInRaw({ username: account.username, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe("AUTH_TEMPORARILY_LOCKED");
    const row = await t.database.db
      .selectFrom("accounts")
      .select("lockedUntil")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    const minutes = ((row.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(
      await t.database.db
        .selectFrom("auditLog")
        .select("id")
        .where("action", "=", "auth.lockout")
        .where("entityId", "=", String(account.id))
        .execute(),
    ).toHaveLength(1);
    // Once the lock has passed, the right password works again.
    await t.database.db
      .updateTable("accounts")
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where("id", "=", account.id)
      .execute();
    expect((await signInRaw({ username: account.username, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("a success resets the failure count", async () => {
    const account = await newAccount();
    for (let i = 0; i < 4; i += 1)
      await signInRaw({ username: account.username, password: "sai-mat-khau-9" });
    await signIn(account.username);
    for (let i = 0; i < 4; i += 1)
      await signInRaw({ username: account.username, password: "sai-mat-khau-9" });
    expect((await signInRaw({ username: account.username, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("refuses a disabled account only to someone who knows its password", async () => {
    const account = await newAccount();
    await t.database.db
      .updateTable("accounts")
      .set({ disabledAt: new Date() })
      .where("id", "=", account.id)
      .execute();
    const right = await signInRaw({ username: account.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(errorCode(right)).toBe("AUTH_ACCOUNT_DISABLED");
    expect(errorCode(await signInRaw({ username: account.username, password: "sai-mat-khau-1" }))).toBe(
      "AUTH_INVALID_CREDENTIALS",
    );
  });

  it("ends the session of an account disabled while signed in", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);
    await t.database.db
      .updateTable("accounts")
      .set({ disabledAt: new Date() })
      .where("id", "=", account.id)
      .execute();
    expect((await me(session)).statusCode).toBe(401);
  });

  it("answers 400 with field paths for a malformed body", async () => {
    const response = await signInRaw({ username: "", password: 5, totpCode: "12" });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["body.password", "body.totpCode", "body.username"]);
  });

  it("rate-limits sign-in per address", async () => {
    const ip = "10.250.0.1";
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await signInRaw({ username: `khong-co-${i}`, password: "x" }, { ip })).statusCode);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await signInRaw({ username: "khong-co", password: "x" }, { ip });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    // Another address is not affected.
    expect((await signInRaw({ username: "khong-co", password: "x" })).statusCode).toBe(401);
  });
});

describe("session routes", () => {
  it("answers 401 without a session", async () => {
    for (const [method, url, payload] of [
      ["GET", "/api/auth/me", undefined],
      ["POST", "/api/auth/sign-out", undefined],
      ["POST", "/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-2026" }],
      ["POST", "/api/auth/totp/setup", undefined],
      ["POST", "/api/auth/totp/enable", { code: "123456" }],
      ["POST", "/api/auth/totp/disable", { password: TEST_PASSWORD }],
      ["PUT", "/api/auth/locale", { locale: "en" }],
    ] as const) {
      const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(errorCode(response)).toBe("AUTH_REQUIRED");
    }
  });

  it("answers 401, not a validation error, to an anonymous malformed request", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { newPassword: 1 },
    });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("AUTH_REQUIRED");
  });

  it("signs out: the session ends and the cookie is cleared", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);
    const response = await t.call(session, { method: "POST", url: "/api/auth/sign-out" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const cleared = response.cookies.find((c) => c.name === "namro_session");
    expect(cleared?.value).toBe("");
    expect((await me(session)).statusCode).toBe(401);
  });

  it("refuses a state-changing request without the right CSRF token, changing nothing", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);
    for (const headers of [{ cookie: session.cookie }, { cookie: session.cookie, "x-csrf-token": "sai" }]) {
      const response = await t.app.inject({
        method: "PUT",
        url: "/api/auth/locale",
        headers,
        payload: { locale: "en" },
      });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe("AUTH_CSRF_INVALID");
    }
    const signOut = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie: session.cookie },
    });
    expect(signOut.statusCode).toBe(403);
    const row = await t.database.db
      .selectFrom("accounts")
      .select("locale")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(row.locale).toBe("vi");
    expect((await me(session)).statusCode).toBe(200);
  });

  it("switches the language of messages with the account's locale", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);
    const wrongPassword = { currentPassword: "khong-dung-123", newPassword: "mat-khau-moi-2026" };
    const before = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: wrongPassword,
    });
    expect(before.json().error.message).toBe("Mật khẩu hiện tại không đúng.");
    const set = await t.call(session, { method: "PUT", url: "/api/auth/locale", payload: { locale: "en" } });
    expect(set.statusCode).toBe(200);
    expect(set.cookies.find((c) => c.name === "namro_lang")?.value).toBe("en");
    const after = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: wrongPassword,
    });
    expect(after.json().error.message).toBe("The current password is wrong.");
    expect(after.json().error.issues).toEqual([
      { path: "body.currentPassword", message: "The current password is wrong." },
    ]);
    expect((await me(session)).json().account.locale).toBe("en");
    const invalid = await t.call(session, {
      method: "PUT",
      url: "/api/auth/locale",
      payload: { locale: "fr" },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.issues[0].path).toBe("body.locale");
  });
});

describe("password", () => {
  it("changes the password and ends the account's other sessions", async () => {
    const account = await newAccount();
    const current = await signIn(account.username);
    const other = await signIn(account.username);
    const newPassword = "mat-khau-moi-2026";
    const response = await t.call(current, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect(errorCode(await signInRaw({ username: account.username, password: TEST_PASSWORD }))).toBe(
      "AUTH_INVALID_CREDENTIALS",
    );
    await signIn(account.username, newPassword);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "auth.password_change")
      .where("entityId", "=", String(account.id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain(newPassword);
  });

  it("refuses a weak password and a wrong current password", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);
    const weak = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "ngan" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: "AUTH_PASSWORD_WEAK",
      issues: [{ path: "body.newPassword", message: "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số." }],
    });
    const wrong = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "khong-dung-123", newPassword: "mat-khau-moi-2026" },
    });
    expect(errorCode(wrong)).toBe("AUTH_PASSWORD_WRONG");
    const invalid = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: { newPassword: 3 },
    });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json().error.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "body.currentPassword",
      "body.newPassword",
    ]);
  });

  it("keeps an account that must change its password away from everything else until it does", async () => {
    const account = await newAccount("system_admin");
    await t.database.db
      .updateTable("accounts")
      .set({ mustChangePassword: true })
      .where("id", "=", account.id)
      .execute();
    const session = await signIn(account.username);
    const meResponse = await me(session);
    expect(meResponse.statusCode).toBe(200);
    expect(meResponse.json().account.mustChangePassword).toBe(true);
    const blocked = await t.call(session, { method: "GET", url: "/api/accounts" });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: "AUTH_PASSWORD_CHANGE_REQUIRED",
      message: "Bạn cần đổi mật khẩu trước khi tiếp tục.",
    });
    expect(errorCode(await t.call(session, { method: "POST", url: "/api/auth/totp/setup" }))).toBe(
      "AUTH_PASSWORD_CHANGE_REQUIRED",
    );
    const change = await t.call(session, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-2026" },
    });
    expect(change.statusCode).toBe(200);
    expect((await me(session)).json().account.mustChangePassword).toBe(false);
    expect((await t.call(session, { method: "GET", url: "/api/accounts" })).statusCode).toBe(200);
  });
});

describe("TOTP", () => {
  async function codesAround(secret: string): Promise<string[]> {
    const now = Math.floor(Date.now() / 1000);
    return Promise.all([-30, 0, 30].map((offset) => generate({ secret, epoch: now + offset })));
  }

  async function wrongCode(secret: string): Promise<string> {
    const valid = new Set(await codesAround(secret));
    let code = 123456;
    while (valid.has(String(code).padStart(6, "0"))) code += 1;
    return String(code).padStart(6, "0");
  }

  it("sets up, enables, requires the code at sign-in, and disables with the password", async () => {
    const account = await newAccount();
    const session = await signIn(account.username);

    expect(
      errorCode(
        await t.call(session, { method: "POST", url: "/api/auth/totp/enable", payload: { code: "123456" } }),
      ),
    ).toBe("AUTH_TOTP_NOT_SET_UP");
    const setup = await t.call(session, { method: "POST", url: "/api/auth/totp/setup" });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json() as { secret: string; otpauthUrl: string };
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUrl).toBe(
      `otpauth://totp/N%C4%83m%20R%C3%B5:${account.username}?secret=${secret}&issuer=N%C4%83m%20R%C3%B5`,
    );
    const pending = await t.database.db
      .selectFrom("accounts")
      .select(["totpSecret", "totpEnabled"])
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(pending).toEqual({ totpSecret: secret, totpEnabled: false });

    const bad = await t.call(session, {
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: await wrongCode(secret) },
    });
    expect(errorCode(bad)).toBe("AUTH_TOTP_INVALID");
    const malformed = await t.call(session, {
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: "12ab" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toBe("body.code");

    const enable = await t.call(session, {
      method: "POST",
      url: "/api/auth/totp/enable",
      payload: { code: await generate({ secret }) },
    });
    expect(enable.statusCode).toBe(200);
    expect((await me(session)).json().account.totpEnabled).toBe(true);
    expect(errorCode(await t.call(session, { method: "POST", url: "/api/auth/totp/setup" }))).toBe(
      "AUTH_TOTP_ALREADY_ENABLED",
    );

    const withoutCode = await signInRaw({ username: account.username, password: TEST_PASSWORD });
    expect(withoutCode.statusCode).toBe(401);
    expect(errorCode(withoutCode)).toBe("AUTH_TOTP_REQUIRED");
    const wrong = await signInRaw({
      username: account.username,
      password: TEST_PASSWORD,
      totpCode: await wrongCode(secret),
    });
    expect(errorCode(wrong)).toBe("AUTH_TOTP_INVALID");
    const failures = await t.database.db
      .selectFrom("accounts")
      .select("failedSignIns")
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(failures.failedSignIns).toBe(1);
    const withCode = await signIn(account.username, TEST_PASSWORD, { totpCode: await generate({ secret }) });

    const wrongPassword = await t.call(withCode, {
      method: "POST",
      url: "/api/auth/totp/disable",
      payload: { password: "khong-dung-123" },
    });
    expect(errorCode(wrongPassword)).toBe("AUTH_PASSWORD_WRONG");
    const disable = await t.call(withCode, {
      method: "POST",
      url: "/api/auth/totp/disable",
      payload: { password: TEST_PASSWORD },
    });
    expect(disable.statusCode).toBe(200);
    await signIn(account.username);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "before", "after"])
      .where("entityId", "=", String(account.id))
      .where("action", "like", "auth.totp%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["auth.totp_setup", "auth.totp_enable", "auth.totp_disable"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});

describe("HTTP baseline", () => {
  it("sends security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-frame-options"]).toBeDefined();
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "a", password: "x".repeat(1024 * 1024 + 10) }),
      remoteAddress: nextIp(),
    });
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe("PAYLOAD_TOO_LARGE");
  });
});
