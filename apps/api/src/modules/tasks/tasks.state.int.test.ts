// Pausing or cancelling a task stops the tasks under it in the same transaction (not those done or
// already cancelled; a task paused on its own keeps its pause), with the count in the audit row;
// resuming it resumes exactly the tasks it stopped; a task under a stopped one is neither resumed
// alone nor reported.
import type { TaskDetail, TaskReportsOverview } from "@namro/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { TaskRow } from "../../db/schema.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let provinceStaff: TestSession;
let communeStaff: TestSession;

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-20T03:00:00Z" });
  p = await createProvince(t.database.db);
  provinceStaff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: p.communeA.id }]);
});
afterAll(async () => {
  await t.close();
});

const rowOf = (id: number) =>
  t.database.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

/**
 * X (the province's, led by commune A) with, under it: M, itself split into a leaf L; an active leaf
 * Y; a leaf D already done; a leaf P paused on its own; a leaf C already cancelled.
 */
async function tree() {
  const db = t.database.db;
  const spec = { owner: p.province, lead: p.communeA, startDate: "2026-01-01", dueDate: "2026-12-31" };
  const x = await createTask(db, spec);
  const child = (parent: TaskRow, extra: Partial<TaskRow> = {}) =>
    createTask(db, { ...spec, owner: p.communeA, parent, ...extra });
  const m = await child(x);
  const l = await child(m);
  const y = await child(x);
  const d = await child(x, { completedOn: "2026-05-30", progressPercent: 100 });
  const pausedAlone = await child(x, { state: "paused", stateReason: "Chờ kinh phí" });
  const c = await child(x, { state: "cancelled", stateReason: "Không còn phù hợp" });
  return { x, m, l, y, d, pausedAlone, c };
}

async function changeState(session: TestSession, id: number, state: string, reason?: string) {
  const { version } = (await rowOf(id)) as { version: number };
  return t.call(session, {
    method: "POST",
    url: `/api/tasks/${id}/state`,
    payload: { state, version, ...(reason ? { reason } : {}) },
  });
}

describe("a task's state and the tasks under it", () => {
  it("cancelling cancels the running tasks under it, audited with their count; the others stay", async () => {
    const { x, m, l, y, d, pausedAlone, c } = await tree();
    const response = await changeState(provinceStaff, x.id, "cancelled", "Chủ trương thay đổi");
    expect(response.statusCode, response.body).toBe(200);
    for (const task of [m, l, y, pausedAlone]) {
      const row = await rowOf(task.id);
      expect(row, `task ${task.id}`).toMatchObject({
        state: "cancelled",
        stateReason: "Chủ trương thay đổi",
        stateSetByTaskId: x.id,
        version: task.version + 1,
      });
    }
    expect(await rowOf(d.id)).toMatchObject({
      state: "active",
      completedOn: "2026-05-30",
      version: d.version,
    });
    expect(await rowOf(c.id)).toMatchObject({ state: "cancelled", stateReason: "Không còn phù hợp" });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "after"])
      .where("entityType", "=", "task")
      .where("entityId", "=", String(x.id))
      .execute();
    expect(audit).toMatchObject([
      { action: "task.state_change", after: { state: "cancelled", subordinateTasks: 4 } },
    ]);

    // the commune sees the tasks under it cancelled, and may not report them
    const list = await t.call(communeStaff, { method: "GET", url: `/api/tasks?parentId=${x.id}` });
    expect(
      list
        .json()
        .items.map((item: { status: string }) => item.status)
        .sort(),
    ).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "done_on_time"]);
    const report = await t.call(communeStaff, {
      method: "POST",
      url: `/api/tasks/${y.id}/reports`,
      payload: { periodKey: "final", percent: 40, narrative: "Đã triển khai." },
    });
    expect(report.json().error?.code, report.body).toBe("TASK_REPORT_TASK_CANCELLED");
  });

  it("pausing pauses the running ones; resuming resumes those, not the one paused on its own", async () => {
    const { x, l, y, pausedAlone } = await tree();
    expect((await changeState(provinceStaff, x.id, "paused", "Chờ chỉ đạo")).statusCode).toBe(200);
    expect(await rowOf(y.id)).toMatchObject({
      state: "paused",
      stateReason: "Chờ chỉ đạo",
      stateSetByTaskId: x.id,
    });
    expect(await rowOf(pausedAlone.id)).toMatchObject({
      state: "paused",
      stateReason: "Chờ kinh phí",
      stateSetByTaskId: null,
    });

    // a task under a paused one is not resumed alone, nor reported
    const alone = await changeState(provinceStaff, y.id, "active");
    expect(alone.statusCode, alone.body).toBe(409);
    expect(alone.json().error.code).toBe("TASK_STATE_ANCESTOR_STOPPED");
    expect((await rowOf(y.id)).state).toBe("paused");

    expect((await changeState(provinceStaff, x.id, "active")).statusCode).toBe(200);
    for (const task of [l, y]) {
      expect(await rowOf(task.id)).toMatchObject({
        state: "active",
        stateReason: null,
        stateSetByTaskId: null,
      });
    }
    expect(await rowOf(pausedAlone.id)).toMatchObject({ state: "paused", stateReason: "Chờ kinh phí" });
    const report = await t.call(communeStaff, {
      method: "POST",
      url: `/api/tasks/${y.id}/reports`,
      payload: { periodKey: "final", percent: 40, narrative: "Đã triển khai." },
    });
    expect(report.statusCode, report.body).toBe(201);
  });

  it("refuses a report on a task added under a paused one, and says why", async () => {
    const { x } = await tree();
    expect((await changeState(provinceStaff, x.id, "paused", "Chờ chỉ đạo")).statusCode).toBe(200);
    const late = await createTask(t.database.db, {
      owner: p.communeA,
      lead: p.communeA,
      parent: x,
      dueDate: "2026-12-31",
    });
    const overview = await t.call(communeStaff, { method: "GET", url: `/api/tasks/${late.id}/reports` });
    expect(overview.json() as TaskReportsOverview).toMatchObject({
      blockedReason: "paused",
      canReport: false,
    });
    const report = await t.call(communeStaff, {
      method: "POST",
      url: `/api/tasks/${late.id}/reports`,
      payload: { periodKey: "final", percent: 40, narrative: "Đã triển khai." },
    });
    expect(report.json().error?.code, report.body).toBe("TASK_REPORT_TASK_PAUSED");
  });

  it("shows the number of tasks under it in the detail the confirmation reads", async () => {
    const { x } = await tree();
    const detail = (
      await t.call(provinceStaff, { method: "GET", url: `/api/tasks/${x.id}` })
    ).json() as TaskDetail;
    expect(detail.childCount).toBe(5);
  });
});
