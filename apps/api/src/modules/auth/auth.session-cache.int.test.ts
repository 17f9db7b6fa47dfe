// Sessions reused for a few seconds by the process that read them (ADR 0010): whatever this process
// changes — a sign-out, a new password, a disabled account, a withdrawn role, a renamed organisation —
// shows on the very next request; each cookie keeps its own person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;

const me = (session: TestSession) => t.call(session, { method: "GET", url: "/api/auth/me" });

beforeAll(async () => {
  // Far longer than any test: only an invalidation can make a change show.
  t = await createTestApp({ sessionCacheMs: 600_000 });
  fx = await createProvince(t.database.db);
  admin = await t.actor([{ role: "system_admin", orgId: fx.province.id }]);
});

afterAll(async () => {
  await t.close();
});

describe("session cache", () => {
  it("reuses a session read once: a change made by another process shows only after the cache time", async () => {
    const session = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
    expect((await me(session)).statusCode).toBe(200);
    // Straight in the database, as another server process would: this process does not know yet.
    await t.database.db.deleteFrom("sessions").execute();
    expect((await me(session)).statusCode).toBe(200);
    admin = await t.signIn(admin.username);
  });

  it("keeps each cookie's own person", async () => {
    const a = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
    const b = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
    for (let i = 0; i < 3; i++) {
      expect((await me(a)).json().account.username).toBe(a.username);
      expect((await me(b)).json().account.username).toBe(b.username);
    }
  });

  it("ends a signed-out session at once", async () => {
    const session = await t.actor([{ role: "committee_staff", orgId: fx.communeA.id }]);
    expect((await me(session)).statusCode).toBe(200);
    expect((await t.call(session, { method: "POST", url: "/api/auth/sign-out" })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
  });

  it("ends the other sessions of a new password at once", async () => {
    const account = await t.createAccount([{ role: "committee_staff", orgId: fx.communeA.id }]);
    const phone = await t.signIn(account.username);
    const office = await t.signIn(account.username);
    expect((await me(phone)).statusCode).toBe(200);
    const changed = await t.call(office, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Mật-khẩu-mới-2026!" },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(office)).statusCode).toBe(200);
  });

  it("applies a disabled account and a withdrawn role at once", async () => {
    const disabled = await t.createAccount([{ role: "committee_staff", orgId: fx.communeA.id }]);
    const disabledSession = await t.signIn(disabled.username);
    expect((await me(disabledSession)).statusCode).toBe(200);
    expect(
      (await t.call(admin, { method: "POST", url: `/api/accounts/${disabled.id}/disable` })).statusCode,
    ).toBe(200);
    expect((await me(disabledSession)).statusCode).toBe(401);

    const withdrawn = await t.createAccount([
      { role: "committee_staff", orgId: fx.communeA.id },
      { role: "committee_staff", orgId: fx.communeB.id },
    ]);
    const session = await t.signIn(withdrawn.username);
    const roles = (await me(session)).json().roles as { id: number; orgId: number }[];
    expect(roles).toHaveLength(2);
    const roleB = roles.find((role) => role.orgId === fx.communeB.id) as { id: number };
    const removed = await t.call(admin, {
      method: "DELETE",
      url: `/api/accounts/${withdrawn.id}/roles/${roleB.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect((await me(session)).json().roles).toHaveLength(1);
    const communeB = await t.call(session, { method: "GET", url: `/api/organisations/${fx.communeB.id}` });
    expect(communeB.statusCode).toBe(404);
  });

  it("shows a renamed organisation in the grants at once", async () => {
    const session = await t.actor([{ role: "committee_staff", orgId: fx.cellA.id }]);
    expect((await me(session)).json().roles[0].orgName).toBe(fx.cellA.name);
    const org = (await t.call(admin, { method: "GET", url: `/api/organisations/${fx.cellA.id}` })).json();
    const renamed = await t.call(admin, {
      method: "POST",
      url: `/api/organisations/${fx.cellA.id}/rename`,
      payload: {
        name: "Chi bộ thôn Đổi Tên",
        version: org.version,
        reason: "Thử bộ nhớ đệm",
        effectiveDate: new Date().toISOString().slice(0, 10),
      },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await me(session)).json().roles[0].orgName).toBe("Chi bộ thôn Đổi Tên");
  });
});
