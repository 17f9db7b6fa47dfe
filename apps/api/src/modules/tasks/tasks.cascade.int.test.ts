// Cascading a task down the tree: one child per organisation led by it and owned by the parent's lead,
// flagged as lacking a clear person; the target carried whole, divided equally or as given (parts that
// do not add up are refused, naming the difference, with nothing written); organisations already
// holding a child skipped; selection by types under a root; a commune splitting what it received to
// its cells but not to another commune's; the preview; one audit row with the count.
import type { TaskDetail, TaskSummary } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";

const NOW = "2026-03-02T03:00:00Z";

let t: TestApp;
let province: OrganisationRow;
let communes: OrganisationRow[];
let cells: OrganisationRow[]; // two under the first commune, one under the second
let staff: TestSession;
let aStaff: TestSession;

function call(session: TestSession | null, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return t.call(session, { method, url, ...(payload ? { payload } : {}) });
}

async function newTask(payload: object): Promise<TaskDetail> {
  const response = await call(staff, "POST", "/api/tasks", {
    ownerOrgId: province.id,
    leadOrgId: province.id,
    title: "Kết nạp đảng viên mới năm 2026",
    description: "Ưu tiên đoàn viên",
    deliverable: "Quyết định kết nạp",
    targetValue: 120,
    targetUnit: "đảng viên",
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
    reportFrequency: "quarterly",
    responsibleName: "Đồng chí Trưởng Ban Tổ chức",
    ...payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as TaskDetail;
}

async function children(session: TestSession, parentId: number): Promise<TaskSummary[]> {
  const response = await call(session, "GET", `/api/tasks?parentId=${parentId}&sort=title&pageSize=200`);
  expect(response.statusCode).toBe(200);
  return response.json().items as TaskSummary[];
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Quảng Trị", typeCode: "tinh_uy" });
  communes = [
    await createOrg(db, province, { name: "Đảng ủy xã An Bình", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Bình Minh", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Cam Lộ", typeCode: "dang_uy_xa" }),
  ];
  const [a, b] = communes as [OrganisationRow, OrganisationRow];
  cells = [
    await createOrg(db, a, { name: "Chi bộ thôn 1", typeCode: "chi_bo_truc_thuoc" }),
    await createOrg(db, a, { name: "Chi bộ thôn 2", typeCode: "chi_bo_truc_thuoc" }),
    await createOrg(db, b, { name: "Chi bộ thôn 3", typeCode: "chi_bo_truc_thuoc" }),
  ];
  await createOrg(db, province, { name: "Ban Tổ chức Tỉnh ủy", typeCode: "ban_to_chuc" });
  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  aStaff = await t.actor([{ role: "committee_staff", orgId: a.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("cascading a task", () => {
  it("gives each commune a child task with an equal share, flagged for a person, in one audit row", async () => {
    const task = await newTask({});
    const selection = { kind: "orgs", orgIds: communes.map((org) => org.id) };
    const preview = await call(staff, "POST", `/api/tasks/${task.id}/cascade/preview`, {
      version: 1,
      selection,
      division: { mode: "equal" },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      orgs: [
        { id: communes[0]?.id, name: "Đảng ủy xã An Bình", targetValue: 40 },
        { id: communes[1]?.id, name: "Đảng ủy xã Bình Minh", targetValue: 40 },
        { id: communes[2]?.id, name: "Đảng ủy xã Cam Lộ", targetValue: 40 },
      ],
      alreadyAssigned: 0,
    });
    const response = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection,
      division: { mode: "equal" },
      dueDate: "2026-11-30",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ created: 3, skipped: 0 });
    const kids = await children(staff, task.id);
    expect(kids.map((kid) => [kid.leadOrg?.name, kid.targetValue, kid.dueDate, kid.missingClears])).toEqual([
      ["Đảng ủy xã An Bình", 40, "2026-11-30", ["person"]],
      ["Đảng ủy xã Bình Minh", 40, "2026-11-30", ["person"]],
      ["Đảng ủy xã Cam Lộ", 40, "2026-11-30", ["person"]],
    ]);
    const child = (await call(aStaff, "GET", `/api/tasks/${kids[0]?.id}`)).json() as TaskDetail;
    expect(child).toMatchObject({
      title: task.title,
      description: "Ưu tiên đoàn viên",
      deliverable: "Quyết định kết nạp",
      targetUnit: "đảng viên",
      reportFrequency: "quarterly",
      startDate: "2026-01-01",
      ownerOrg: { id: province.id },
      responsible: null,
      // the province's own task is not the commune's to see (it neither owns, leads nor supports it)
      parent: null,
      canCascade: true,
      canReport: true,
      canEdit: false,
    });
    // the commune names who answers for its task (and nothing else)
    const person = await t.createAccount([{ role: "committee_staff", orgId: communes[0]?.id as number }]);
    const named = await call(aStaff, "PATCH", `/api/tasks/${child.id}`, {
      version: 1,
      responsibleAccountId: person.id,
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json()).toMatchObject({
      missingClears: [],
      responsible: `Người dùng ${person.username}`,
      version: 2,
    });
    const retitled = await call(aStaff, "PATCH", `/api/tasks/${child.id}`, { version: 2, title: "Khác" });
    expect(retitled.statusCode).toBe(403);
    const seenByProvince = (await call(staff, "GET", `/api/tasks/${kids[0]?.id}`)).json() as TaskDetail;
    expect(seenByProvince.parent).toMatchObject({ id: task.id, title: task.title });
    const parent = (await call(staff, "GET", `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(parent).toMatchObject({ hasChildren: true, childCount: 3, childTargetsTotal: 120, version: 2 });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "after"])
      .where("entityType", "=", "task")
      .where("entityId", "=", String(task.id))
      .where("action", "=", "task.cascade")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ created: 3, skipped: 0, division: "equal" });
    // a second cascade from the same read conflicts
    const stale = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, { version: 1, selection });
    expect(stale.json().error.code).toBe("TASK_VERSION_CONFLICT");
    // again with the new version: everyone already has theirs
    const again = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, { version: 2, selection });
    expect(again.json()).toEqual({ created: 0, skipped: 3 });
  });

  it("divides as given when the parts add up, and refuses, naming the difference, when they do not", async () => {
    const task = await newTask({ targetValue: 100 });
    const [a, b, c] = communes as [OrganisationRow, OrganisationRow, OrganisationRow];
    const selection = { kind: "orgs", orgIds: [a.id, b.id, c.id] };
    const parts = (x: number, y: number, z: number) => ({
      mode: "explicit",
      parts: [
        { orgId: a.id, targetValue: x },
        { orgId: b.id, targetValue: y },
        { orgId: c.id, targetValue: z },
      ],
    });
    const short = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection,
      division: parts(50, 30, 10),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: "TASK_TARGET_DIVISION",
      issues: [
        {
          path: "body.division.parts",
          message: "Tổng các phần thiếu 10 đảng viên so với chỉ tiêu cần chia (100 đảng viên).",
        },
      ],
    });
    const notSelected = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [a.id, b.id] },
      division: parts(50, 30, 20),
    });
    expect(notSelected.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "body.division.parts.2.orgId",
    ]);
    expect(await children(staff, task.id)).toEqual([]);
    const detail = (await call(staff, "GET", `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(detail).toMatchObject({ hasChildren: false, version: 1 });

    const ok = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection,
      division: parts(50, 30.5, 19.5),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await children(staff, task.id)).map((kid) => kid.targetValue)).toEqual([50, 30.5, 19.5]);
  });

  it("refuses to divide a task without a target, and carries a target whole when not divided", async () => {
    const none = await newTask({ targetValue: null, targetUnit: null });
    const selection = { kind: "orgs", orgIds: [communes[0]?.id] };
    const refused = await call(staff, "POST", `/api/tasks/${none.id}/cascade`, {
      version: 1,
      selection,
      division: { mode: "equal" },
    });
    expect(refused.json().error).toMatchObject({ code: "TASK_TARGET_DIVISION_NO_TARGET" });
    const share = await newTask({ targetValue: 100, targetUnit: "% chi bộ" });
    await call(staff, "POST", `/api/tasks/${share.id}/cascade`, { version: 1, selection });
    expect((await children(staff, share.id)).map((kid) => kid.targetValue)).toEqual([100]);
  });

  it("selects the organisations of some types under a root and skips those already assigned", async () => {
    const task = await newTask({ targetValue: 7 });
    await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
      division: { mode: "none" },
    });
    const selection = { kind: "types", rootOrgId: province.id, typeCodes: ["dang_uy_xa"] };
    const preview = await call(staff, "POST", `/api/tasks/${task.id}/cascade/preview`, {
      version: 2,
      selection,
      division: { mode: "equal" },
    });
    // 7 less the 7 the first commune already holds
    expect(preview.json()).toMatchObject({
      alreadyAssigned: 1,
      orgs: [{ targetValue: 0 }, { targetValue: 0 }],
    });
    const response = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, { version: 2, selection });
    expect(response.json()).toEqual({ created: 2, skipped: 1 });
    const unknown = await call(staff, "POST", `/api/tasks/${task.id}/cascade/preview`, {
      version: 3,
      selection: { kind: "types", rootOrgId: province.id, typeCodes: ["khong_co"] },
    });
    expect(unknown.json().error).toMatchObject({
      code: "TASK_CASCADE_TYPE_UNKNOWN",
      issues: [{ path: "body.selection.typeCodes.0" }],
    });
  });

  it("lets a commune split the task it received to its own cells, not another commune's", async () => {
    const task = await newTask({ targetValue: 10 });
    await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
      division: { mode: "none" },
    });
    const [mine] = await children(aStaff, task.id);
    const foreign = await call(aStaff, "POST", `/api/tasks/${mine?.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [cells[0]?.id, cells[2]?.id] },
      division: { mode: "equal" },
    });
    expect(foreign.json().error).toMatchObject({
      code: "TASK_CASCADE_TARGET_OUTSIDE_SCOPE",
      issues: [{ path: "body.selection.orgIds.1" }],
    });
    const own = await call(aStaff, "POST", `/api/tasks/${mine?.id}/cascade`, {
      version: 1,
      selection: { kind: "types", rootOrgId: communes[0]?.id, typeCodes: ["chi_bo_truc_thuoc"] },
      division: { mode: "equal" },
    });
    expect(own.json()).toEqual({ created: 2, skipped: 0 });
    const grandchildren = await children(aStaff, mine?.id as number);
    expect(grandchildren.map((kid) => [kid.ownerOrg.id, kid.targetValue])).toEqual([
      [communes[0]?.id, 5],
      [communes[0]?.id, 5],
    ]);
    const tree = await t.database.db
      .selectFrom("tasks")
      .select("treePath")
      .where("id", "=", grandchildren[0]?.id as number)
      .executeTakeFirstOrThrow();
    expect(tree.treePath.split(".").slice(0, 2)).toEqual([String(task.id), String(mine?.id)]);
    // the province task's lead is the province: the commune may not cascade it
    const notLead = await call(aStaff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 2,
      selection: { kind: "orgs", orgIds: [cells[0]?.id] },
    });
    expect(notLead.statusCode).toBe(404);
  });

  it("refuses a task without a lead, a due date before the start, and answers 404 outside the scope", async () => {
    const noLead = await newTask({ leadOrgId: null });
    const refused = await call(staff, "POST", `/api/tasks/${noLead.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
    });
    expect(refused.json().error.code).toBe("TASK_CASCADE_NO_LEAD");
    const task = await newTask({});
    const early = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
      dueDate: "2025-12-31",
    });
    expect(early.json().error).toMatchObject({ code: "TASK_DATE_ORDER", issues: [{ path: "body.dueDate" }] });
    const missing = await call(staff, "POST", "/api/tasks/999999/cascade/preview", {
      version: 1,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
    });
    expect(missing.json().error.code).toBe("TASK_NOT_FOUND");
    const bad = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "orgs", orgIds: [] },
      division: { mode: "explicit", parts: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(["body.division.parts", "body.selection.orgIds"]);
  });

  it("refuses the children's due date after the task's own, and writes nothing", async () => {
    const task = await newTask({});
    const late = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: task.version,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
      division: { mode: "none" },
      dueDate: "2027-01-01",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      code: "TASK_CASCADE_DUE_AFTER_PARENT",
      message: "Hạn hoàn thành của các nhiệm vụ con không được sau hạn hoàn thành của chính nhiệm vụ này.",
      issues: [{ path: "body.dueDate" }],
    });
    expect(await children(staff, task.id)).toEqual([]);
    const onTime = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: task.version,
      selection: { kind: "orgs", orgIds: [communes[0]?.id] },
      division: { mode: "none" },
      dueDate: "2026-12-31",
    });
    expect(onTime.statusCode, onTime.body).toBe(201);
  });

  it("refuses splitting a task that has progress reports of its own, in the preview too", async () => {
    const task = await newTask({});
    const overview = await call(staff, "GET", `/api/tasks/${task.id}/reports`);
    const periodKey = overview.json().periods[0].key as string;
    const reported = await call(staff, "POST", `/api/tasks/${task.id}/reports`, {
      periodKey,
      percent: 40,
      narrative: "Đã kết nạp 48 đảng viên",
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const current = (await call(staff, "GET", `/api/tasks/${task.id}`)).json() as TaskDetail;
    for (const route of ["cascade/preview", "cascade"]) {
      const refused = await call(staff, "POST", `/api/tasks/${task.id}/${route}`, {
        version: current.version,
        selection: { kind: "orgs", orgIds: [communes[0]?.id] },
        division: { mode: "none" },
      });
      expect(refused.statusCode, route).toBe(409);
      expect(refused.json().error.code).toBe("TASK_SPLIT_HAS_REPORTS");
    }
    expect(await children(staff, task.id)).toEqual([]);
    const after = (await call(staff, "GET", `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(after).toMatchObject({ progressPercent: 40, hasChildren: false });
  });

  it("sums the children's measured values into the parent beyond what one report holds", async () => {
    const task = await newTask({ targetValue: 900_000_000_000, targetUnit: "đồng" });
    const cascaded = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: task.version,
      selection: { kind: "orgs", orgIds: communes.slice(0, 2).map((org) => org.id) },
      division: { mode: "none" },
    });
    expect(cascaded.statusCode, cascaded.body).toBe(201);
    for (const child of await children(staff, task.id)) {
      const overview = await call(staff, "GET", `/api/tasks/${child.id}/reports`);
      const periodKey = overview.json().periods[0].key as string;
      const reported = await call(staff, "POST", `/api/tasks/${child.id}/reports`, {
        periodKey,
        percent: 90,
        actualValue: 800_000_000_000,
        narrative: "Đã huy động",
      });
      expect(reported.statusCode, reported.body).toBe(201);
    }
    const parent = (await call(staff, "GET", `/api/tasks/${task.id}`)).json() as TaskDetail;
    expect(parent.actualValue).toBe(1_600_000_000_000);
    const tooBig = await call(staff, "POST", `/api/tasks/${task.id}/reports`, {
      periodKey: "x",
      percent: 1,
      actualValue: 1e12,
      narrative: "Quá lớn",
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.issues[0].path).toBe("body.actualValue");
  });

  it("creates a few thousand children in one cascade", async () => {
    const db = t.database.db;
    const district = await createOrg(db, province, {
      name: "Đảng ủy Khối Cơ quan",
      typeCode: "dang_uy_co_quan",
    });
    const many = 1500;
    for (let i = 0; i < many; i++) {
      await createOrg(db, district, { name: `Chi bộ ${i}`, typeCode: "chi_bo_truc_thuoc" });
    }
    const task = await newTask({ leadOrgId: district.id, targetValue: 3001 });
    const response = await call(staff, "POST", `/api/tasks/${task.id}/cascade`, {
      version: 1,
      selection: { kind: "types", rootOrgId: district.id, typeCodes: ["chi_bo_truc_thuoc"] },
      division: { mode: "equal" },
    });
    expect(response.json()).toEqual({ created: many, skipped: 0 });
    const sum = await db
      .selectFrom("tasks")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("targetValue").as("total")])
      .where("parentId", "=", task.id)
      .executeTakeFirstOrThrow();
    expect({ n: Number(sum.n), total: Number(sum.total) }).toEqual({ n: many, total: 3001 });
  });
});
