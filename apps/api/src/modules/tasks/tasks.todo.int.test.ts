// "Việc cần làm" on a real database: each group holds the tasks the person's unit leads or that name
// the person, carried out directly, active and unfinished — and nothing of other units, of split
// tasks, of finished or cancelled ones; counts beyond the few listed.
import { TASK_TODO_GROUP_ITEMS, type TaskTodo } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTask, type TaskSpec } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { TaskRow } from "../../db/schema.ts";

// 10:00 in Việt Nam on 03/07/2026: June's report is due (by 05/07), May's is late.
const NOW = "2026-07-03T03:00:00Z";
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

let t: TestApp;
let fx: Awaited<ReturnType<typeof createProvince>>;
let secretary: TestSession;
let person: TestSession;
let staffB: TestSession;

function task(spec: Partial<TaskSpec> = {}): Promise<TaskRow> {
  return createTask(t.database.db, {
    owner: fx.communeA,
    lead: fx.cellA,
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    ...spec,
  });
}

async function todo(session: TestSession): Promise<TaskTodo> {
  const response = await t.call(session, { method: "GET", url: "/api/task-todo" });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TaskTodo;
}

const ids = (group: TaskTodo[keyof Omit<TaskTodo, "today" | "reportsForUnits">]) =>
  group.items.map((item) => item.taskId);

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  fx = await createProvince(t.database.db);
  secretary = await t.actor([{ role: "cell_secretary", orgId: fx.cellA.id }]);
  person = await t.actor([{ role: "member", orgId: fx.cellB.id }]);
  staffB = await t.actor([{ role: "committee_staff", orgId: fx.communeB.id }]);
});

afterAll(async () => {
  await t?.close();
});

describe("GET /api/task-todo", () => {
  it("asks for a sign-in", async () => {
    expect((await t.call(null, { method: "GET", url: "/api/task-todo" })).statusCode).toBe(401);
  });

  it("lists what the cell must do: late and due reports, overdue, returned, newly assigned", async () => {
    const monthly = { schedule: "continuous", reportFrequency: "monthly", startDate: "2026-01-01" } as const;
    const late = await task({ ...monthly, lastReportedPeriodEnd: "2026-04-30", progressPercent: 30 });
    const due = await task({ ...monthly, lastReportedPeriodEnd: "2026-05-31", progressPercent: 50 });
    const reported = await task({ ...monthly, lastReportedPeriodEnd: "2026-06-30", progressPercent: 60 });
    const overdue = await task({ dueDate: "2026-06-20", title: "Nộp báo cáo sơ kết" });
    const returned = await task({ dueDate: "2026-12-31" });
    await t.database.db
      .insertInto("taskReports")
      .values({
        taskId: returned.id,
        periodKey: "final",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        percent: 60,
        status: "returned",
        returnReason: "Thiếu biên bản",
        submittedBy: secretary.accountId,
        reviewedAt: new Date("2026-07-01T08:00:00Z"),
      })
      .execute();
    const assigned = await task({ dueDate: "2026-09-30", createdAt: new Date("2026-07-01T02:00:00Z") });
    // Not the cell's to do: split among sub-units, finished, cancelled, another unit's, its own new task.
    const split = await task({ dueDate: "2026-06-10" });
    await task({ parent: split, owner: fx.cellA, lead: fx.cellA, dueDate: "2026-09-30" });
    await task({ dueDate: "2026-06-10", completedOn: "2026-06-09", progressPercent: 100 });
    await task({ dueDate: "2026-06-10", state: "cancelled" });
    await task({ owner: fx.communeB, lead: fx.cellB, dueDate: "2026-06-10" });
    await task({ owner: fx.cellA, dueDate: "2026-09-30", createdAt: new Date("2026-07-01T02:00:00Z") });

    const answer = await todo(secretary);
    expect(answer.today).toBe("2026-07-03");
    expect(answer.reportsForUnits).toBe(true);
    expect(ids(answer.reportLate)).toEqual([late.id]);
    expect(ids(answer.reportDue)).toEqual([due.id]);
    expect(ids(answer.overdue)).toEqual([overdue.id]);
    expect(answer.overdue.items[0]).toEqual({
      taskId: overdue.id,
      title: "Nộp báo cáo sơ kết",
      dueDate: "2026-06-20",
      orgName: fx.cellA.name,
      periodKey: null,
      reason: null,
    });
    expect(answer.returned.items).toEqual([
      expect.objectContaining({ taskId: returned.id, periodKey: "final", reason: "Thiếu biên bản" }),
    ]);
    expect(ids(answer.assigned)).toEqual([assigned.id]);
    expect(answer.reportLate.total + answer.reportDue.total).toBe(2);
    expect([...ids(answer.reportLate), ...ids(answer.reportDue)]).not.toContain(reported.id);
  });

  it("gives a person without a reporting role the tasks naming them, and nothing of their cell", async () => {
    const mine = await task({
      owner: fx.communeB,
      lead: fx.communeB,
      responsibleAccountId: person.accountId,
      dueDate: "2026-06-15",
    });
    await task({ owner: fx.communeB, lead: fx.cellB, dueDate: "2026-06-15" });
    const answer = await todo(person);
    expect(answer.reportsForUnits).toBe(false);
    expect(ids(answer.overdue)).toEqual([mine.id]);
    expect(answer.reportLate.total + answer.returned.total + answer.assigned.total).toBe(0);
  });

  it("counts every task of a group but lists the first few, earliest due first", async () => {
    const days = [
      "2026-06-25",
      "2026-06-05",
      "2026-06-15",
      "2026-06-01",
      "2026-06-20",
      "2026-06-10",
      "2026-06-12",
    ];
    for (const dueDate of days) await task({ owner: fx.province, lead: fx.communeB, dueDate });
    const answer = await todo(staffB);
    // One more of commune B's own (the person's, above).
    expect(answer.overdue.total).toBe(days.length + 1);
    expect(answer.overdue.items).toHaveLength(TASK_TODO_GROUP_ITEMS);
    const shown = answer.overdue.items.map((item) => item.dueDate);
    expect(shown).toEqual(["2026-06-01", "2026-06-05", "2026-06-10", "2026-06-12", "2026-06-15"]);
  });
});
