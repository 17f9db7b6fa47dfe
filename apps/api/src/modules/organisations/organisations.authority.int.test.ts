// Changing an organisation itself is decided one level up: a commune's staff manage the units under
// their commune, not the commune; the top organisation is changed only by its system administrator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const basis = { effectiveDate: "2024-06-01", decisionRef: "QĐ-01" };

async function detail(session: TestSession, id: number) {
  return (await t.call(session, { method: "GET", url: `/api/organisations/${id}` })).json();
}

describe("who restructures what", () => {
  it("lets a commune's staff change the units under their commune, not the commune itself", async () => {
    const { communeA, cellA } = await createProvince(t.database.db);
    const staff = await t.actor([{ role: "committee_staff", orgId: communeA.id }]);

    const own = await detail(staff, communeA.id);
    expect(own).toMatchObject({ canRestructure: false, canAddUnits: true });
    expect(await detail(staff, cellA.id)).toMatchObject({ canRestructure: true, canAddUnits: true });

    const refused = [
      {
        url: `/api/organisations/${communeA.id}/rename`,
        payload: { ...basis, name: "Tên mới", version: own.version },
      },
      { url: `/api/organisations/${communeA.id}/dissolve`, payload: { ...basis, version: own.version } },
      {
        url: `/api/organisations/${communeA.id}/move`,
        payload: { ...basis, newParentId: cellA.id, version: own.version },
      },
    ];
    for (const request of refused) {
      const response = await t.call(staff, { method: "POST", ...request });
      expect(response.statusCode, request.url).toBe(403);
      expect(response.json().error.code).toBe("ACCESS_DENIED");
    }
    expect((await detail(staff, communeA.id)).name).toBe(communeA.name);

    const cell = await detail(staff, cellA.id);
    const renamed = await t.call(staff, {
      method: "POST",
      url: `/api/organisations/${cellA.id}/rename`,
      payload: { ...basis, name: "Chi bộ thôn Đông Mới", version: cell.version },
    });
    expect(renamed.statusCode).toBe(200);
    const created = await t.call(staff, {
      method: "POST",
      url: "/api/organisations",
      payload: { ...basis, name: "Chi bộ thôn Bắc", typeCode: "chi_bo_truc_thuoc", parentId: communeA.id },
    });
    expect(created.statusCode).toBe(201);
  });

  it("leaves the top organisation to its system administrator", async () => {
    const { province } = await createProvince(t.database.db);
    const office = await t.actor([{ role: "committee_staff", orgId: province.id }]);
    const admin = await t.actor([{ role: "system_admin", orgId: province.id }]);
    expect(await detail(office, province.id)).toMatchObject({ canRestructure: false, canAddUnits: true });
    const root = await detail(admin, province.id);
    expect(root).toMatchObject({ canRestructure: true, canAddUnits: true });

    const payload = { ...basis, name: "Tỉnh ủy Hợp Nhất", version: root.version };
    const byOffice = await t.call(office, {
      method: "POST",
      url: `/api/organisations/${province.id}/rename`,
      payload,
    });
    expect(byOffice.statusCode).toBe(403);
    const byAdmin = await t.call(admin, {
      method: "POST",
      url: `/api/organisations/${province.id}/rename`,
      payload,
    });
    expect(byAdmin.statusCode).toBe(200);
  });
});
