// An organisation's history tells its own story — and names nothing the reader may not see.
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

async function mergedProvince() {
  const tree = await createProvince(t.database.db);
  const admin = installerActor(0, "test", { ...tree.province, path: tree.province.path });
  const result = await t.app.services.organisations.mergeOrgs(
    admin,
    {
      sourceIds: [tree.communeA.id, tree.communeB.id],
      target: { name: "Đảng ủy xã Hợp Thành", typeCode: "dang_uy_xa", parentId: tree.province.id },
      effectiveDate: "2025-07-01",
      decisionRef: "Nghị quyết 1658/NQ-UBTVQH15",
    },
    SYSTEM_AUDIT_CONTEXT,
  );
  const merged = result.organisations.find((org) => org.status === "active");
  if (!merged) throw new Error("no merged organisation");
  return { ...tree, merged };
}

describe("organisation history", () => {
  it("shows a cell moved by a merger only that it moved, naming no commune outside its scope", async () => {
    const { province, communeA, communeB, cellA, merged } = await mergedProvince();
    const secretary = await t.actor([{ role: "cell_secretary", orgId: cellA.id }]);
    const response = await t.call(secretary, {
      method: "GET",
      url: `/api/organisations/${cellA.id}/history`,
    });
    expect(response.statusCode).toBe(200);
    const mergeEvent = response.json().events.find((e: { kind: string }) => e.kind === "merge");
    expect(mergeEvent).toMatchObject({ role: "moved_child", predecessors: [], successors: [] });
    for (const hidden of [province.name, communeA.name, communeB.name, merged.name]) {
      expect(response.body).not.toContain(hidden);
    }
  });

  it("shows the merged commune where it came from, without naming the province above its scope", async () => {
    const { province, communeA, communeB, merged } = await mergedProvince();
    const staff = await t.actor([{ role: "committee_staff", orgId: merged.id }]);
    const history = (
      await t.call(staff, { method: "GET", url: `/api/organisations/${merged.id}/history` })
    ).json();
    const mergeEvent = history.events.find((e: { kind: string }) => e.kind === "merge");
    expect(mergeEvent.role).toBe("target");
    expect(mergeEvent.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(
      [communeA.name, communeB.name].sort(),
    );
    expect(mergeEvent.predecessors.every((p: { visible: boolean }) => !p.visible)).toBe(true);
    expect(JSON.stringify(history)).not.toContain(province.name);

    const office = await t.actor([{ role: "committee_staff", orgId: province.id }]);
    const full = (
      await t.call(office, { method: "GET", url: `/api/organisations/${merged.id}/history` })
    ).json();
    const seenByOffice = full.events.find((e: { kind: string }) => e.kind === "merge");
    expect(seenByOffice.details.newParent).toBe(province.name);
    expect(seenByOffice.predecessors.every((p: { visible: boolean }) => p.visible)).toBe(true);
  });

  it("shows a merged-away commune what it became", async () => {
    const { province, communeA, merged } = await mergedProvince();
    const office = await t.actor([{ role: "committee_staff", orgId: province.id }]);
    const history = (
      await t.call(office, { method: "GET", url: `/api/organisations/${communeA.id}/history` })
    ).json();
    const mergeEvent = history.events.find((e: { kind: string }) => e.kind === "merge");
    expect(mergeEvent.role).toBe("source");
    expect(mergeEvent.successors).toMatchObject([{ id: merged.id, name: merged.name, visible: true }]);
  });

  it("flags roles held on an organisation that has been merged away", async () => {
    const { province, communeA, communeB, merged } = await mergedProvince();
    const holder = await t.createAccount([
      { role: "committee_staff", orgId: communeA.id },
      { role: "member", orgId: communeB.id },
    ]);
    const admin = await t.actor([{ role: "system_admin", orgId: province.id }]);
    const account = (await t.call(admin, { method: "GET", url: `/api/accounts/${holder.id}` })).json();
    expect(account.roles.map((r: { orgActive: boolean }) => r.orgActive)).toEqual([false, false]);
    const me = (await t.call(await t.signIn(holder.username), { method: "GET", url: "/api/auth/me" })).json();
    expect(me.roles.every((r: { orgActive: boolean }) => !r.orgActive)).toBe(true);
    const staff = await t.actor([{ role: "committee_staff", orgId: merged.id }]);
    const own = (await t.call(staff, { method: "GET", url: "/api/auth/me" })).json();
    expect(own.roles).toMatchObject([{ orgId: merged.id, orgActive: true }]);
  });
});
