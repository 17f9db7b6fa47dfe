// The accounts a task can name as responsible: active accounts with a role within the organisation's
// subtree, found by name without accents, at most 20; asked by whoever holds task.manage there (a
// commune officer without account.manage), 404 outside the scope or without task.manage; and every
// account offered is one the task form accepts.
import { TASK_ASSIGNEE_LIMIT, type TaskAssignee } from "@namro/contracts";
import { toSearchKey } from "@namro/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";

let t: TestApp;
let commune: OrganisationRow;
let cell: OrganisationRow;
let communeStaff: TestSession;
let member: TestSession;
let outsider: TestSession;
let anh: number;
let binh: number;
let disabled: number;
let provinceOnly: number;

async function named(displayName: string, roles: { role: "cell_secretary" | "member"; orgId: number }[]) {
  const account = await t.createAccount(roles);
  await t.database.db
    .updateTable("accounts")
    .set({ displayName, searchKey: toSearchKey(displayName) })
    .where("id", "=", account.id)
    .execute();
  return account.id;
}

function list(session: TestSession | null, orgId: number, q?: string) {
  const query = q === undefined ? "" : `?q=${encodeURIComponent(q)}`;
  return t.call(session, { method: "GET", url: `/api/organisations/${orgId}/task-assignees${query}` });
}

async function items(session: TestSession, orgId: number, q?: string): Promise<TaskAssignee[]> {
  const response = await list(session, orgId, q);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: TaskAssignee[] }).items;
}

beforeAll(async () => {
  t = await createTestApp({ now: "2026-04-01T03:00:00Z" });
  const db = t.database.db;
  const province = await createOrg(db, null, { name: "Tỉnh ủy Hà Tĩnh", typeCode: "tinh_uy" });
  commune = await createOrg(db, province, { name: "Đảng ủy xã Tân Hưng", typeCode: "dang_uy_xa" });
  cell = await createOrg(db, commune, { name: "Chi bộ thôn Đông", typeCode: "chi_bo_truc_thuoc" });
  communeStaff = await t.actor([{ role: "committee_staff", orgId: commune.id }]);
  member = await t.actor([{ role: "member", orgId: commune.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: (await createProvince(db)).province.id }]);
  anh = await named("Nguyễn Văn Ánh", [{ role: "cell_secretary", orgId: cell.id }]);
  binh = await named("Trần Thị Bình", [{ role: "member", orgId: commune.id }]);
  disabled = await named("Nguyễn Văn Ẩn", [{ role: "member", orgId: cell.id }]);
  await db.updateTable("accounts").set({ disabledAt: new Date() }).where("id", "=", disabled).execute();
  provinceOnly = await named("Nguyễn Văn Anh Tỉnh", [{ role: "member", orgId: province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("task assignees", () => {
  it("lists active accounts with a role in the subtree, by name without accents, with their organisation", async () => {
    const all = await items(communeStaff, commune.id);
    const ids = all.map((item) => item.id);
    expect(ids).toContain(anh);
    expect(ids).toContain(binh);
    expect(ids).not.toContain(disabled);
    expect(ids).not.toContain(provinceOnly);
    expect(all.find((item) => item.id === anh)).toEqual({
      id: anh,
      displayName: "Nguyễn Văn Ánh",
      orgName: "Chi bộ thôn Đông",
    });

    expect((await items(communeStaff, commune.id, "nguyen van anh")).map((item) => item.id)).toEqual([anh]);
    expect((await items(communeStaff, commune.id, "  BÌNH ")).map((item) => item.id)).toEqual([binh]);
    // Narrowed to the cell, the commune-level account is not offered.
    expect((await items(communeStaff, cell.id)).map((item) => item.id)).not.toContain(binh);
    // A wildcard is a character, not a pattern.
    expect(await items(communeStaff, commune.id, "%")).toEqual([]);
  });

  it("offers only accounts the task form accepts as responsible", async () => {
    const response = await t.call(communeStaff, {
      method: "POST",
      url: "/api/tasks",
      payload: { ownerOrgId: commune.id, title: "Rà soát đảng viên", responsibleAccountId: anh },
    });
    expect(response.statusCode, response.body).toBe(201);
    const refused = await t.call(communeStaff, {
      method: "POST",
      url: "/api/tasks",
      payload: { ownerOrgId: commune.id, title: "Rà soát đảng viên", responsibleAccountId: provinceOnly },
    });
    expect(refused.statusCode).toBe(400);
  });

  it(`returns at most ${TASK_ASSIGNEE_LIMIT}`, async () => {
    for (let i = 0; i < TASK_ASSIGNEE_LIMIT + 2; i++)
      await named(`Lê Văn Số ${i}`, [{ role: "member", orgId: cell.id }]);
    expect(await items(communeStaff, commune.id, "le van so")).toHaveLength(TASK_ASSIGNEE_LIMIT);
  });

  it("answers 401 signed out, 400 with the field path, 404 without task.manage or outside the scope", async () => {
    expect((await list(null, commune.id)).statusCode).toBe(401);
    const bad = await list(communeStaff, commune.id, "x".repeat(101));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("q");
    const badId = await t.call(communeStaff, { method: "GET", url: "/api/organisations/abc/task-assignees" });
    expect(badId.statusCode).toBe(400);
    expect((await list(member, commune.id)).statusCode).toBe(404);
    expect((await list(outsider, commune.id)).statusCode).toBe(404);
    expect((await list(communeStaff, 999_999_999)).statusCode).toBe(404);
  });
});
