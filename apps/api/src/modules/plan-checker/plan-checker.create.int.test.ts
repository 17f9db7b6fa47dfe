// Turning a checked plan into tasks over HTTP: the corrected drafts created at once in a registered
// plan (all or none), carrying the corrections and the clears they still lack; bad requests refused
// with their field paths; an organisation the actor may not assign for answers 404.
import type { PlanCheck, PlanCheckCreated } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province
let reader: TestSession; // member of commune A: reads tasks, manages none
let otherStaff: TestSession; // committee_staff of another province
let otherProvince: number;
let commission: number; // Ban Tổ chức Tỉnh ủy
let planId: number;
let conclusionId: number;

const PLAN = [
  "KẾ HOẠCH",
  "Thực hiện công tác xây dựng Đảng năm 2026",
  "II. NHIỆM VỤ, GIẢI PHÁP",
  "1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy xây dựng đề án sắp xếp tổ chức bộ máy, trình Ban Thường vụ trước ngày 30/6/2026.",
  "2. Ban Xây dựng Đảng tăng cường kiểm tra, giám sát tổ chức đảng thường xuyên.",
  "3. Văn phòng Tỉnh ủy kiểm tra 100% chi bộ trong quý III/2026.",
].join("\n");

beforeAll(async () => {
  t = await createTestApp({ now: "2026-03-15T03:00:00Z" });
  const db = t.database.db;
  p = await createProvince(db);
  commission = (await createOrg(db, p.province, { name: "Ban Tổ chức Tỉnh ủy", typeCode: "ban_to_chuc" })).id;
  otherProvince = (await createOrg(db, null, { typeCode: "tinh_uy" })).id;
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  reader = await t.actor([{ role: "member", orgId: p.communeA.id }]);
  otherStaff = await t.actor([{ role: "committee_staff", orgId: otherProvince }]);
  planId = (
    await createDocument(db, {
      ownerOrgId: p.province.id,
      typeAbbreviation: "KH",
      issuerCodes: ["TU"],
      number: "12",
    })
  ).id;
  conclusionId = (
    await createDocument(db, { ownerOrgId: p.province.id, typeAbbreviation: "KL", number: "3" })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const create = (session: TestSession | null, payload: unknown) =>
  t.call(session, { method: "POST", url: "/api/plan-checks/create-tasks", payload: payload as object });

const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const issuePaths = (body: string) =>
  (JSON.parse(body) as { error: { issues?: { path: string }[] } }).error.issues?.map((i) => i.path) ?? [];

async function taskCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tasks`.execute(t.database.db);
  return rows[0]?.n ?? 0;
}

/** The drafts of a check, as the page sends them (every task included). */
async function checkedDrafts() {
  const response = await t.call(staff, {
    method: "POST",
    url: "/api/plan-checks",
    payload: { text: PLAN, orgId: p.province.id },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as PlanCheck).tasks.map((task) => task.draft);
}

describe("POST /api/plan-checks/create-tasks", () => {
  it("asks to sign in", async () => {
    const response = await create(null, {
      ownerOrgId: p.province.id,
      planDocumentId: planId,
      tasks: [{ title: "Báo cáo kết quả" }],
    });
    expect(response.statusCode).toBe(401);
  });

  it("names the bad fields and creates nothing", async () => {
    const before = await taskCount();
    const empty = await create(staff, { ownerOrgId: "x", planDocumentId: planId, tasks: [] });
    expect(empty.statusCode).toBe(400);
    expect(issuePaths(empty.body)).toEqual(expect.arrayContaining(["body.ownerOrgId", "body.tasks"]));
    const untitled = await create(staff, {
      ownerOrgId: p.province.id,
      planDocumentId: planId,
      tasks: [{ title: "Xây dựng đề án sắp xếp bộ máy" }, { title: " " }],
    });
    expect(untitled.statusCode).toBe(400);
    expect(issuePaths(untitled.body)).toContain("body.tasks.1.title");
    expect(await taskCount()).toBe(before);
  });

  it("answers 404 for an organisation the actor may not assign for, and to those who manage no tasks", async () => {
    const outside = await create(otherStaff, {
      ownerOrgId: p.province.id,
      planDocumentId: planId,
      tasks: [{ title: "Xây dựng đề án sắp xếp bộ máy" }],
    });
    expect([outside.statusCode, codeOf(outside.body)]).toEqual([404, "ORG_NOT_FOUND"]);
    const member = await create(reader, {
      ownerOrgId: p.communeA.id,
      planDocumentId: planId,
      tasks: [{ title: "Xây dựng đề án sắp xếp bộ máy" }],
    });
    expect(member.statusCode).toBe(404);
  });

  it("creates nothing when the document is not a plan, or one task's lead lies outside the assigning organisation", async () => {
    const before = await taskCount();
    const notPlan = await create(staff, {
      ownerOrgId: p.province.id,
      planDocumentId: conclusionId,
      tasks: [{ title: "Xây dựng đề án sắp xếp bộ máy" }],
    });
    expect([notPlan.statusCode, codeOf(notPlan.body)]).toEqual([400, "TASK_PLAN_NOT_A_PLAN"]);
    const drafts = await checkedDrafts();
    const strayLead = await create(staff, {
      ownerOrgId: p.province.id,
      planDocumentId: planId,
      tasks: drafts.map((draft, i) => (i === 2 ? { ...draft, leadOrgId: otherProvince } : draft)),
    });
    expect(strayLead.statusCode).toBe(400);
    expect(issuePaths(strayLead.body).some((path) => path.startsWith("body.tasks.2."))).toBe(true);
    expect(await taskCount()).toBe(before);
  });

  it("creates the corrected tasks in the plan, each flagged with the clears it still lacks", async () => {
    const drafts = await checkedDrafts();
    expect(drafts[1]?.leadOrgId).toBeNull(); // "Ban Xây dựng Đảng" is no organisation of the province
    const corrected = [
      { ...drafts[0], responsibleName: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy" },
      // the misread unit fixed: the office leads; still no result and no report period
      { ...drafts[1], leadOrgId: p.office.id },
      drafts[2],
    ];
    const response = await create(staff, {
      ownerOrgId: p.province.id,
      planDocumentId: planId,
      tasks: corrected,
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = (response.json() as PlanCheckCreated).tasks;
    expect(created).toHaveLength(3);

    const rows = await t.database.db
      .selectFrom("tasks")
      .select([
        "id",
        "title",
        "planDocumentId",
        "ownerOrgId",
        "leadOrgId",
        "responsibleName",
        "dueDate",
        "schedule",
        "reportFrequency",
        "deliverable",
        "targetValue",
        "targetUnit",
        "missingClears",
      ])
      .where(
        "id",
        "in",
        created.map((c) => c.id),
      )
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.id)).toEqual(created.map((c) => c.id));
    expect(rows.every((r) => r.planDocumentId === planId && r.ownerOrgId === p.province.id)).toBe(true);
    const [first, second, third] = rows;
    expect(first).toMatchObject({
      leadOrgId: commission,
      responsibleName: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
      schedule: "once",
      missingClears: [],
    });
    expect(rows.map((r) => r.dueDate)).toEqual(["2026-06-30", null, "2026-09-30"]);
    const supports = await t.database.db
      .selectFrom("taskSupports")
      .select("orgId")
      .where("taskId", "=", first?.id as number)
      .execute();
    expect(supports.map((s) => s.orgId)).toEqual([p.office.id]);

    expect(second).toMatchObject({
      leadOrgId: p.office.id,
      schedule: "continuous",
      reportFrequency: null,
      deliverable: null,
    });
    expect(second?.missingClears).toEqual(expect.arrayContaining(["person", "time", "result"]));
    expect(second?.missingClears).not.toContain("responsibility");

    expect(third).toMatchObject({ leadOrgId: p.office.id, targetUnit: "% chi bộ" });
    expect(Number(third?.targetValue)).toBe(100);
    expect(third?.missingClears).toEqual(["person"]);
    expect(created.map((c) => c.missingClears)).toEqual(rows.map((r) => r.missingClears));

    const { rows: audits } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.create'`.execute(t.database.db);
    expect(audits[0]?.n).toBeGreaterThanOrEqual(3);
  });
});
