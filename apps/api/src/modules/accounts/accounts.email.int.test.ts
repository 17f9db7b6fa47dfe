// E-mail addresses for reminders: one's own on the "me" page, anyone's in scope by an administrator;
// both audited as account.email_change; a bad address changes nothing.
import type { Account, Me } from "@namro/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let admin: TestSession;
let person: TestSession;

function issuePaths(response: LightMyRequestResponse): string[] {
  const body = response.json() as { error: { issues?: { path: string }[] } };
  return (body.error.issues ?? []).map((issue) => issue.path).sort();
}

async function emailOf(accountId: number): Promise<string | null> {
  const row = await t.database.db
    .selectFrom("accounts")
    .select("email")
    .where("id", "=", accountId)
    .executeTakeFirstOrThrow();
  return row.email;
}

async function emailAudits(accountId: number) {
  return t.database.db
    .selectFrom("auditLog")
    .select(["before", "after", "actorId"])
    .where("action", "=", "account.email_change")
    .where("entityId", "=", String(accountId))
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await createProvince(t.database.db);
  admin = await t.actor([{ role: "system_admin", orgId: fx.communeA.id }]);
  person = await t.actor([{ role: "member", orgId: fx.cellA.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("own e-mail address", () => {
  it("is set, shown on the me page, removed with an empty value, and audited", async () => {
    const set = await t.call(person, {
      method: "PUT",
      url: "/api/auth/email",
      payload: { email: "  Dang.Vien@Example.vn " },
    });
    expect(set.statusCode).toBe(200);
    const me = (await t.call(person, { method: "GET", url: "/api/auth/me" })).json() as Me;
    expect(me.account.email).toBe("Dang.Vien@Example.vn");
    // The same again changes nothing and audits nothing.
    await t.call(person, {
      method: "PUT",
      url: "/api/auth/email",
      payload: { email: "Dang.Vien@Example.vn" },
    });
    const removed = await t.call(person, { method: "PUT", url: "/api/auth/email", payload: { email: "" } });
    expect(removed.statusCode).toBe(200);
    expect(await emailOf(person.accountId)).toBeNull();
    const audits = await emailAudits(person.accountId);
    expect(audits.map((row) => [row.before, row.after])).toEqual([
      [{ email: null }, { email: "Dang.Vien@Example.vn" }],
      [{ email: "Dang.Vien@Example.vn" }, { email: null }],
    ]);
    expect(audits[0]?.actorId).toBe(person.accountId);
  });

  it("refuses an address that is not one (400 with the field), and needs a session (401)", async () => {
    await t.call(person, { method: "PUT", url: "/api/auth/email", payload: { email: "a@b.vn" } });
    for (const email of ["khong-phai-thu", "a@b", "a b@c.vn", `${"x".repeat(250)}@b.vn`]) {
      const bad = await t.call(person, { method: "PUT", url: "/api/auth/email", payload: { email } });
      expect(bad.statusCode).toBe(400);
      expect(issuePaths(bad)).toEqual(["body.email"]);
    }
    expect(issuePaths(await t.call(person, { method: "PUT", url: "/api/auth/email", payload: {} }))).toEqual([
      "body.email",
    ]);
    expect(await emailOf(person.accountId)).toBe("a@b.vn");
    const anonymous = await t.call(null, {
      method: "PUT",
      url: "/api/auth/email",
      payload: { email: "c@d.vn" },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("an account's e-mail address, by an administrator", () => {
  it("is set with optimistic concurrency and audited; shown in the account", async () => {
    const target = await t.createAccount([{ role: "cell_secretary", orgId: fx.cellA.id }]);
    const ok = await t.call(admin, {
      method: "PUT",
      url: `/api/accounts/${target.id}/email`,
      payload: { email: "bi.thu.chi.bo@example.vn", version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: target.id, email: "bi.thu.chi.bo@example.vn", version: 2 });
    const stale = await t.call(admin, {
      method: "PUT",
      url: `/api/accounts/${target.id}/email`,
      payload: { email: "khac@example.vn", version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await emailOf(target.id)).toBe("bi.thu.chi.bo@example.vn");
    const shown = (
      await t.call(admin, { method: "GET", url: `/api/accounts/${target.id}` })
    ).json() as Account;
    expect(shown.email).toBe("bi.thu.chi.bo@example.vn");
    const removed = await t.call(admin, {
      method: "PUT",
      url: `/api/accounts/${target.id}/email`,
      payload: { email: null, version: 2 },
    });
    expect(removed.json()).toMatchObject({ email: null, version: 3 });
    const audits = await emailAudits(target.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]?.actorId).toBe(admin.accountId);
    expect(audits[0]?.after).toMatchObject({ email: "bi.thu.chi.bo@example.vn" });
  });

  it("answers 400 with field paths, 404 outside the scope, 401 without a session", async () => {
    const target = await t.createAccount([{ role: "member", orgId: fx.cellA.id }]);
    const bad = await t.call(admin, {
      method: "PUT",
      url: `/api/accounts/${target.id}/email`,
      payload: { email: "sai dia chi" },
    });
    expect(issuePaths(bad)).toEqual(["body.email", "body.version"]);
    const elsewhere = await t.createAccount([{ role: "member", orgId: fx.cellB.id }]);
    const outside = await t.call(admin, {
      method: "PUT",
      url: `/api/accounts/${elsewhere.id}/email`,
      payload: { email: "x@example.vn", version: 1 },
    });
    expect(outside.statusCode).toBe(404);
    expect(await emailOf(elsewhere.id)).toBeNull();
    const anonymous = await t.call(null, {
      method: "PUT",
      url: `/api/accounts/${target.id}/email`,
      payload: { email: "x@example.vn", version: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
