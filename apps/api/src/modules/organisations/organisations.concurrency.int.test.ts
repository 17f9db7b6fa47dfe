// Restructurings that run at the same time (several app servers on one PostgreSQL) must leave every
// path equal to its parent's path plus its own id — scope checks rely on it.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
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

async function inconsistentPaths(): Promise<unknown[]> {
  const result = await sql`
    SELECT c.id FROM organisations c JOIN organisations p ON p.id = c.parent_id
    WHERE c.path::text <> p.path::text || '.' || c.id`.execute(t.database.db);
  return result.rows;
}

describe("concurrent restructuring", () => {
  it("keeps paths consistent when a unit moves while its new parent's ancestor moves", async () => {
    const { province, communeA, communeB } = await createProvince(t.database.db);
    const actor = installerActor(0, "test", { ...province, path: province.path });
    const organisations = t.app.services.organisations;
    const basis = { effectiveDate: "2024-01-01", decisionRef: "QĐ-TEST" };
    for (let round = 0; round < 8; round++) {
      // A grassroots committee under commune A with a cell below it, and a group to move into the cell.
      const grassroots = await createOrg(t.database.db, communeA, {
        typeCode: "dang_uy_co_so",
        validFrom: "2020-01-01",
      });
      const cell = await createOrg(t.database.db, grassroots, {
        typeCode: "chi_bo_truc_thuoc",
        validFrom: "2020-01-01",
      });
      const otherCell = await createOrg(t.database.db, communeB, {
        typeCode: "chi_bo_truc_thuoc",
        validFrom: "2020-01-01",
      });
      const group = await createOrg(t.database.db, otherCell, {
        typeCode: "to_dang",
        validFrom: "2020-01-01",
      });
      await Promise.all([
        organisations.moveOrg(
          actor,
          group.id,
          { ...basis, newParentId: cell.id, version: group.version },
          SYSTEM_AUDIT_CONTEXT,
        ),
        organisations.moveOrg(
          actor,
          grassroots.id,
          { ...basis, newParentId: communeB.id, version: grassroots.version },
          SYSTEM_AUDIT_CONTEXT,
        ),
      ]);
      expect(await inconsistentPaths()).toEqual([]);
    }
  });

  it("refuses a merge decided on a page that has changed since, and changes nothing", async () => {
    const { province, communeA, communeB } = await createProvince(t.database.db);
    const office = await t.actor([{ role: "committee_staff", orgId: province.id }]);
    const seen = (await t.call(office, { method: "GET", url: `/api/organisations/${communeA.id}` })).json();
    const rename = await t.call(office, {
      method: "POST",
      url: `/api/organisations/${communeA.id}/rename`,
      payload: {
        name: "Đảng ủy xã Đổi Tên",
        version: seen.version,
        effectiveDate: "2024-06-01",
        decisionRef: "QĐ-1",
      },
    });
    expect(rename.statusCode).toBe(200);
    const eventsBefore = await t.database.db.selectFrom("orgEvents").select("id").execute();
    const merge = await t.call(office, {
      method: "POST",
      url: "/api/organisations/merge",
      payload: {
        sourceIds: [communeA.id, communeB.id],
        target: { name: "Đảng ủy xã Mới", typeCode: "dang_uy_xa", parentId: province.id },
        effectiveDate: "2025-07-01",
        decisionRef: "NQ-2",
        expectedVersions: [{ id: communeA.id, version: seen.version }],
      },
    });
    expect(merge.statusCode).toBe(409);
    expect(merge.json().error.code).toBe("CONFLICT_STALE_VERSION");
    expect(await t.database.db.selectFrom("orgEvents").select("id").execute()).toHaveLength(
      eventsBefore.length,
    );
  });
});
