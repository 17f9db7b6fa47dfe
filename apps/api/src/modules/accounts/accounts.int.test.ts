import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { Role } from "../../db/schema.ts";

let t: TestApp;
let province: Awaited<ReturnType<typeof createProvince>>;
let adminA: TestSession;
let rootAdmin: TestSession;
let staff: TestSession;
let ipCounter = 0;

const STRONG = "mat-khau-tam-2026";

/** Signs in from its own address so the per-IP sign-in limit never interferes. */
async function signIn(username: string, password = TEST_PASSWORD): Promise<TestSession> {
  ipCounter += 1;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { username, password },
    remoteAddress: `10.2.0.${ipCounter}`,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name.endsWith("namro_session"));
  const body = response.json() as { account: { id: number }; csrfToken: string };
  return {
    accountId: body.account.id,
    username,
    cookie: `${cookie?.name}=${cookie?.value}`,
    csrfToken: body.csrfToken,
  };
}

async function actor(roles: { role: Role; orgId: number }[]): Promise<TestSession> {
  const account = await t.createAccount(roles);
  return signIn(account.username);
}

function errorOf(response: LightMyRequestResponse): {
  code: string;
  issues?: { path: string; message: string }[];
} {
  return (response.json() as { error: { code: string; issues?: { path: string; message: string }[] } }).error;
}

function issuePaths(response: LightMyRequestResponse): string[] {
  return (errorOf(response).issues ?? []).map((issue) => issue.path).sort();
}

async function auditRows(entityId: number, action?: string) {
  let query = t.database.db
    .selectFrom("auditLog")
    .selectAll()
    .where("entityType", "=", "account")
    .where("entityId", "=", String(entityId));
  if (action) query = query.where("action", "=", action);
  return query.orderBy("id").execute();
}

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  adminA = await actor([{ role: "system_admin", orgId: province.communeA.id }]);
  rootAdmin = await actor([{ role: "system_admin", orgId: province.province.id }]);
  staff = await actor([{ role: "committee_staff", orgId: province.province.id }]);
});
afterAll(async () => {
  await t.close();
});

function sampleRequests(id: number, assignmentId: number, orgId: number) {
  return [
    { method: "GET", url: "/api/accounts" },
    { method: "GET", url: `/api/accounts/${id}` },
    {
      method: "POST",
      url: "/api/accounts",
      payload: {
        username: `moi${ipCounter}x`,
        displayName: "Trần Thị Mới",
        password: STRONG,
        roles: [{ role: "member", orgId }],
      },
    },
    { method: "PATCH", url: `/api/accounts/${id}`, payload: { displayName: "Tên Mới", version: 1 } },
    { method: "POST", url: `/api/accounts/${id}/disable` },
    { method: "POST", url: `/api/accounts/${id}/enable` },
    { method: "POST", url: `/api/accounts/${id}/reset-password`, payload: { newPassword: STRONG } },
    { method: "POST", url: `/api/accounts/${id}/roles`, payload: { role: "member", orgId } },
    { method: "DELETE", url: `/api/accounts/${id}/roles/${assignmentId}` },
  ] as const;
}

describe("access", () => {
  it("answers 401 to every endpoint without a session", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    for (const request of sampleRequests(target.id, 1, province.cellA.id)) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });

  it("answers 404 to every endpoint for an account without account.manage", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    for (const request of sampleRequests(target.id, 1, province.cellA.id)) {
      const response = await t.call(staff, request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
  });

  it("answers 404 for accounts and organisations outside the administrator's scope", async () => {
    const outside = await t.createAccount([{ role: "member", orgId: province.cellB.id }]);
    const grant = await t.database.db
      .selectFrom("roleAssignments")
      .select("id")
      .where("accountId", "=", outside.id)
      .executeTakeFirstOrThrow();
    for (const request of sampleRequests(outside.id, grant.id, province.communeB.id)) {
      const response = await t.call(adminA, request);
      if (request.url === "/api/accounts" && request.method === "GET") {
        expect(response.statusCode).toBe(200);
        expect((response.json().items as { id: number }[]).map((a) => a.id)).not.toContain(outside.id);
        continue;
      }
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect(["ACCOUNT_NOT_FOUND", "ORG_NOT_FOUND"]).toContain(errorOf(response).code);
    }
    const row = await t.database.db
      .selectFrom("accounts")
      .select(["displayName", "disabledAt", "mustChangePassword"])
      .where("id", "=", outside.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ disabledAt: null, mustChangePassword: false });
    expect(row.displayName).not.toBe("Tên Mới");
  });
});

describe("list and get", () => {
  it("lists the accounts in scope with search without diacritics, filters and paging", async () => {
    const nguyen = await t.createAccount(
      [{ role: "cell_secretary", orgId: province.cellA.id }],
      `nva${ipCounter}a`,
    );
    await t.database.db
      .updateTable("accounts")
      .set({ displayName: "Nguyễn Văn Ánh", searchKey: "nguyen van anh" })
      .where("id", "=", nguyen.id)
      .execute();
    await t.createAccount([{ role: "member", orgId: province.cellB.id }]);

    const all = await t.call(adminA, { method: "GET", url: "/api/accounts?pageSize=200" });
    expect(all.statusCode).toBe(200);
    const body = all.json() as {
      items: { id: number; roles: { orgId: number }[] }[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(body.page).toBe(1);
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((a) => a.id)).toEqual(expect.arrayContaining([adminA.accountId, nguyen.id]));
    for (const account of body.items) {
      for (const role of account.roles)
        expect([province.communeA.id, province.cellA.id]).toContain(role.orgId);
    }

    const search = await t.call(adminA, {
      method: "GET",
      url: `/api/accounts?q=${encodeURIComponent("nguyen van anh")}`,
    });
    expect(search.json().items.map((a: { id: number }) => a.id)).toEqual([nguyen.id]);
    const byRole = await t.call(adminA, { method: "GET", url: "/api/accounts?role=cell_secretary" });
    expect(byRole.json().items.map((a: { id: number }) => a.id)).toContain(nguyen.id);
    expect(byRole.json().items.map((a: { id: number }) => a.id)).not.toContain(adminA.accountId);
    const byOrg = await t.call(adminA, { method: "GET", url: `/api/accounts?orgId=${province.cellA.id}` });
    expect(byOrg.json().items.map((a: { id: number }) => a.id)).toContain(nguyen.id);
    expect(byOrg.json().items.map((a: { id: number }) => a.id)).not.toContain(adminA.accountId);
    const outsideOrg = await t.call(adminA, {
      method: "GET",
      url: `/api/accounts?orgId=${province.communeB.id}`,
    });
    expect(outsideOrg.statusCode).toBe(404);
    expect(errorOf(outsideOrg).code).toBe("ORG_NOT_FOUND");

    const page1 = await t.call(rootAdmin, { method: "GET", url: "/api/accounts?pageSize=2&page=1" });
    const page2 = await t.call(rootAdmin, { method: "GET", url: "/api/accounts?pageSize=2&page=2" });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().total).toBeGreaterThan(3);
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);

    const bad = await t.call(adminA, { method: "GET", url: "/api/accounts?pageSize=0&role=king&orgId=x" });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(["querystring.orgId", "querystring.pageSize", "querystring.role"]);
  });

  it("shows one account with only the roles inside the scope", async () => {
    const both = await t.createAccount([
      { role: "member", orgId: province.cellA.id },
      { role: "member", orgId: province.cellB.id },
    ]);
    const response = await t.call(adminA, { method: "GET", url: `/api/accounts/${both.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: both.id,
      username: both.username,
      displayName: expect.any(String),
      email: null,
      disabled: false,
      totpEnabled: false,
      mustChangePassword: false,
      lockedUntil: null,
      roles: [
        {
          id: expect.any(Number),
          role: "member",
          orgId: province.cellA.id,
          orgName: province.cellA.name,
          orgCode: province.cellA.code,
          orgTypeCode: province.cellA.typeCode,
          orgActive: true,
        },
      ],
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(
      (await t.call(rootAdmin, { method: "GET", url: `/api/accounts/${both.id}` })).json().roles,
    ).toHaveLength(2);
    const bad = await t.call(adminA, { method: "GET", url: "/api/accounts/abc" });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(["params.id"]);
    expect(errorOf(await t.call(adminA, { method: "GET", url: "/api/accounts/999999999" })).code).toBe(
      "ACCOUNT_NOT_FOUND",
    );
  });
});

describe("create", () => {
  it("creates an account that must change its password, audited without secrets", async () => {
    const username = `Tran.Moi${ipCounter}`;
    const response = await t.call(adminA, {
      method: "POST",
      url: "/api/accounts",
      payload: {
        username,
        displayName: "  Trần   Thị Mới ",
        password: STRONG,
        roles: [
          { role: "cell_secretary", orgId: province.cellA.id },
          { role: "cell_secretary", orgId: province.cellA.id },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      username: username.toLowerCase(),
      displayName: "Trần Thị Mới",
      mustChangePassword: true,
      disabled: false,
      roles: [{ role: "cell_secretary", orgId: province.cellA.id }],
    });
    expect(created.roles).toHaveLength(1);
    const [audit] = await auditRows(created.id, "account.create");
    expect(audit).toMatchObject({ actorId: adminA.accountId, orgId: province.cellA.id, before: null });
    expect(audit?.after).toMatchObject({
      username: username.toLowerCase(),
      roles: [{ role: "cell_secretary", orgId: province.cellA.id }],
    });
    const stored = await t.database.db
      .selectFrom("accounts")
      .select("passwordHash")
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain(STRONG);
    expect(JSON.stringify(audit)).not.toContain(stored.passwordHash);
    expect(JSON.stringify(audit)).not.toContain("passwordHash");

    const signedIn = await signIn(username.toLowerCase(), STRONG);
    const blocked = await t.call(signedIn, { method: "GET", url: "/api/organisations/roots" });
    expect(errorOf(blocked).code).toBe("AUTH_PASSWORD_CHANGE_REQUIRED");

    const again = await t.call(adminA, {
      method: "POST",
      url: "/api/accounts",
      payload: {
        username,
        displayName: "Ai Đó",
        password: STRONG,
        roles: [{ role: "member", orgId: province.cellA.id }],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe("ACCOUNT_USERNAME_TAKEN");
  });

  it("refuses weak passwords, roles outside the scope and malformed bodies", async () => {
    const base = {
      username: `yeu${ipCounter}z`,
      displayName: "Lê Văn Yếu",
      roles: [{ role: "member", orgId: province.cellA.id }],
    };
    const weak = await t.call(adminA, {
      method: "POST",
      url: "/api/accounts",
      payload: { ...base, password: "12345" },
    });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak)).toMatchObject({ code: "AUTH_PASSWORD_WEAK", issues: [{ path: "body.password" }] });
    const outside = await t.call(adminA, {
      method: "POST",
      url: "/api/accounts",
      payload: { ...base, password: STRONG, roles: [{ role: "member", orgId: province.cellB.id }] },
    });
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe("ORG_NOT_FOUND");
    const malformed = await t.call(adminA, {
      method: "POST",
      url: "/api/accounts",
      payload: { username: "a b", displayName: "X", password: STRONG, roles: [] },
    });
    expect(malformed.statusCode).toBe(400);
    expect(issuePaths(malformed)).toEqual(["body.displayName", "body.roles", "body.username"]);
    expect(
      await t.database.db.selectFrom("accounts").select("id").where("username", "=", base.username).execute(),
    ).toEqual([]);
  });
});

describe("changes", () => {
  it("renames with optimistic concurrency", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    const ok = await t.call(adminA, {
      method: "PATCH",
      url: `/api/accounts/${target.id}`,
      payload: { displayName: "Phạm Thu Hà", version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: "Phạm Thu Hà", version: 2 });
    const stale = await t.call(adminA, {
      method: "PATCH",
      url: `/api/accounts/${target.id}`,
      payload: { displayName: "Khác", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe("CONFLICT_STALE_VERSION");
    const bad = await t.call(adminA, {
      method: "PATCH",
      url: `/api/accounts/${target.id}`,
      payload: { displayName: "" },
    });
    expect(issuePaths(bad)).toEqual(["body.displayName", "body.version"]);
    const [audit] = await auditRows(target.id, "account.update");
    expect(audit?.before).toMatchObject({ displayName: `Người dùng ${target.username}` });
    expect(audit?.after).toMatchObject({ displayName: "Phạm Thu Hà" });
    const search = await t.call(adminA, { method: "GET", url: "/api/accounts?q=pham%20thu%20ha" });
    expect(search.json().items.map((a: { id: number }) => a.id)).toEqual([target.id]);
  });

  it("disables (ending sessions) and enables; never oneself; not an account managed elsewhere too", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    const session = await signIn(target.username);
    const disabled = await t.call(adminA, { method: "POST", url: `/api/accounts/${target.id}/disable` });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await t.call(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const [audit] = await auditRows(target.id, "account.disable");
    expect(audit).toMatchObject({
      before: { disabled: false },
      after: { disabled: true },
      orgId: province.cellA.id,
    });

    const enabled = await t.call(adminA, { method: "POST", url: `/api/accounts/${target.id}/enable` });
    expect(enabled.json().disabled).toBe(false);
    await signIn(target.username);

    const self = await t.call(adminA, { method: "POST", url: `/api/accounts/${adminA.accountId}/disable` });
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe("ACCOUNT_CANNOT_DISABLE_SELF");

    const wider = await t.createAccount([
      { role: "member", orgId: province.cellA.id },
      { role: "system_admin", orgId: province.province.id },
    ]);
    const refused = await t.call(adminA, { method: "POST", url: `/api/accounts/${wider.id}/disable` });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe("ACCOUNT_OUTSIDE_SCOPE");
    const refusedReset = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${wider.id}/reset-password`,
      payload: { newPassword: STRONG },
    });
    expect(errorOf(refusedReset).code).toBe("ACCOUNT_OUTSIDE_SCOPE");
    expect(
      (await t.call(rootAdmin, { method: "POST", url: `/api/accounts/${wider.id}/disable` })).statusCode,
    ).toBe(200);
  });

  it("resets a password: must change, sessions ended, lockout cleared, nothing secret audited", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    const session = await signIn(target.username);
    await t.database.db
      .updateTable("accounts")
      .set({ failedSignIns: 3, lockedUntil: new Date(Date.now() + 600_000) })
      .where("id", "=", target.id)
      .execute();
    const weak = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/reset-password`,
      payload: { newPassword: "abc" },
    });
    expect(errorOf(weak)).toMatchObject({
      code: "AUTH_PASSWORD_WEAK",
      issues: [{ path: "body.newPassword" }],
    });
    const missing = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/reset-password`,
      payload: {},
    });
    expect(issuePaths(missing)).toEqual(["body.newPassword"]);
    const reset = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/reset-password`,
      payload: { newPassword: STRONG },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ ok: true });
    expect((await t.call(session, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const row = await t.database.db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mustChangePassword: true, failedSignIns: 0, lockedUntil: null });
    const fresh = await signIn(target.username, STRONG);
    expect(
      (await t.call(fresh, { method: "GET", url: "/api/auth/me" })).json().account.mustChangePassword,
    ).toBe(true);
    const [audit] = await auditRows(target.id, "account.reset_password");
    expect(audit?.after).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify(audit)).not.toContain(STRONG);
    expect(JSON.stringify(audit)).not.toContain(row.passwordHash);
  });

  it("grants and withdraws roles inside the scope", async () => {
    const target = await t.createAccount([{ role: "member", orgId: province.cellA.id }]);
    const added = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/roles`,
      payload: { role: "committee_staff", orgId: province.communeA.id },
    });
    expect(added.statusCode).toBe(200);
    expect(
      added
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(["committee_staff", "member"]);
    const [addAudit] = await auditRows(target.id, "account.role_add");
    expect(addAudit?.orgId).toBe(province.communeA.id);
    expect((addAudit?.before as { roles?: unknown[] } | undefined)?.roles).toHaveLength(1);
    expect((addAudit?.after as { roles?: unknown[] } | undefined)?.roles).toHaveLength(2);

    const duplicate = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/roles`,
      payload: { role: "committee_staff", orgId: province.communeA.id },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorOf(duplicate).code).toBe("ACCOUNT_ROLE_EXISTS");
    const outside = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/roles`,
      payload: { role: "member", orgId: province.cellB.id },
    });
    expect(errorOf(outside).code).toBe("ORG_NOT_FOUND");
    const bad = await t.call(adminA, {
      method: "POST",
      url: `/api/accounts/${target.id}/roles`,
      payload: { role: "vua", orgId: -1 },
    });
    expect(issuePaths(bad)).toEqual(["body.orgId", "body.role"]);

    const staffGrant = (added.json().roles as { id: number; role: string }[]).find(
      (r) => r.role === "committee_staff",
    );
    const removed = await t.call(adminA, {
      method: "DELETE",
      url: `/api/accounts/${target.id}/roles/${staffGrant?.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().roles.map((r: { role: string }) => r.role)).toEqual(["member"]);
    const [removeAudit] = await auditRows(target.id, "account.role_remove");
    expect(removeAudit?.orgId).toBe(province.communeA.id);

    const last = await t.call(adminA, {
      method: "DELETE",
      url: `/api/accounts/${target.id}/roles/${removed.json().roles[0].id}`,
    });
    expect(last.statusCode).toBe(409);
    expect(errorOf(last).code).toBe("ACCOUNT_LAST_ROLE");

    const both = await t.createAccount([
      { role: "member", orgId: province.cellA.id },
      { role: "member", orgId: province.cellB.id },
    ]);
    const bGrant = await t.database.db
      .selectFrom("roleAssignments")
      .select("id")
      .where("accountId", "=", both.id)
      .where("orgId", "=", province.cellB.id)
      .executeTakeFirstOrThrow();
    const hidden = await t.call(adminA, {
      method: "DELETE",
      url: `/api/accounts/${both.id}/roles/${bGrant.id}`,
    });
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden).code).toBe("ACCOUNT_ROLE_NOT_FOUND");
  });
});
