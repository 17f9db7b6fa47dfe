// Tasks end to end: create (in a plan, on its own, as a child) and its refusals with field paths and
// nothing written; the visibility rule (owner, lead, support, ancestors, the responsible person; a
// sibling commune and another province see nothing); edit with optimistic concurrency, moves under
// another parent and cycles refused; pause / cancel / resume; the list's filters, paging and search
// without diacritics; the clears of a draft; many tasks at once for the plan checker.
import type { TaskDetail, TaskSummary } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow } from "../../db/schema.ts";
import { SYSTEM_AUDIT_CONTEXT } from "../../platform/audit/audit-writer.ts";
import { installerActor } from "../../platform/auth/actor.ts";

// 10:00 on 15/06/2026 in Vietnam.
const NOW = "2026-06-15T03:00:00Z";

let t: TestApp;
let province: OrganisationRow;
let communeA: OrganisationRow;
let communeB: OrganisationRow;
let cellA1: OrganisationRow;
let cellB1: OrganisationRow;
let commission: OrganisationRow; // Ban Tổ chức Tỉnh ủy, a department
let dissolved: OrganisationRow;
let plan: number;
let conclusion: number;

let staff: TestSession; // committee_staff of the province
let leader: TestSession; // committee_leader of the province: reads, does not manage
let aStaff: TestSession;
let bStaff: TestSession;
let commissionStaff: TestSession;
let cellMember: TestSession; // member of cell A1
let outsider: TestSession;

function call(
  session: TestSession | null,
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  payload?: object,
) {
  return t.call(session, { method, url, ...(payload ? { payload } : {}) });
}

async function create(session: TestSession, payload: object): Promise<TaskDetail> {
  const response = await call(session, "POST", "/api/tasks", payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as TaskDetail;
}

async function taskCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom("tasks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ownerPath", "~", `${province.path}.*`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Hà Tĩnh", typeCode: "tinh_uy" });
  communeA = await createOrg(db, province, { name: "Đảng ủy xã Cẩm Bình", typeCode: "dang_uy_xa" });
  communeB = await createOrg(db, province, { name: "Đảng ủy xã Kỳ Anh", typeCode: "dang_uy_xa" });
  cellA1 = await createOrg(db, communeA, { name: "Chi bộ thôn Đông", typeCode: "chi_bo_truc_thuoc" });
  cellB1 = await createOrg(db, communeB, { name: "Chi bộ thôn Tây", typeCode: "chi_bo_truc_thuoc" });
  commission = await createOrg(db, province, { name: "Ban Tổ chức Tỉnh ủy", typeCode: "ban_to_chuc" });
  dissolved = await createOrg(db, province, { name: "Đảng ủy xã Đã Nhập", typeCode: "dang_uy_xa" });
  await db
    .updateTable("organisations")
    .set({ status: "dissolved", validTo: "2025-07-01" })
    .where("id", "=", dissolved.id)
    .execute();
  const other = await createProvince(db);
  plan = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KH",
      number: "15",
      issuerCodes: ["TU"],
      issuedOn: "2026-02-01",
      subject: "Thực hiện Kết luận số 21-KL/TW",
    })
  ).id;
  conclusion = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KL",
      number: "21",
      issuedOn: "2026-01-10",
    })
  ).id;
  staff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  leader = await t.actor([{ role: "committee_leader", orgId: province.id }]);
  aStaff = await t.actor([{ role: "committee_staff", orgId: communeA.id }]);
  bStaff = await t.actor([{ role: "committee_staff", orgId: communeB.id }]);
  commissionStaff = await t.actor([{ role: "committee_staff", orgId: commission.id }]);
  cellMember = await t.actor([{ role: "member", orgId: cellA1.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: other.province.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("every route", () => {
  it("answers 401 without a session", async () => {
    const routes: [Parameters<typeof call>[1], string][] = [
      ["GET", "/api/tasks"],
      ["GET", "/api/tasks/1"],
      ["POST", "/api/tasks"],
      ["PATCH", "/api/tasks/1"],
      ["POST", "/api/tasks/check-clears"],
      ["POST", "/api/tasks/1/cascade/preview"],
      ["POST", "/api/tasks/1/cascade"],
      ["POST", "/api/tasks/1/state"],
      ["GET", `/api/organisations/${province.id}/clear-set`],
      ["PUT", `/api/organisations/${province.id}/clear-set`],
      ["GET", `/api/documents/${plan}/task-plan`],
      ["PUT", `/api/documents/${plan}/task-plan`],
    ];
    for (const [method, url] of routes) {
      const response = await call(null, method, url, method === "GET" ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("answers 400 with the field paths of a bad body or query", async () => {
    const bad = await call(staff, "POST", "/api/tasks", {
      title: "",
      ownerOrgId: "x",
      dueDate: "31/12/2026",
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.issues as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(["body.dueDate", "body.ownerOrgId", "body.title"]);
    const patch = await call(staff, "PATCH", "/api/tasks/1", { title: "Việc" });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.issues[0].path).toBe("body.version");
    const list = await call(staff, "GET", "/api/tasks?status=late&pageSize=500");
    expect(list.statusCode).toBe(400);
    expect((list.json().error.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "querystring.pageSize",
      "querystring.status",
    ]);
    const state = await call(staff, "POST", "/api/tasks/1/state", { version: 1, state: "stopped" });
    expect(state.json().error.issues[0].path).toBe("body.state");
  });
});

describe("creating a task", () => {
  it("creates a task in a plan with all five clears, and audits it", async () => {
    const account = await t.createAccount([{ role: "committee_staff", orgId: communeA.id }]);
    const task = await create(staff, {
      ownerOrgId: province.id,
      planDocumentId: plan,
      title: "Ban hành kế hoạch kết nạp đảng viên mới năm 2026",
      description: "Chú trọng đoàn viên thanh niên",
      leadOrgId: communeA.id,
      supportOrgIds: [communeB.id, communeA.id],
      responsibleAccountId: account.id,
      startDate: "2026-02-01",
      dueDate: "2026-12-31",
      schedule: "once",
      reportFrequency: "quarterly",
      deliverable: "Kế hoạch của Đảng ủy xã",
      targetValue: 120,
      targetUnit: "đảng viên",
      weight: 2,
      milestones: [{ title: "Ban hành kế hoạch", dueDate: "2026-03-31" }],
    });
    expect(task).toMatchObject({
      kind: "task",
      plan: { id: plan, symbol: "15-KH/TU", subject: "Thực hiện Kết luận số 21-KL/TW" },
      parentId: null,
      ownerOrg: { id: province.id, name: "Tỉnh ủy Hà Tĩnh" },
      leadOrg: { id: communeA.id, name: "Đảng ủy xã Cẩm Bình" },
      // the lead is not also a supporting unit
      supportOrgs: [{ id: communeB.id, name: "Đảng ủy xã Kỳ Anh" }],
      responsibleAccount: { id: account.id },
      // nothing reported yet, and the first quarter's report (due 05/04) is missing
      status: "not_started",
      daysUntilDue: 199,
      reportLate: true,
      missingClears: [],
      targetValue: 120,
      weight: 2,
      state: "active",
      milestones: [{ title: "Ban hành kế hoạch", dueDate: "2026-03-31", doneOn: null }],
      childCount: 0,
      childTargetsTotal: null,
      version: 1,
      canEdit: true,
      canCascade: true,
      canReport: true,
      canReview: true,
    });
    expect(task.clears.map((clear) => [clear.key, clear.grade])).toEqual([
      ["person", "present"],
      ["job", "present"],
      ["time", "present"],
      ["responsibility", "present"],
      ["result", "present"],
    ]);
    const row = await t.database.db
      .selectFrom("tasks")
      .selectAll()
      .where("id", "=", task.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      ownerPath: province.path,
      orgPath: communeA.path,
      treePath: String(task.id),
      searchKey: "ban hanh ke hoach ket nap dang vien moi nam 2026 chu trong doan vien thanh nien",
    });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "entityId"])
      .where("entityType", "=", "task")
      .where("entityId", "=", String(task.id))
      .execute();
    expect(audit).toEqual([{ action: "task.create", entityId: String(task.id) }]);
  });

  it("saves a task lacking clears, flagged with the keys it lacks", async () => {
    const task = await create(staff, { ownerOrgId: province.id, title: "Tăng cường công tác xây dựng Đảng" });
    expect(task.plan).toBeNull();
    expect(task.leadOrg).toBeNull();
    expect(task.missingClears).toEqual(["person", "job", "time", "responsibility", "result"]);
    expect(task.clears.find((clear) => clear.key === "job")).toMatchObject({ grade: "weak" });
    expect(task.canCascade).toBe(false);
    expect(task.status).toBe("not_started");
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const before = await taskCount();
    const readsProvince = await t.actor([
      { role: "committee_leader", orgId: province.id },
      { role: "committee_staff", orgId: communeA.id },
    ]);
    const cases: [TestSession, object, string, string[]][] = [
      [
        staff,
        { ownerOrgId: province.id, title: "Việc A", startDate: "2026-06-01", dueDate: "2026-05-01" },
        "TASK_DATE_ORDER",
        ["body.dueDate", "body.startDate"],
      ],
      [
        staff,
        { ownerOrgId: province.id, title: "Việc B", planDocumentId: conclusion },
        "TASK_PLAN_NOT_A_PLAN",
        ["body.planDocumentId"],
      ],
      [
        staff,
        { ownerOrgId: province.id, title: "Việc C", planDocumentId: 999_999 },
        "TASK_PLAN_NOT_FOUND",
        ["body.planDocumentId"],
      ],
      [
        readsProvince,
        { ownerOrgId: province.id, title: "Việc D" },
        "TASK_OWNER_OUTSIDE_SCOPE",
        ["body.ownerOrgId"],
      ],
      // an organisation outside what the actor sees is not there at all
      [aStaff, { ownerOrgId: province.id, title: "Việc D" }, "ORG_NOT_FOUND", []],
      [
        aStaff,
        { ownerOrgId: communeA.id, title: "Việc E", leadOrgId: communeB.id },
        "TASK_ORG_OUTSIDE_OWNER",
        ["body.leadOrgId"],
      ],
      [
        staff,
        { ownerOrgId: province.id, title: "Việc F", supportOrgIds: [communeA.id, dissolved.id] },
        "TASK_ORG_UNKNOWN",
        ["body.supportOrgIds.1"],
      ],
      [
        staff,
        { ownerOrgId: province.id, title: "Việc G", responsibleAccountId: 999_999 },
        "TASK_RESPONSIBLE_UNKNOWN",
        ["body.responsibleAccountId"],
      ],
      [
        staff,
        { ownerOrgId: province.id, title: "Việc H", parentId: 999_999 },
        "TASK_PARENT_NOT_FOUND",
        ["body.parentId"],
      ],
      [
        staff,
        {
          ownerOrgId: province.id,
          title: "Việc I",
          dueDate: "2026-06-30",
          milestones: [{ title: "Mốc", dueDate: "2026-07-15" }],
        },
        "TASK_MILESTONE_DATE_ORDER",
        ["body.milestones.0.dueDate"],
      ],
      [leader, { ownerOrgId: province.id, title: "Việc J" }, "NOT_FOUND", []],
    ];
    for (const [session, payload, code, paths] of cases) {
      const response = await call(session, "POST", "/api/tasks", payload);
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.json().error.code).toBe(code);
      expect(((response.json().error.issues ?? []) as { path: string }[]).map((i) => i.path)).toEqual(paths);
    }
    const vi = await call(staff, "POST", "/api/tasks", {
      ownerOrgId: province.id,
      title: "X",
      startDate: "2026-06-01",
      dueDate: "2026-05-01",
    });
    expect(vi.json().error.message).toBe("Hạn hoàn thành phải từ ngày bắt đầu trở đi.");
    expect(await taskCount()).toBe(before);
  });

  it("lets a department assign to its committee's other units", async () => {
    const task = await create(commissionStaff, {
      ownerOrgId: commission.id,
      title: "Rà soát quy hoạch cán bộ",
      leadOrgId: communeA.id,
    });
    expect(task.leadOrg?.id).toBe(communeA.id);
  });

  it("creates a child of a visible task, in its plan", async () => {
    const parent = await create(staff, {
      ownerOrgId: province.id,
      planDocumentId: plan,
      title: "Tổ chức hội nghị quán triệt",
      leadOrgId: communeA.id,
    });
    const child = await create(aStaff, {
      ownerOrgId: communeA.id,
      parentId: parent.id,
      title: "Tổ chức hội nghị quán triệt ở xã",
      leadOrgId: cellA1.id,
    });
    expect(child.parentId).toBe(parent.id);
    expect(child.plan?.id).toBe(plan);
    expect(child.parent).toMatchObject({ id: parent.id, ownerOrgName: "Tỉnh ủy Hà Tĩnh" });
    const reread = await call(staff, "GET", `/api/tasks/${parent.id}`);
    expect(reread.json()).toMatchObject({ hasChildren: true, childCount: 1 });
  });
});

describe("visibility", () => {
  let shared: TaskDetail;
  let inA: TaskDetail;
  beforeAll(async () => {
    shared = await create(staff, {
      ownerOrgId: province.id,
      title: "Kiểm tra việc thực hiện Nghị quyết",
      leadOrgId: communeA.id,
      supportOrgIds: [cellB1.id],
    });
    inA = await create(aStaff, {
      ownerOrgId: communeA.id,
      title: "Sinh hoạt chuyên đề quý II",
      leadOrgId: cellA1.id,
    });
  });

  it("shows a task to the organisations involved and their ancestors, 404 to others", async () => {
    const cases: [string, TestSession, TaskDetail, number][] = [
      ["owner", staff, shared, 200],
      ["leader above", leader, shared, 200],
      ["lead", aStaff, shared, 200],
      ["support's ancestor", bStaff, shared, 200],
      ["cell of the lead, not involved", cellMember, shared, 404],
      ["another province", outsider, shared, 404],
      ["the lead cell's member", cellMember, inA, 200],
      ["province above the commune", staff, inA, 200],
      ["sibling commune", bStaff, inA, 404],
    ];
    for (const [name, session, task, status] of cases) {
      const response = await call(session, "GET", `/api/tasks/${task.id}`);
      expect(response.statusCode, name).toBe(status);
      if (status === 404) expect(response.json().error.code).toBe("TASK_NOT_FOUND");
    }
    // writes answer like reads: the sibling commune's task is not there
    const writes: [Parameters<typeof call>[1], string, object][] = [
      ["PATCH", `/api/tasks/${inA.id}`, { version: 1, title: "Sửa" }],
      ["POST", `/api/tasks/${inA.id}/state`, { version: 1, state: "paused", reason: "x" }],
      [
        "POST",
        `/api/tasks/${inA.id}/cascade/preview`,
        { version: 1, selection: { kind: "orgs", orgIds: [cellB1.id] } },
      ],
      [
        "POST",
        `/api/tasks/${inA.id}/cascade`,
        { version: 1, selection: { kind: "orgs", orgIds: [cellB1.id] } },
      ],
    ];
    for (const [method, url, payload] of writes) {
      const response = await call(bStaff, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe("TASK_NOT_FOUND");
    }
    const list = await call(bStaff, "GET", "/api/tasks?pageSize=200");
    const ids = (list.json().items as TaskSummary[]).map((item) => item.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(inA.id);
  });

  it("shows the responsible person their own task, and what they may do", async () => {
    const member = await t.createAccount([{ role: "member", orgId: cellB1.id }]);
    const session = await t.signIn(member.username);
    const own = await create(staff, {
      ownerOrgId: province.id,
      title: "Viết báo cáo chuyên đề",
      leadOrgId: communeA.id,
      responsibleAccountId: member.id,
    });
    const response = await call(session, "GET", `/api/tasks/${own.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      canEdit: false,
      canCascade: false,
      canReport: true,
      canReview: false,
    });
    const mine = await call(session, "GET", "/api/tasks?mine=true");
    expect((mine.json().items as TaskSummary[]).map((item) => item.id)).toEqual([own.id]);
    const detail = (await call(leader, "GET", `/api/tasks/${shared.id}`)).json();
    expect(detail).toMatchObject({ canEdit: false, canCascade: false, canReport: false, canReview: false });
    const lead = (await call(aStaff, "GET", `/api/tasks/${shared.id}`)).json();
    expect(lead).toMatchObject({ canEdit: false, canCascade: true, canReport: true, canReview: false });
  });
});

describe("editing a task", () => {
  it("changes only the fields sent, and refuses a stale version", async () => {
    const task = await create(staff, {
      ownerOrgId: province.id,
      title: "Tổng kết công tác năm",
      description: "Giữ nguyên",
      dueDate: "2026-12-15",
      leadOrgId: communeA.id,
    });
    const edited = await call(staff, "PATCH", `/api/tasks/${task.id}`, {
      version: 1,
      title: "Tổng kết công tác năm 2026",
      leadOrgId: communeB.id,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: "Tổng kết công tác năm 2026",
      description: "Giữ nguyên",
      dueDate: "2026-12-15",
      leadOrg: { id: communeB.id },
      version: 2,
    });
    const row = await t.database.db
      .selectFrom("tasks")
      .select(["orgPath", "searchKey"])
      .where("id", "=", task.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ orgPath: communeB.path, searchKey: "tong ket cong tac nam 2026 giu nguyen" });
    // the second person read version 1 too
    const stale = await call(staff, "PATCH", `/api/tasks/${task.id}`, { version: 1, title: "Khác" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("TASK_VERSION_CONFLICT");
    // concurrently: one wins, the other conflicts
    const [first, second] = await Promise.all([
      call(staff, "PATCH", `/api/tasks/${task.id}`, { version: 2, description: "Một" }),
      call(staff, "PATCH", `/api/tasks/${task.id}`, { version: 2, description: "Hai" }),
    ]);
    expect([first.statusCode, second.statusCode].sort((x, y) => x - y)).toEqual([200, 409]);
    // the lead may not edit what the province assigned
    const byLead = await call(bStaff, "PATCH", `/api/tasks/${task.id}`, { version: 3, title: "Sửa" });
    expect(byLead.statusCode).toBe(403);
  });

  it("refuses a due date before the start, naming both fields, and changes nothing", async () => {
    const task = await create(staff, {
      ownerOrgId: province.id,
      title: "Sơ kết 6 tháng đầu năm",
      startDate: "2026-05-01",
      dueDate: "2026-07-31",
    });
    const response = await call(staff, "PATCH", `/api/tasks/${task.id}`, {
      version: 1,
      title: "Đổi tên",
      dueDate: "2026-04-30",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "TASK_DATE_ORDER",
      issues: [{ path: "body.dueDate" }, { path: "body.startDate" }],
    });
    const reread = (await call(staff, "GET", `/api/tasks/${task.id}`)).json();
    expect(reread).toMatchObject({ title: "Sơ kết 6 tháng đầu năm", dueDate: "2026-07-31", version: 1 });
    const plainWrong = await call(staff, "PATCH", `/api/tasks/${task.id}`, {
      version: 1,
      planDocumentId: conclusion,
    });
    expect(plainWrong.json().error.code).toBe("TASK_PLAN_NOT_A_PLAN");
  });

  it("moves a task under another parent with its subtree and refuses a cycle", async () => {
    const version = async (id: number) =>
      ((await call(staff, "GET", `/api/tasks/${id}`)).json() as TaskDetail).version;
    const root = await create(staff, { ownerOrgId: province.id, title: "Nhiệm vụ gốc một" });
    const other = await create(staff, { ownerOrgId: province.id, title: "Nhiệm vụ gốc hai" });
    const child = await create(staff, { ownerOrgId: province.id, title: "Nhiệm vụ con", parentId: root.id });
    const grandchild = await create(staff, {
      ownerOrgId: province.id,
      title: "Nhiệm vụ cháu",
      parentId: child.id,
    });
    // A new child moves its parent's version: an edit read before it conflicts.
    expect(await version(root.id)).toBe(root.version + 1);
    expect(await version(child.id)).toBe(child.version + 1);
    const stale = await call(staff, "PATCH", `/api/tasks/${root.id}`, { version: root.version, title: "Cũ" });
    expect(stale.json().error.code).toBe("TASK_VERSION_CONFLICT");
    const cycle = await call(staff, "PATCH", `/api/tasks/${root.id}`, {
      version: root.version + 1,
      parentId: grandchild.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({
      code: "TASK_PARENT_CYCLE",
      issues: [{ path: "body.parentId" }],
    });
    const self = await call(staff, "PATCH", `/api/tasks/${root.id}`, {
      version: root.version + 1,
      parentId: root.id,
    });
    expect(self.json().error.code).toBe("TASK_PARENT_CYCLE");
    const moved = await call(staff, "PATCH", `/api/tasks/${child.id}`, {
      version: child.version + 1,
      parentId: other.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Both parents' versions moved: the one left and the one joined.
    expect(await version(root.id)).toBe(root.version + 2);
    expect(await version(other.id)).toBe(other.version + 1);
    const paths = await t.database.db
      .selectFrom("tasks")
      .select(["id", "treePath", "hasChildren"])
      .where("id", "in", [root.id, other.id, child.id, grandchild.id])
      .orderBy("id")
      .execute();
    expect(paths).toEqual([
      { id: root.id, treePath: String(root.id), hasChildren: false },
      { id: other.id, treePath: String(other.id), hasChildren: true },
      { id: child.id, treePath: `${other.id}.${child.id}`, hasChildren: true },
      { id: grandchild.id, treePath: `${other.id}.${child.id}.${grandchild.id}`, hasChildren: false },
    ]);
    const toRoot = await call(staff, "PATCH", `/api/tasks/${child.id}`, {
      version: child.version + 2,
      parentId: null,
    });
    expect(toRoot.json()).toMatchObject({ parentId: null, parent: null });
  });
});

describe("pausing, cancelling, resuming", () => {
  it("needs a reason to pause or cancel, and counts the state in the status", async () => {
    const task = await create(staff, {
      ownerOrgId: province.id,
      title: "Kiện toàn chi bộ",
      dueDate: "2026-06-01",
    });
    expect(task.status).toBe("overdue");
    const noReason = await call(staff, "POST", `/api/tasks/${task.id}/state`, {
      version: 1,
      state: "paused",
      reason: "  ",
    });
    expect(noReason.json().error).toMatchObject({
      code: "TASK_STATE_REASON_REQUIRED",
      issues: [{ path: "body.reason" }],
    });
    const paused = await call(staff, "POST", `/api/tasks/${task.id}/state`, {
      version: 1,
      state: "paused",
      reason: "Chờ sáp nhập",
    });
    expect(paused.json()).toMatchObject({
      state: "paused",
      stateReason: "Chờ sáp nhập",
      status: "paused",
      version: 2,
    });
    const again = await call(staff, "POST", `/api/tasks/${task.id}/state`, {
      version: 2,
      state: "paused",
      reason: "x",
    });
    expect(again.json().error.code).toBe("TASK_STATE_UNCHANGED");
    const resumed = await call(staff, "POST", `/api/tasks/${task.id}/state`, { version: 2, state: "active" });
    expect(resumed.json()).toMatchObject({ state: "active", status: "overdue", version: 3 });
    const cancelled = await call(staff, "POST", `/api/tasks/${task.id}/state`, {
      version: 3,
      state: "cancelled",
      reason: "Không còn phù hợp",
    });
    expect(cancelled.json().status).toBe("cancelled");
    const edit = await call(staff, "PATCH", `/api/tasks/${task.id}`, { version: 4, title: "Sửa" });
    expect(edit.json().error.code).toBe("TASK_CANCELLED");
    const byLead = await call(aStaff, "POST", `/api/tasks/${task.id}/state`, {
      version: 4,
      state: "active",
    });
    expect(byLead.statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityType", "=", "task")
      .where("entityId", "=", String(task.id))
      .orderBy("id")
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      "task.create",
      "task.state_change",
      "task.state_change",
      "task.state_change",
    ]);
  });
});

describe("the list", () => {
  let org: OrganisationRow;
  let session: TestSession;
  beforeAll(async () => {
    org = await createOrg(t.database.db, province, { name: "Đảng ủy xã Thạch Hà", typeCode: "dang_uy_xa" });
    session = await t.actor([{ role: "committee_staff", orgId: org.id }]);
    const db = t.database.db;
    await createTask(db, {
      owner: org,
      title: "Kết nạp đảng viên mới",
      searchKey: "ket nap dang vien moi",
      dueDate: "2026-06-10",
    });
    await createTask(db, {
      owner: org,
      title: "Tuyên truyền Nghị quyết",
      searchKey: "tuyen truyen nghi quyet",
      dueDate: "2026-06-20",
      missingClears: ["person"],
    });
    await createTask(db, {
      owner: org,
      title: "Học tập chuyên đề",
      searchKey: "hoc tap chuyen de",
      dueDate: "2026-09-30",
      completedOn: "2026-06-01",
      progressPercent: 100,
    });
    await createTask(db, {
      owner: org,
      title: "Đối thoại với nhân dân",
      searchKey: "doi thoai voi nhan dan",
      dueDate: null,
    });
    await createTask(db, {
      owner: org,
      title: "Tạm dừng",
      searchKey: "tam dung",
      state: "paused",
      dueDate: "2026-07-01",
    });
  });

  async function list(query: string) {
    const response = await call(session, "GET", `/api/tasks?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: TaskSummary[]; total: number; page: number; pageSize: number };
    return { ...body, titles: body.items.map((item) => item.title) };
  }

  it("sorts by due date (none last), pages with exact totals", async () => {
    const all = await list("");
    expect(all.titles).toEqual([
      "Kết nạp đảng viên mới",
      "Tuyên truyền Nghị quyết",
      "Tạm dừng",
      "Học tập chuyên đề",
      "Đối thoại với nhân dân",
    ]);
    expect(all.total).toBe(5);
    const page2 = await list("pageSize=2&page=2");
    expect(page2).toMatchObject({
      total: 5,
      page: 2,
      pageSize: 2,
      titles: ["Tạm dừng", "Học tập chuyên đề"],
    });
    expect((await list("sort=title")).titles[0]).toBe("Đối thoại với nhân dân");
  });

  it("filters by status for today, lacking clears, due dates and words without diacritics", async () => {
    expect((await list("status=overdue")).titles).toEqual(["Kết nạp đảng viên mới"]);
    expect((await list("status=done_on_time")).titles).toEqual(["Học tập chuyên đề"]);
    expect((await list("status=paused")).titles).toEqual(["Tạm dừng"]);
    expect((await list("missingClears=true")).titles).toEqual(["Tuyên truyền Nghị quyết"]);
    expect((await list("dueFrom=2026-06-15&dueTo=2026-06-30")).titles).toEqual(["Tuyên truyền Nghị quyết"]);
    const found = await list("q=nghi%20quyet");
    expect(found).toMatchObject({ total: 1, titles: ["Tuyên truyền Nghị quyết"] });
    expect((await list("q=Nghị%20quyết")).total).toBe(1);
    expect((await list("q=100%25")).total).toBe(0);
    const first = (await list("")).items[0];
    expect(first).toMatchObject({ status: "overdue", daysUntilDue: -5, reportLate: false });
    expect(
      (await list("")).items.find((item) => item.title === "Học tập chuyên đề")?.daysUntilDue,
    ).toBeNull();
  });

  it("narrows to an organisation's subtree, 404 outside the scope", async () => {
    expect((await list(`orgId=${org.id}`)).total).toBe(5);
    const outside = await call(session, "GET", `/api/tasks?orgId=${communeA.id}`);
    expect(outside.statusCode).toBe(404);
    const fromProvince = await call(staff, "GET", `/api/tasks?orgId=${org.id}&pageSize=1`);
    expect(fromProvince.json().total).toBe(5);
  });
});

describe("the clears of a draft", () => {
  it("grades the fields against the owner's set, writing nothing", async () => {
    const response = await call(staff, "POST", "/api/tasks/check-clears", {
      ownerOrgId: province.id,
      title: "Đẩy mạnh công tác tuyên truyền",
      schedule: "continuous",
      targetValue: 100,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.missingClears).toEqual(["person", "job", "time", "responsibility", "result"]);
    expect(body.clears[2]).toMatchObject({ key: "time", grade: "weak" });
    expect(body.clears[2].reason.vi).toContain("thường xuyên");
    const outside = await call(outsider, "POST", "/api/tasks/check-clears", { ownerOrgId: province.id });
    expect(outside.statusCode).toBe(404);
  });
});

describe("many tasks at once (the plan checker)", () => {
  it("creates all of them in the plan, or none at the first problem", async () => {
    const service = t.app.services.tasks;
    const fullActor = installerActor(staff.accountId, "Văn phòng", province);
    const before = await taskCount();
    await expect(
      service.createMany(
        fullActor,
        { ownerOrgId: province.id, planDocumentId: plan },
        [
          { title: "Việc một của kế hoạch", dueDate: "2026-09-30" },
          { title: "Việc hai", startDate: "2026-10-01", dueDate: "2026-09-30" },
        ],
        SYSTEM_AUDIT_CONTEXT,
      ),
    ).rejects.toMatchObject({
      code: "TASK_DATE_ORDER",
      issues: [{ path: "body.tasks.1.dueDate" }, { path: "body.tasks.1.startDate" }],
    });
    expect(await taskCount()).toBe(before);
    const created = await service.createMany(
      fullActor,
      { ownerOrgId: province.id, planDocumentId: plan },
      [
        {
          title: "Ban hành kế hoạch tuyên truyền",
          dueDate: "2026-09-30",
          leadOrgId: communeA.id,
          responsibleName: "Đồng chí Phó Bí thư",
          deliverable: "Kế hoạch",
        },
        { title: "Tăng cường công tác kiểm tra" },
      ],
      SYSTEM_AUDIT_CONTEXT,
    );
    expect(created.map((task) => [task.title, task.missingClears])).toEqual([
      ["Ban hành kế hoạch tuyên truyền", []],
      ["Tăng cường công tác kiểm tra", ["person", "job", "time", "responsibility", "result"]],
    ]);
    const inPlan = await call(
      staff,
      "GET",
      `/api/tasks?planDocumentId=${plan}&q=tang%20cuong%20cong%20tac%20kiem%20tra`,
    );
    expect(inPlan.json().total).toBe(1);
  });
});

describe("splitting a task into sub-tasks (a parent chosen)", () => {
  async function report(taskId: number, status: "submitted" | "returned" | "accepted") {
    await t.database.db
      .insertInto("taskReports")
      .values({
        taskId,
        periodKey: "final",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        percent: 60,
        status,
      })
      .execute();
  }
  const version = async (id: number) =>
    ((await call(staff, "GET", `/api/tasks/${id}`)).json() as TaskDetail).version;

  it("refuses a supporting unit adding a child under a task it only supports, and leaves its progress", async () => {
    const parent = await create(staff, {
      ownerOrgId: province.id,
      title: "Việc tỉnh giao xã A, xã B phối hợp",
      leadOrgId: communeA.id,
      supportOrgIds: [communeB.id],
    });
    const before = await taskCount();
    const refused = await call(bStaff, "POST", "/api/tasks", {
      ownerOrgId: communeB.id,
      title: "Việc con của xã B",
      parentId: parent.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "TASK_PARENT_OUTSIDE_SCOPE",
      issues: [{ path: "body.parentId" }],
    });
    expect(await taskCount()).toBe(before);
    expect(await call(staff, "GET", `/api/tasks/${parent.id}`).then((r) => r.json())).toMatchObject({
      hasChildren: false,
      version: parent.version,
    });
    // The lead unit may split it.
    const child = await create(aStaff, {
      ownerOrgId: communeA.id,
      title: "Việc con của xã A",
      parentId: parent.id,
    });
    expect(child.parentId).toBe(parent.id);
  });

  it("refuses moving a task under another unit's own task it may not split", async () => {
    const communeTask = await create(bStaff, { ownerOrgId: communeB.id, title: "Việc riêng của xã B" });
    const provinceTask = await create(staff, { ownerOrgId: province.id, title: "Việc riêng của tỉnh" });
    const moved = await call(staff, "PATCH", `/api/tasks/${provinceTask.id}`, {
      version: provinceTask.version,
      parentId: communeTask.id,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({
      code: "TASK_PARENT_OUTSIDE_SCOPE",
      issues: [{ path: "body.parentId" }],
    });
    expect(await version(communeTask.id)).toBe(communeTask.version);
    const seen = (await call(bStaff, "GET", `/api/tasks/${communeTask.id}`)).json() as TaskDetail;
    expect(seen).toMatchObject({ hasChildren: false, childCount: 0 });
  });

  it("refuses a paused or cancelled parent, at the parent field", async () => {
    const paused = await create(staff, { ownerOrgId: province.id, title: "Việc tạm dừng" });
    const cancelled = await create(staff, { ownerOrgId: province.id, title: "Việc đã hủy" });
    for (const [task, state] of [
      [paused, "paused"],
      [cancelled, "cancelled"],
    ] as const) {
      const changed = await call(staff, "POST", `/api/tasks/${task.id}/state`, {
        state,
        reason: "Chờ chỉ đạo",
        version: task.version,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const child = await call(staff, "POST", "/api/tasks", {
        ownerOrgId: province.id,
        title: "Việc con",
        parentId: task.id,
      });
      expect(child.statusCode).toBe(409);
      expect(child.json().error).toMatchObject({
        code: "TASK_PARENT_NOT_ACTIVE",
        issues: [{ path: "body.parentId" }],
      });
      const loose = await create(staff, { ownerOrgId: province.id, title: "Việc sẽ chuyển" });
      const moved = await call(staff, "PATCH", `/api/tasks/${loose.id}`, {
        version: loose.version,
        parentId: task.id,
      });
      expect(moved.json().error.code).toBe("TASK_PARENT_NOT_ACTIVE");
    }
  });

  it("refuses splitting a task that has progress reports of its own, which would stop counting", async () => {
    const reported = await create(staff, { ownerOrgId: province.id, title: "Việc đã báo cáo" });
    await report(reported.id, "submitted");
    const child = await call(staff, "POST", "/api/tasks", {
      ownerOrgId: province.id,
      title: "Việc con",
      parentId: reported.id,
    });
    expect(child.statusCode).toBe(409);
    expect(child.json().error).toMatchObject({
      code: "TASK_SPLIT_HAS_REPORTS",
      issues: [{ path: "body.parentId" }],
    });
    expect(child.json().error.message).toMatch(/^Nhiệm vụ đã có báo cáo tiến độ/);
    const loose = await create(staff, { ownerOrgId: province.id, title: "Việc sẽ chuyển" });
    const moved = await call(staff, "PATCH", `/api/tasks/${loose.id}`, {
      version: loose.version,
      parentId: reported.id,
    });
    expect(moved.json().error.code).toBe("TASK_SPLIT_HAS_REPORTS");
    const after = (await call(staff, "GET", `/api/tasks/${reported.id}`)).json() as TaskDetail;
    expect(after).toMatchObject({ hasChildren: false, version: reported.version });
    // A report returned for correction does not count: the task may be split.
    const returned = await create(staff, { ownerOrgId: province.id, title: "Việc có báo cáo bị trả" });
    await report(returned.id, "returned");
    await create(staff, { ownerOrgId: province.id, title: "Việc con", parentId: returned.id });
  });

  it("counts only the children the reader sees", async () => {
    const parent = await create(staff, {
      ownerOrgId: province.id,
      title: "Việc tỉnh giao xã A, xã B phối hợp (con)",
      leadOrgId: communeA.id,
      supportOrgIds: [communeB.id],
    });
    await create(aStaff, {
      ownerOrgId: communeA.id,
      title: "Việc con ở xã A",
      parentId: parent.id,
      targetValue: 5,
    });
    const lead = (await call(aStaff, "GET", `/api/tasks/${parent.id}`)).json() as TaskDetail;
    expect(lead).toMatchObject({ childCount: 1, childTargetsTotal: 5 });
    const support = (await call(bStaff, "GET", `/api/tasks/${parent.id}`)).json() as TaskDetail;
    expect(support).toMatchObject({ childCount: 0, childTargetsTotal: null });
  });
});

describe("the responsible person and the amounts", () => {
  it("names only an active account within the assigning committee, with one answer for unknown and outside", async () => {
    const task = await create(staff, {
      ownerOrgId: province.id,
      title: "Việc nội bộ tỉnh",
      leadOrgId: communeA.id,
    });
    const disabled = await t.createAccount([{ role: "member", orgId: cellA1.id }]);
    await t.database.db
      .updateTable("accounts")
      .set({ disabledAt: new Date(NOW) })
      .where("id", "=", disabled.id)
      .execute();
    const bodies: unknown[] = [];
    for (const accountId of [outsider.accountId, 999_999, disabled.id]) {
      const response = await call(aStaff, "PATCH", `/api/tasks/${task.id}`, {
        version: task.version,
        responsibleAccountId: accountId,
      });
      expect(response.statusCode).toBe(400);
      bodies.push({ ...response.json().error, requestId: undefined });
    }
    expect(bodies[0]).toMatchObject({
      code: "TASK_RESPONSIBLE_UNKNOWN",
      issues: [{ path: "body.responsibleAccountId" }],
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await call(outsider, "GET", `/api/tasks/${task.id}`).then((r) => r.statusCode)).toBe(404);
    const member = await t.createAccount([{ role: "member", orgId: cellA1.id }]);
    const named = await call(aStaff, "PATCH", `/api/tasks/${task.id}`, {
      version: task.version,
      responsibleAccountId: member.id,
    });
    expect(named.statusCode, named.body).toBe(200);
  });

  it("refuses amounts and weights the columns cannot hold, at their fields", async () => {
    const cases: [object, string][] = [
      [{ targetValue: 1e12 }, "body.targetValue"],
      [{ weight: 0.001 }, "body.weight"],
    ];
    for (const [fields, path] of cases) {
      const response = await call(staff, "POST", "/api/tasks", {
        ownerOrgId: province.id,
        title: "Số lớn",
        ...fields,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
    }
    const largest = await create(staff, {
      ownerOrgId: province.id,
      title: "Số lớn nhất",
      targetValue: 999_999_999_999.99,
      weight: 0.01,
    });
    expect(largest).toMatchObject({ targetValue: 999_999_999_999.99, weight: 0.01 });
  });
});
