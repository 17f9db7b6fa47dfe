import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { AppError } from "../platform/errors.ts";
import {
  generateOneTimePassword,
  InitialiseInputError,
  initialiseInstallation,
} from "./initialise-installation.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const input = {
  rootName: "Tỉnh ủy Quảng Trị",
  rootCode: "QT",
  rootTypeCode: "tinh_uy",
  adminUsername: "Admin.QT",
  adminDisplayName: "Quản trị hệ thống",
};

async function counts() {
  const orgs = await t.database.db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const accounts = await t.database.db
    .selectFrom("accounts")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return { orgs: Number(orgs.n), accounts: Number(accounts.n) };
}

describe("namro init", () => {
  it("refuses invalid values and writes nothing", async () => {
    expect(await t.app.services.organisations.isInstallationEmpty()).toBe(true);
    await expect(
      initialiseInstallation(t.app.services, { ...input, adminUsername: "A B" }, new Date()),
    ).rejects.toBeInstanceOf(InitialiseInputError);
    await expect(
      initialiseInstallation(t.app.services, { ...input, rootTypeCode: "khong_co" }, new Date()),
    ).rejects.toMatchObject({ code: "ORG_TYPE_UNKNOWN" });
    expect(await counts()).toEqual({ orgs: 0, accounts: 0 });
  });

  it("creates the top organisation and an administrator who must change the one-time password", async () => {
    const result = await initialiseInstallation(t.app.services, input, new Date());
    expect(result.adminUsername).toBe("admin.qt");
    const session = await t.signIn(result.adminUsername, result.adminPassword);
    const me = (await t.call(session, { method: "GET", url: "/api/auth/me" })).json();
    expect(me.account.mustChangePassword).toBe(true);
    expect(me.roles).toMatchObject([
      { role: "system_admin", orgId: result.rootId, orgName: "Tỉnh ủy Quảng Trị" },
    ]);
    const actions = await t.database.db.selectFrom("auditLog").select("action").orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["org.create", "account.create"]));
  });

  it("is refused once the installation has organisations", async () => {
    const before = await counts();
    const error = await initialiseInstallation(
      t.app.services,
      { ...input, rootCode: "QT2" },
      new Date(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("ORG_INSTALLATION_NOT_EMPTY");
    expect(await counts()).toEqual(before);
  });
});

describe("one-time passwords", () => {
  it("are strong enough and different every time", () => {
    const passwords = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });
});
