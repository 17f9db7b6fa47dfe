// Progress roll-up through the task tree: a report moves its task and every ancestor in the same
// transaction (weighted mean, values summed, completion once every non-cancelled child is done, cleared
// when a report is returned), refreshTaskProgress serves other changes to children, and reports on many
// sibling tasks at once leave the parent equal to a recomputation from scratch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvince } from "../../../test/factories.ts";
import { createTask, type TaskSpec } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { TaskRow } from "../../db/schema.ts";
import { refreshTaskProgress } from "./tasks.reports.progress.ts";

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

const task = (spec: Partial<TaskSpec> & { parent?: TaskRow | null }) =>
  createTask(t.database.db, { owner: p.province, startDate: "2026-01-01", dueDate: "2026-12-31", ...spec });

const row = (id: number) =>
  t.database.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

async function report(session: TestSession, taskId: number, payload: Record<string, unknown>) {
  const response = await t.call(session, {
    method: "POST",
    url: `/api/tasks/${taskId}/reports`,
    payload: { periodKey: "final", narrative: "Đã triển khai.", ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number };
}

/** The parent's figures recomputed from its children's rows, independently of the service's code. */
async function fromScratch(parentId: number) {
  const children = await t.database.db
    .selectFrom("tasks")
    .select(["weight", "progressPercent", "actualValue", "completedOn", "state"])
    .where("parentId", "=", parentId)
    .execute();
  const counting = children.filter((child) => child.state !== "cancelled");
  const sumWeight = counting.reduce((sum, child) => sum + Number(child.weight), 0);
  const weighted = counting.reduce(
    (sum, child) => sum + Number(child.weight) * (child.completedOn ? 100 : Number(child.progressPercent)),
    0,
  );
  const values = counting.filter((child) => child.actualValue !== null);
  return {
    progressPercent: Math.round((weighted / sumWeight) * 100) / 100,
    actualValue:
      values.length === 0 ? null : values.reduce((sum, child) => sum + Number(child.actualValue), 0),
    completedOn: counting.every((child) => child.completedOn)
      ? (counting
          .map((child) => child.completedOn as string)
          .sort()
          .at(-1) ?? null)
      : null,
  };
}

describe("progress through the tree", () => {
  it("moves every ancestor with a report, and back when a report is returned", async () => {
    // province task → commune A's part (weight 1) → cell A's part; commune B's part (weight 3)
    const root = await task({ title: "Kết nạp 120 đảng viên", targetValue: 120 });
    const partA = await task({ parent: root, lead: p.communeA, weight: 1, targetValue: 40 });
    const cellPart = await task({ parent: partA, owner: p.communeA, lead: p.cellA, targetValue: 40 });
    const partB = await task({ parent: root, lead: p.communeB, weight: 3, targetValue: 80 });

    await report(communeStaff, cellPart.id, { percent: 50, actualValue: 20 });
    expect(await row(partA.id)).toMatchObject({ progressPercent: 50, actualValue: 20, completedOn: null });
    expect(await row(root.id)).toMatchObject({ progressPercent: 12.5, actualValue: 20, completedOn: null });

    await report(provinceStaff, partB.id, { percent: 100, actualValue: 80, completedOn: "2026-06-10" });
    expect(await row(root.id)).toMatchObject({ progressPercent: 87.5, actualValue: 100, completedOn: null });

    // The cell's part is resubmitted as done after a return: every level finishes.
    const cellReport = await t.database.db
      .selectFrom("taskReports")
      .select(["id", "version"])
      .where("taskId", "=", cellPart.id)
      .executeTakeFirstOrThrow();
    const returned = await t.call(communeStaff, {
      method: "POST",
      url: `/api/tasks/${cellPart.id}/reports/${cellReport.id}/return`,
      payload: { version: cellReport.version, reason: "Thiếu danh sách" },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await row(partA.id)).toMatchObject({ progressPercent: 0, actualValue: null });
    expect(await row(root.id)).toMatchObject({ progressPercent: 75, actualValue: 80, completedOn: null });

    await report(communeStaff, cellPart.id, {
      percent: 100,
      actualValue: 41,
      completedOn: "2026-06-18",
      version: cellReport.version + 1,
    });
    expect(await row(partA.id)).toMatchObject({ progressPercent: 100, completedOn: "2026-06-18" });
    expect(await row(root.id)).toMatchObject({
      progressPercent: 100,
      actualValue: 121,
      completedOn: "2026-06-18",
    });
    expect((await row(root.id)).lastReportAt).not.toBeNull();

    // Returning commune B's finished report takes the completion off the root again.
    const reportB = await t.database.db
      .selectFrom("taskReports")
      .select(["id", "version"])
      .where("taskId", "=", partB.id)
      .executeTakeFirstOrThrow();
    await t.call(provinceStaff, {
      method: "POST",
      url: `/api/tasks/${partB.id}/reports/${reportB.id}/return`,
      payload: { version: reportB.version, reason: "Số liệu chưa đúng" },
    });
    expect(await row(root.id)).toMatchObject({ progressPercent: 25, actualValue: 41, completedOn: null });
    expect(await row(root.id)).toMatchObject(await fromScratch(root.id));
  });

  it("refreshTaskProgress recomputes after a child changes outside a report (a child cancelled)", async () => {
    const root = await task({});
    const done = await task({ parent: root, lead: p.communeA });
    const stalled = await task({ parent: root, lead: p.communeB });
    await report(communeStaff, done.id, { percent: 100, completedOn: "2026-06-01" });
    expect(await row(root.id)).toMatchObject({ progressPercent: 50, completedOn: null });

    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable("tasks").set({ state: "cancelled" }).where("id", "=", stalled.id).execute();
      await refreshTaskProgress(trx, stalled.id);
    });
    expect(await row(root.id)).toMatchObject({ progressPercent: 100, completedOn: "2026-06-01" });
  });
});

describe("roll-up consistency under concurrent reports", () => {
  it("takes one of two reports sent at once for the same period and refuses the other", async () => {
    const one = await task({ lead: p.communeA });
    const responses = await Promise.all(
      [30, 70].map((percent) =>
        t.call(communeStaff, {
          method: "POST",
          url: `/api/tasks/${one.id}/reports`,
          payload: { periodKey: "final", percent, narrative: "Đã triển khai." },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort((a, b) => a - b)).toEqual([201, 409]);
    const refused = responses.find((response) => response.statusCode === 409);
    expect(refused?.json().error.code).toBe("TASK_REPORT_ALREADY_SUBMITTED");
    const taken = responses.find((response) => response.statusCode === 201)?.json() as { percent: number };
    expect((await row(one.id)).progressPercent).toBe(taken.percent);
  });

  it("keeps the parent equal to a recomputation from scratch after 20 sibling reports at once", async () => {
    const root = await task({ title: "Chỉ tiêu toàn tỉnh" });
    const parent = await task({ parent: root, lead: p.communeA, weight: 2 });
    const other = await task({ parent: root, lead: p.communeB, weight: 1 });
    const children: TaskRow[] = [];
    for (let i = 0; i < 20; i++) {
      children.push(await task({ parent, owner: p.communeA, lead: p.cellA, weight: (i % 4) + 1 }));
    }
    const percents = children.map((_, i) => (i * 7) % 101);
    const responses = await Promise.all(
      children.map((child, i) =>
        t.call(provinceStaff, {
          method: "POST",
          url: `/api/tasks/${child.id}/reports`,
          payload: {
            periodKey: "final",
            percent: percents[i],
            actualValue: i + 1,
            narrative: "Đã triển khai.",
          },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(children.map(() => 201));

    for (const [i, child] of children.entries()) {
      expect((await row(child.id)).progressPercent).toBe(percents[i]);
    }
    const expected = await fromScratch(parent.id);
    expect(expected.actualValue).toBe(210);
    expect(await row(parent.id)).toMatchObject(expected);
    expect(await row(root.id)).toMatchObject(await fromScratch(root.id));
    expect((await row(other.id)).progressPercent).toBe(0);
  });
});
