// Two administrators removing an account's two remaining roles at the same moment: one succeeds, the
// other is told it is the last role, and the account keeps one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { SYSTEM_AUDIT_CONTEXT } from "../../platform/audit/audit-writer.ts";
import { installerActor } from "../../platform/auth/actor.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("concurrent role removal", () => {
  it("never leaves an account without roles", async () => {
    const { province, communeA, communeB } = await createProvince(t.database.db);
    const admin = installerActor(0, "test", { ...province, path: province.path });
    const accounts = t.app.services.accounts;
    for (let round = 0; round < 5; round++) {
      const { id } = await t.createAccount([
        { role: "committee_staff", orgId: communeA.id },
        { role: "committee_staff", orgId: communeB.id },
      ]);
      const grants = (await accounts.getAccount(admin, id)).roles.map((role) => role.id);
      const outcomes = await Promise.allSettled(
        grants.map((grantId) => accounts.removeRole(admin, id, grantId, SYSTEM_AUDIT_CONTEXT)),
      );
      const rejected = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
      expect(rejected.map((o) => (o.reason as { code?: string }).code)).toEqual(["ACCOUNT_LAST_ROLE"]);
      expect((await accounts.getAccount(admin, id)).roles).toHaveLength(1);
    }
  });
});
