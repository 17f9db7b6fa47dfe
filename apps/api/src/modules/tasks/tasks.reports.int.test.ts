// Task progress reports over HTTP: the periods with their due day and standing, submitting (who may,
// and every refusal writing nothing), resubmission only after a return, returning and accepting with
// optimistic concurrency, the task's figures kept in step, the audit rows, and the reports awaiting
// review under an organisation.
import type { AwaitingTaskReport, TaskReport, TaskReportsOverview } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTask, type TaskSpec } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { TaskRow } from "../../db/schema.ts";

// 3 May 2026 in Vietnam: January to March are past their due day, April's report is due by 5 May, May runs.
const NOW = "2026-05-03T03:00:00Z";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let provinceStaff: TestSession; // assigns the province's tasks, reviews their reports
let communeStaff: TestSession; // commune A: leads tasks, reports them
let communeMember: TestSession; // commune A: reads only
let outsider: TestSession; // commune B staff: does not see commune A's tasks
let responsible: TestSession; // a member of commune B's cell named responsible for one task
let responsibleId: number;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  p = await createProvince(t.database.db);
  provinceStaff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: p.communeA.id }]);
  communeMember = await t.actor([{ role: "member", orgId: p.communeA.id }]);
  outsider = await t.actor([{ role: "committee_staff", orgId: p.communeB.id }]);
  responsible = await t.actor([{ role: "member", orgId: p.cellB.id }]);
  responsibleId = responsible.accountId;
});
afterAll(async () => {
  await t.close();
});

/** A monthly-reported task of 2026 assigned by the province and led by commune A. */
function monthlyTask(spec: Partial<TaskSpec> = {}): Promise<TaskRow> {
  return createTask(t.database.db, {
    owner: p.province,
    lead: p.communeA,
    reportFrequency: "monthly",
    schedule: "once",
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
    targetValue: 120,
    targetUnit: "đảng viên",
    ...spec,
  });
}

// A narrative is required; tests about other fields send a plain one unless they say otherwise.
const submit = (session: TestSession | null, taskId: number, payload: Record<string, unknown>) =>
  t.call(session, {
    method: "POST",
    url: `/api/tasks/${taskId}/reports`,
    payload: { narrative: "Đã triển khai theo kế hoạch.", ...payload },
  });

const review = (
  session: TestSession,
  taskId: number,
  reportId: number,
  action: "return" | "accept",
  payload: Record<string, unknown>,
) => t.call(session, { method: "POST", url: `/api/tasks/${taskId}/reports/${reportId}/${action}`, payload });

const overview = async (session: TestSession, taskId: number) => {
  const response = await t.call(session, { method: "GET", url: `/api/tasks/${taskId}/reports` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TaskReportsOverview;
};

const taskRow = (id: number) =>
  t.database.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

/** Everything a refused request must leave as it was. */
async function snapshot(taskId: number) {
  const db = t.database.db;
  const task = await taskRow(taskId);
  const reports = await db
    .selectFrom("taskReports")
    .selectAll()
    .where("taskId", "=", taskId)
    .orderBy("id")
    .execute();
  const audit = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { task, reports, audits: Number(audit.n) };
}

async function expectRefused(
  response: Awaited<ReturnType<typeof submit>>,
  status: number,
  code: string,
  before: Awaited<ReturnType<typeof snapshot>>,
  taskId: number,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
  expect(await snapshot(taskId)).toEqual(before);
}

async function auditRows(action: string, entityId: number) {
  return t.database.db
    .selectFrom("auditLog")
    .selectAll()
    .where("action", "=", action as never)
    .where("entityId", "=", String(entityId))
    .execute();
}

describe("GET /api/tasks/:id/reports", () => {
  it("asks for a sign-in", async () => {
    const task = await monthlyTask();
    const response = await t.call(null, { method: "GET", url: `/api/tasks/${task.id}/reports` });
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 outside the scope, like a missing task", async () => {
    const task = await monthlyTask();
    for (const url of [`/api/tasks/${task.id}/reports`, "/api/tasks/999999999/reports"]) {
      const response = await t.call(outsider, { method: "GET", url });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("TASK_NOT_FOUND");
    }
  });

  it("lists the periods that have started, newest first, with due day, standing and lateness", async () => {
    const task = await monthlyTask();
    const view = await overview(communeStaff, task.id);
    expect(view.today).toBe("2026-05-03");
    expect(view.periods.map((period) => [period.key, period.dueOn, period.state, period.late])).toEqual([
      ["2026-05", "2026-06-05", "open", false],
      ["2026-04", "2026-05-05", "due", false],
      ["2026-03", "2026-04-05", "late", true],
      ["2026-02", "2026-03-05", "late", true],
      ["2026-01", "2026-02-05", "late", true],
    ]);
    expect(view).toMatchObject({
      dueCount: 1,
      lateCount: 3,
      awaitingReviewCount: 0,
      canReport: true,
      canReview: false,
      blockedReason: null,
    });
    expect((await overview(provinceStaff, task.id)).canReview).toBe(true);
    expect(await overview(communeMember, task.id)).toMatchObject({
      canReport: false,
      blockedReason: "not_allowed",
    });
  });

  it("shows one final period for a task reported once, without a due day when it has no due date", async () => {
    const task = await monthlyTask({ reportFrequency: null, dueDate: null });
    const view = await overview(communeStaff, task.id);
    expect(view.periods).toEqual([
      {
        key: "final",
        start: "2026-01-01",
        end: "9999-12-31",
        dueOn: null,
        state: "open",
        late: false,
        report: null,
      },
    ]);
  });

  it("lets a task entered after its due date report up to that date", async () => {
    // entered on 02/05 (late entry, or a cascade of an overdue task), due 20/04, no start date
    const late = { startDate: null, dueDate: "2026-04-20", createdAt: new Date("2026-05-02T03:00:00Z") };
    const once = await monthlyTask({ ...late, reportFrequency: null });
    expect((await overview(communeStaff, once.id)).periods).toMatchObject([
      { key: "final", start: "2026-04-20", end: "2026-04-20" },
    ]);
    const final = await submit(communeStaff, once.id, { periodKey: "final", percent: 100 });
    expect(final.statusCode, final.body).toBe(201);

    const monthly = await monthlyTask(late);
    expect((await overview(communeStaff, monthly.id)).periods.map((period) => period.key)).toEqual([
      "2026-04",
    ]);
    const april = await submit(communeStaff, monthly.id, { periodKey: "2026-04", percent: 30 });
    expect(april.statusCode, april.body).toBe(201);
  });

  it("says why a task with children is not reported, and lists no periods for it", async () => {
    const parent = await monthlyTask();
    await monthlyTask({ parent });
    const view = await overview(communeStaff, parent.id);
    expect(view).toMatchObject({ blockedReason: "has_children", canReport: false, periods: [] });
  });
});

describe("POST /api/tasks/:id/reports", () => {
  it("asks for a sign-in", async () => {
    const task = await monthlyTask();
    expect((await submit(null, task.id, { periodKey: "2026-04", percent: 10 })).statusCode).toBe(401);
  });

  it("names every invalid field", async () => {
    const task = await monthlyTask();
    const before = await snapshot(task.id);
    const response = await submit(communeStaff, task.id, {
      percent: 101,
      actualValue: -1,
      completedOn: "3/5/2026",
      narrative: "   ",
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.issues as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual([
      "body.actualValue",
      "body.completedOn",
      "body.narrative",
      "body.percent",
      "body.periodKey",
    ]);
    expect(await snapshot(task.id)).toEqual(before);
  });

  it("answers 404 outside the scope and writes nothing", async () => {
    const task = await monthlyTask();
    const before = await snapshot(task.id);
    await expectRefused(
      await submit(outsider, task.id, { periodKey: "2026-04", percent: 10 }),
      404,
      "TASK_NOT_FOUND",
      before,
      task.id,
    );
  });

  it("records the report, keeps the task's figures in step and audits it", async () => {
    const task = await monthlyTask();
    const response = await submit(communeStaff, task.id, {
      periodKey: "2026-04",
      percent: 40,
      actualValue: 48,
      narrative: "Đã kết nạp 48 đảng viên.",
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json() as TaskReport;
    expect(report).toMatchObject({
      taskId: task.id,
      periodKey: "2026-04",
      periodStart: "2026-04-01",
      periodEnd: "2026-04-30",
      percent: 40,
      actualValue: 48,
      narrative: "Đã kết nạp 48 đảng viên.",
      completedOn: null,
      status: "submitted",
      returnReason: null,
      submittedByName: expect.any(String),
      reviewedAt: null,
      version: 1,
      files: [],
      canEdit: true,
      canReview: false,
    });
    const row = await taskRow(task.id);
    expect(row).toMatchObject({
      progressPercent: 40,
      actualValue: 48,
      completedOn: null,
      lastReportedPeriodEnd: "2026-04-30",
    });
    expect(row.lastReportAt).not.toBeNull();
    const audits = await auditRows("task.report_submit", report.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ taskId: task.id, periodKey: "2026-04", percent: 40 });

    // A later period reported covers the earlier ones: they are missed, no longer late.
    const view = await overview(communeStaff, task.id);
    expect(view.periods.map((period) => period.state)).toEqual([
      "open",
      "reported",
      "missed",
      "missed",
      "missed",
    ]);
    expect(view).toMatchObject({ lateCount: 0, dueCount: 0, awaitingReviewCount: 1 });
    expect(view.periods[1]?.report?.id).toBe(report.id);
  });

  it("lets the person named responsible report, though their organisation does not see the task", async () => {
    const task = await monthlyTask({ responsibleAccountId: responsibleId });
    const response = await submit(responsible, task.id, { periodKey: "2026-04", percent: 25 });
    expect(response.statusCode, response.body).toBe(201);
    expect((await taskRow(task.id)).progressPercent).toBe(25);
  });

  it("records completion at 100%: today by default, or the day given", async () => {
    const task = await monthlyTask();
    const first = await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 100 });
    expect(first.json()).toMatchObject({ completedOn: "2026-05-03" });
    expect(await taskRow(task.id)).toMatchObject({ progressPercent: 100, completedOn: "2026-05-03" });

    const other = await monthlyTask();
    const given = await submit(communeStaff, other.id, {
      periodKey: "2026-05",
      percent: 100,
      completedOn: "2026-05-02",
    });
    expect(given.statusCode, given.body).toBe(201);
    expect((await taskRow(other.id)).completedOn).toBe("2026-05-02");
  });

  describe("refuses with a clear code and writes nothing", () => {
    const cases: [string, Partial<TaskSpec>, Record<string, unknown>, number, string, string?][] = [
      [
        "a cancelled task",
        { state: "cancelled" },
        { periodKey: "2026-04", percent: 10 },
        409,
        "TASK_REPORT_TASK_CANCELLED",
      ],
      [
        "a paused task",
        { state: "paused" },
        { periodKey: "2026-04", percent: 10 },
        409,
        "TASK_REPORT_TASK_PAUSED",
      ],
      [
        "a period of another frequency",
        {},
        { periodKey: "2026-Q1", percent: 10 },
        400,
        "TASK_REPORT_PERIOD_UNKNOWN",
        "body.periodKey",
      ],
      [
        "a period outside the task's dates",
        { dueDate: "2026-03-31" },
        { periodKey: "2026-04", percent: 10 },
        400,
        "TASK_REPORT_PERIOD_UNKNOWN",
        "body.periodKey",
      ],
      [
        "a period that has not started",
        {},
        { periodKey: "2026-06", percent: 10 },
        400,
        "TASK_REPORT_PERIOD_NOT_STARTED",
        "body.periodKey",
      ],
      [
        "a task reported once whose start is ahead",
        { reportFrequency: null, startDate: "2026-06-01" },
        { periodKey: "final", percent: 10 },
        400,
        "TASK_REPORT_PERIOD_NOT_STARTED",
        "body.periodKey",
      ],
      [
        "a completion day in the future",
        {},
        { periodKey: "2026-05", percent: 100, completedOn: "2026-05-04" },
        400,
        "TASK_REPORT_COMPLETED_ON_FUTURE",
        "body.completedOn",
      ],
      [
        "a completion day before the task's start",
        { startDate: "2026-03-10" },
        { periodKey: "2026-04", percent: 100, completedOn: "2026-03-09" },
        400,
        "TASK_REPORT_COMPLETED_ON_BEFORE_START",
        "body.completedOn",
      ],
      [
        "a completion day below 100%",
        {},
        { periodKey: "2026-04", percent: 90, completedOn: "2026-04-20" },
        400,
        "TASK_REPORT_COMPLETED_ON_NOT_DONE",
        "body.completedOn",
      ],
    ];
    it.each(cases)("%s", async (_name, spec, payload, status, code, field) => {
      const task = await monthlyTask(spec);
      const before = await snapshot(task.id);
      const response = await submit(communeStaff, task.id, payload);
      await expectRefused(response, status, code, before, task.id);
      if (field) expect(response.json().error.issues).toEqual([{ path: field, message: expect.any(String) }]);
    });

    it("a task with children, saying its progress comes from them", async () => {
      const parent = await monthlyTask();
      await monthlyTask({ parent });
      const before = await snapshot(parent.id);
      const response = await submit(communeStaff, parent.id, { periodKey: "2026-04", percent: 10 });
      await expectRefused(response, 409, "TASK_REPORT_TASK_HAS_CHILDREN", before, parent.id);
      expect(response.json().error.message).toContain("nhiệm vụ con");
    });

    it("someone who sees the task but neither leads it nor is responsible for it", async () => {
      const task = await monthlyTask();
      const before = await snapshot(task.id);
      await expectRefused(
        await submit(communeMember, task.id, { periodKey: "2026-04", percent: 10 }),
        403,
        "TASK_REPORT_NOT_ALLOWED",
        before,
        task.id,
      );
    });

    it("a task without a lead unit, to all but the person responsible (no lead: the clear is missing)", async () => {
      const task = await monthlyTask({ lead: null });
      const before = await snapshot(task.id);
      await expectRefused(
        await submit(provinceStaff, task.id, { periodKey: "2026-04", percent: 10 }),
        403,
        "TASK_REPORT_NOT_ALLOWED",
        before,
        task.id,
      );
    });

    it("a period already reported and not returned", async () => {
      const task = await monthlyTask();
      expect((await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 30 })).statusCode).toBe(
        201,
      );
      const before = await snapshot(task.id);
      await expectRefused(
        await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 35, version: 1 }),
        409,
        "TASK_REPORT_ALREADY_SUBMITTED",
        before,
        task.id,
      );
    });
  });
});

describe("returning and accepting", () => {
  it("answers 404 outside the scope", async () => {
    const task = await monthlyTask();
    const report = (
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 30 })
    ).json() as TaskReport;
    const response = await review(outsider, task.id, report.id, "accept", { version: 1 });
    expect(response.statusCode).toBe(404);
    const missing = await review(provinceStaff, task.id, 999999999, "accept", { version: 1 });
    expect(missing.json().error.code).toBe("TASK_REPORT_NOT_FOUND");
  });

  it("needs a reason to return a report", async () => {
    const task = await monthlyTask();
    const report = (
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 30 })
    ).json() as TaskReport;
    const response = await review(provinceStaff, task.id, report.id, "return", { version: 1, reason: "  " });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "body.reason",
    ]);
    expect((await taskRow(task.id)).progressPercent).toBe(30);
  });

  it("lets only the assigning organisation review", async () => {
    const task = await monthlyTask();
    const report = (
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 30 })
    ).json() as TaskReport;
    const before = await snapshot(task.id);
    // Commune A manages tasks, but this one was assigned by the province.
    const response = await review(communeStaff, task.id, report.id, "accept", { version: 1 });
    await expectRefused(response, 403, "ACCESS_DENIED", before, task.id);
  });

  it("returns a report: it stops counting until it is submitted again, in place, at the version read", async () => {
    const task = await monthlyTask();
    const march = (
      await submit(communeStaff, task.id, { periodKey: "2026-03", percent: 20, actualValue: 10 })
    ).json();
    const april = (
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 50, actualValue: 40 })
    ).json() as TaskReport;
    expect(await taskRow(task.id)).toMatchObject({ progressPercent: 50, actualValue: 40 });

    const returned = await review(provinceStaff, task.id, april.id, "return", {
      version: 1,
      reason: "Số liệu chưa khớp với biên bản.",
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: "returned",
      returnReason: "Số liệu chưa khớp với biên bản.",
      version: 2,
      reviewedByName: expect.any(String),
      canReview: false,
    });
    // The March report counts again.
    expect(await taskRow(task.id)).toMatchObject({
      progressPercent: 20,
      actualValue: 10,
      lastReportedPeriodEnd: "2026-03-31",
    });
    expect(await auditRows("task.report_return", april.id)).toHaveLength(1);
    const view = await overview(communeStaff, task.id);
    expect(view.periods.find((period) => period.key === "2026-04")?.state).toBe("returned");

    // Submitted again at a stale version: refused, nothing written.
    const before = await snapshot(task.id);
    await expectRefused(
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 45, version: 1 }),
      409,
      "TASK_REPORT_VERSION_CONFLICT",
      before,
      task.id,
    );
    const again = await submit(communeStaff, task.id, {
      periodKey: "2026-04",
      percent: 45,
      actualValue: 38,
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: april.id, status: "submitted", percent: 45, version: 3 });
    expect(await taskRow(task.id)).toMatchObject({ progressPercent: 45, actualValue: 38 });
    const resubmitAudit = await auditRows("task.report_submit", april.id);
    expect(resubmitAudit).toHaveLength(2);
    expect(resubmitAudit[1]?.before).toMatchObject({ status: "returned", percent: 50 });
    expect(march.status).toBe("submitted");
  });

  it("returning a 100% report clears the completion", async () => {
    const task = await monthlyTask();
    await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 70 });
    const done = (
      await submit(communeStaff, task.id, { periodKey: "2026-05", percent: 100, completedOn: "2026-05-02" })
    ).json() as TaskReport;
    expect(await taskRow(task.id)).toMatchObject({ progressPercent: 100, completedOn: "2026-05-02" });
    const response = await review(provinceStaff, task.id, done.id, "return", {
      version: 1,
      reason: "Chưa đủ minh chứng.",
    });
    expect(response.statusCode).toBe(200);
    expect(await taskRow(task.id)).toMatchObject({
      progressPercent: 70,
      completedOn: null,
      lastReportedPeriodEnd: "2026-04-30",
    });
  });

  it("accepts a submitted report once, at the version read", async () => {
    const task = await monthlyTask();
    const report = (
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 30 })
    ).json() as TaskReport;
    const stale = await review(provinceStaff, task.id, report.id, "accept", { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("TASK_REPORT_VERSION_CONFLICT");

    const accepted = await review(provinceStaff, task.id, report.id, "accept", { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: "accepted",
      version: 2,
      canEdit: false,
      canReview: false,
    });
    expect((await taskRow(task.id)).progressPercent).toBe(30);
    expect(await auditRows("task.report_accept", report.id)).toHaveLength(1);

    const before = await snapshot(task.id);
    await expectRefused(
      await review(provinceStaff, task.id, report.id, "return", { version: 2, reason: "Muộn" }),
      409,
      "TASK_REPORT_NOT_AWAITING_REVIEW",
      before,
      task.id,
    );
    await expectRefused(
      await submit(communeStaff, task.id, { periodKey: "2026-04", percent: 60, version: 2 }),
      409,
      "TASK_REPORT_ALREADY_SUBMITTED",
      before,
      task.id,
    );
  });
});

describe("GET /api/task-reports/awaiting-review", () => {
  it("lists submitted reports on tasks the actor's organisations assigned, oldest first", async () => {
    const province = await createProvince(t.database.db);
    const staff = await t.actor([{ role: "committee_staff", orgId: province.province.id }]);
    const communeA = await t.actor([{ role: "committee_staff", orgId: province.communeA.id }]);
    const byProvince = await createTask(t.database.db, {
      owner: province.province,
      lead: province.communeA,
      startDate: "2026-01-01",
      title: "Kết nạp đảng viên mới",
    });
    const byCommune = await createTask(t.database.db, {
      owner: province.communeA,
      lead: province.cellA,
      startDate: "2026-01-01",
    });
    const first = (
      await submit(communeA, byProvince.id, { periodKey: "final", percent: 30 })
    ).json() as TaskReport;
    const second = (
      await submit(communeA, byCommune.id, { periodKey: "final", percent: 60 })
    ).json() as TaskReport;

    const all = await t.call(staff, { method: "GET", url: "/api/task-reports/awaiting-review" });
    expect(all.statusCode, all.body).toBe(200);
    const page = all.json() as { items: AwaitingTaskReport[]; total: number; page: number; pageSize: number };
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(page.items.map((item) => item.id)).toEqual([first.id, second.id]);
    expect(page.items[0]).toMatchObject({
      periodKey: "final",
      percent: 30,
      fileCount: 0,
      version: 1,
      task: {
        id: byProvince.id,
        title: "Kết nạp đảng viên mới",
        ownerOrg: { id: province.province.id },
        leadOrg: { id: province.communeA.id },
      },
    });

    // Commune A reviews only what it assigned.
    const commune = await t.call(communeA, { method: "GET", url: "/api/task-reports/awaiting-review" });
    expect((commune.json() as { items: AwaitingTaskReport[] }).items.map((item) => item.id)).toEqual([
      second.id,
    ]);

    // Narrowed to an organisation: tasks assigned within it.
    const under = await t.call(staff, {
      method: "GET",
      url: `/api/task-reports/awaiting-review?orgId=${province.communeA.id}`,
    });
    expect((under.json() as { items: AwaitingTaskReport[] }).items.map((item) => item.id)).toEqual([
      second.id,
    ]);

    // Reviewed reports leave the list.
    await review(staff, byProvince.id, first.id, "accept", { version: 1 });
    const after = await t.call(staff, { method: "GET", url: "/api/task-reports/awaiting-review?pageSize=1" });
    expect(after.json()).toMatchObject({ total: 1, pageSize: 1, items: [{ id: second.id }] });
    const past = await t.call(staff, {
      method: "GET",
      url: "/api/task-reports/awaiting-review?page=3&pageSize=1",
    });
    expect(past.json()).toMatchObject({ total: 1, page: 3, items: [] });
  });

  it("answers 404 for an organisation outside the scope, 400 for a bad page size, 401 signed out", async () => {
    const outside = await t.call(communeStaff, {
      method: "GET",
      url: `/api/task-reports/awaiting-review?orgId=${p.communeB.id}`,
    });
    expect(outside.statusCode).toBe(404);
    const bad = await t.call(communeStaff, {
      method: "GET",
      url: "/api/task-reports/awaiting-review?pageSize=500",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "querystring.pageSize",
    ]);
    expect((await t.call(null, { method: "GET", url: "/api/task-reports/awaiting-review" })).statusCode).toBe(
      401,
    );
  });
});
