// The dashboard's reports awaiting review and plans missing clears come from precomputed rows
// (migration 0024: per organisation, and per node at the top two levels). After each kind of change
// they must equal a recomputation from the task and report rows, seen from a province (a node row),
// a commune (a node row), a cell (organisation rows), the whole scope of two provinces and a scope of
// a commune and a cell in another commune.
import type { TaskDashboard } from "@namro/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow, TaskRow } from "../../db/schema.ts";

let t: TestApp;
let province: OrganisationRow;
let otherProvince: OrganisationRow;
let c1: OrganisationRow;
let c2: OrganisationRow;
let k1: OrganisationRow; // under c1
let k2: OrganisationRow; // under c2, moved in a test
let g1: OrganisationRow; // under k1 (level 4)
let planA: number;
let planB: number;
let tasks: TaskRow[] = [];
let nextMinute = 0;

interface View {
  label: string;
  session: TestSession;
  orgId: number | null;
  paths: () => string[];
}
let views: View[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Hà Giang", typeCode: "tinh_uy" });
  otherProvince = await createOrg(db, null, { name: "Tỉnh ủy Cao Bằng", typeCode: "tinh_uy" });
  c1 = await createOrg(db, province, { name: "Đảng ủy xã Đồng Văn", typeCode: "dang_uy_xa" });
  c2 = await createOrg(db, province, { name: "Đảng ủy xã Mèo Vạc", typeCode: "dang_uy_xa" });
  k1 = await createOrg(db, c1, { name: "Chi bộ thôn Lũng Cú", typeCode: "chi_bo_truc_thuoc" });
  k2 = await createOrg(db, c2, { name: "Chi bộ thôn Pả Vi", typeCode: "chi_bo_truc_thuoc" });
  g1 = await createOrg(db, k1, { name: "Tổ đảng Lũng Cú 1", typeCode: "chi_bo_truc_thuoc" });
  const plan = async (owner: OrganisationRow, number: string) =>
    (
      await createDocument(db, {
        ownerOrgId: owner.id,
        typeAbbreviation: "KH",
        number,
        issuedOn: "2026-01-10",
        subject: `Kế hoạch ${number}`,
      })
    ).id;
  planA = await plan(province, "07");
  planB = await plan(c1, "02");

  const base = { startDate: "2026-01-01", dueDate: "2026-12-31" };
  const root = await createTask(db, {
    ...base,
    owner: province,
    planDocumentId: planA,
    missingClears: ["time"],
  });
  const toC1 = await createTask(db, {
    ...base,
    owner: province,
    lead: c1,
    parent: root,
    planDocumentId: planA,
  });
  const specs = [
    { owner: c1, lead: k1, parent: toC1, planDocumentId: planA, missingClears: ["person"] },
    { owner: c1, lead: g1, parent: toC1, planDocumentId: planA },
    { owner: province, lead: c2, planDocumentId: planA, missingClears: ["result"] },
    { owner: c1, planDocumentId: planB, missingClears: ["person", "time"] },
    { owner: c1, lead: k1, planDocumentId: planB },
    { owner: k1, missingClears: ["work"] },
    { owner: k2, missingClears: ["work"] },
    { owner: k2, planDocumentId: planA },
    { owner: g1, planDocumentId: planB, missingClears: ["authority"] },
    { owner: otherProvince, missingClears: ["time"] },
  ];
  for (const spec of specs) await createTask(db, { ...base, ...spec });
  tasks = await db.selectFrom("tasks").selectAll().orderBy("id").execute();
  // Reports awaiting review on most tasks, more than five under each province, two at the same moment.
  for (const task of tasks) await submit(task.id, "2026-04");
  for (const task of tasks.filter((_, i) => i % 2 === 0)) await submit(task.id, "2026-05");
  await submit(tasks[5]?.id as number, "2026-06", nextMinute - 1);
  // Reports already reviewed: never counted.
  await db
    .updateTable("taskReports")
    .set({ status: "accepted" })
    .where("periodKey", "=", "2026-04")
    .where("taskId", "=", tasks[3]?.id as number)
    .execute();

  const leader = (org: OrganisationRow) => t.actor([{ role: "committee_leader", orgId: org.id }]);
  const both = await t.actor([
    { role: "committee_leader", orgId: province.id },
    { role: "committee_leader", orgId: otherProvince.id },
  ]);
  const split = await t.actor([
    { role: "committee_staff", orgId: c1.id },
    { role: "committee_staff", orgId: k2.id },
  ]);
  views = [
    { label: "province", session: await leader(province), orgId: null, paths: () => [province.path] },
    { label: "commune", session: await leader(province), orgId: c1.id, paths: () => [c1.path] },
    { label: "cell", session: await leader(province), orgId: k1.id, paths: () => [k1.path] },
    { label: "two provinces", session: both, orgId: null, paths: () => [province.path, otherProvince.path] },
    { label: "commune and cell", session: split, orgId: null, paths: () => [c1.path, k2.path] },
  ];
});

afterAll(async () => {
  await t?.close();
});

/** A report submitted for the period, each a minute after the last unless `minute` is given. */
async function submit(taskId: number, period: string, minute?: number): Promise<number> {
  const at = minute ?? nextMinute++;
  const row = await t.database.db
    .insertInto("taskReports")
    .values({
      taskId,
      periodKey: period,
      periodStart: `${period}-01`,
      periodEnd: `${period}-28`,
      percent: 40,
      submittedAt: new Date(Date.UTC(2026, 5, 1, 8, at)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

async function expected(paths: string[]) {
  const db = t.database.db;
  const all = await db.selectFrom("tasks").selectAll().execute();
  const reports = await db.selectFrom("taskReports").selectAll().execute();
  const under = (path: string) => paths.some((root) => within(path, root));
  const byId = new Map(all.map((task) => [Number(task.id), task]));
  const waiting = reports
    .filter((r) => r.status === "submitted" && under(byId.get(Number(r.taskId))?.ownerPath ?? ""))
    .sort(
      (a, b) =>
        new Date(a.submittedAt).getTime() - new Date(b.submittedAt).getTime() || Number(a.id) - Number(b.id),
    );
  const plans = new Map<number, { tasks: number; tasksMissing: number }>();
  for (const task of all) {
    if (task.state === "cancelled" || !under(task.orgPath)) continue;
    const key = Number(task.planDocumentId ?? 0);
    const entry = plans.get(key) ?? { tasks: 0, tasksMissing: 0 };
    entry.tasks += 1;
    if (task.missingClears.length > 0) entry.tasksMissing += 1;
    plans.set(key, entry);
  }
  const missing = [...plans.entries()]
    .filter(([, entry]) => entry.tasksMissing > 0)
    .sort(([a, x], [b, y]) => y.tasksMissing - x.tasksMissing || Number(a === 0) - Number(b === 0) || a - b)
    .slice(0, 10)
    .map(([plan, entry]) => ({ planId: plan === 0 ? null : plan, ...entry }));
  return {
    awaiting: { total: waiting.length, ids: waiting.slice(0, 5).map((r) => Number(r.id)) },
    missing,
  };
}

/** Every view's dashboard parts equal the recomputation; returns the province's for further checks. */
async function checkViews(): Promise<Map<string, TaskDashboard>> {
  const seen = new Map<string, TaskDashboard>();
  for (const view of views) {
    const query = view.orgId === null ? "" : `?orgId=${view.orgId}`;
    const response = await t.call(view.session, { method: "GET", url: `/api/task-dashboard${query}` });
    expect(response.statusCode, `${view.label}: ${response.body}`).toBe(200);
    const dashboard = response.json() as TaskDashboard;
    const want = await expected(view.paths());
    expect(
      {
        total: dashboard.awaitingReview.total,
        ids: dashboard.awaitingReview.items.map((item) => item.id),
      },
      view.label,
    ).toEqual(want.awaiting);
    expect(
      dashboard.missingClears.map((row) => ({
        planId: row.plan?.id ?? null,
        tasks: row.tasks,
        tasksMissing: row.tasksMissing,
      })),
      view.label,
    ).toEqual(want.missing);
    seen.set(view.label, dashboard);
  }
  return seen;
}

describe("the dashboard's precomputed reports awaiting review and plans missing clears", () => {
  it("equal the recomputation from the start, with the items' details", async () => {
    const seen = await checkViews();
    const provinceView = seen.get("province");
    expect(provinceView?.awaitingReview.total).toBeGreaterThan(5);
    const first = provinceView?.awaitingReview.items[0];
    const report = await t.database.db
      .selectFrom("taskReports")
      .innerJoin("tasks", "tasks.id", "taskReports.taskId")
      .select(["taskReports.periodKey", "tasks.title", "taskReports.taskId"])
      .where("taskReports.id", "=", first?.id as number)
      .executeTakeFirstOrThrow();
    expect(first).toMatchObject({
      taskId: Number(report.taskId),
      taskTitle: report.title,
      periodKey: report.periodKey,
      percent: 40,
    });
    expect(seen.get("cell")?.missingClears.length).toBeGreaterThan(0);
  });

  it("follow reports submitted, accepted, returned and resubmitted, and removed", async () => {
    const db = t.database.db;
    const k1Task = tasks.find((task) => task.ownerOrgId === k1.id) as TaskRow;
    // Submitted before every other report under the cell: first in its list.
    const early = await submit(k1Task.id, "2026-03", -100);
    const seen = await checkViews();
    expect(seen.get("cell")?.awaitingReview.items[0]?.id).toBe(early);
    await db.updateTable("taskReports").set({ status: "accepted" }).where("id", "=", early).execute();
    await checkViews();
    await db
      .updateTable("taskReports")
      .set({ status: "returned" })
      .where("taskId", "=", tasks[0]?.id as number)
      .execute();
    await checkViews();
    await db
      .updateTable("taskReports")
      .set({ status: "submitted", submittedAt: new Date("2026-06-14T08:00:00Z") })
      .where("taskId", "=", tasks[0]?.id as number)
      .execute();
    await checkViews();
    await db
      .deleteFrom("taskReports")
      .where("taskId", "=", tasks[2]?.id as number)
      .execute();
    await checkViews();
  });

  it("follow tasks removed, handed to another owner, cancelled, given their clears or another plan", async () => {
    const db = t.database.db;
    const removed = await createTask(db, { owner: g1, planDocumentId: planA, missingClears: ["time"] });
    await submit(removed.id, "2026-05", -200);
    await checkViews();
    // The report goes with its task.
    await db.deleteFrom("tasks").where("id", "=", removed.id).execute();
    await checkViews();
    const k2Task = tasks.find((task) => task.ownerOrgId === k2.id) as TaskRow;
    await db
      .updateTable("tasks")
      .set({ ownerOrgId: k1.id, ownerPath: k1.path })
      .where("id", "=", k2Task.id)
      .execute();
    await checkViews();
    await db
      .updateTable("tasks")
      .set({ state: "cancelled" })
      .where("id", "=", tasks[4]?.id as number)
      .execute();
    await checkViews();
    await db.updateTable("tasks").set({ missingClears: [] }).where("ownerOrgId", "=", c1.id).execute();
    await checkViews();
    await db
      .updateTable("tasks")
      .set({ planDocumentId: planB })
      .where("planDocumentId", "=", planA)
      .execute();
    await checkViews();
  });

  it("follow an organisation moved to another province and back, its level changing", async () => {
    const db = t.database.db;
    const move = (path: string, parentId: number) =>
      sql`UPDATE organisations SET parent_id = ${parentId}, path = text2ltree(${path}) WHERE id = ${k2.id}`.execute(
        db,
      );
    await move(`${otherProvince.path}.${k2.id}`, otherProvince.id);
    k2 = await db.selectFrom("organisations").selectAll().where("id", "=", k2.id).executeTakeFirstOrThrow();
    try {
      await checkViews();
    } finally {
      await move(`${c2.path}.${k2.id}`, c2.id);
      k2 = await db.selectFrom("organisations").selectAll().where("id", "=", k2.id).executeTakeFirstOrThrow();
    }
    await checkViews();
  });

  it("are rebuilt on a new day", async () => {
    const db = t.database.db;
    await sql`UPDATE task_rollup_state SET as_of = '2026-06-14'`.execute(db);
    await sql`UPDATE task_rollup_plan_nodes SET tasks_missing = 999`.execute(db);
    await sql`UPDATE task_rollup_review_nodes SET awaiting = 999, oldest = '{}'`.execute(db);
    await sql`UPDATE task_rollup_reviews SET awaiting = 999, oldest = '{}'`.execute(db);
    await checkViews();
  });
});
