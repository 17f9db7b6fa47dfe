// Roll-ups and the dashboard on a hand-built tree (province → three communes → cells): every figure
// the routes give equals a recomputation in TypeScript from the task rows (THE status rule, the
// domain's formulas), for each formula, with a plan, a directive and a period; drill-down to a
// commune; what a commune user sees; 401/400/404; the workbook read back.
import type { RollupFigures, TaskDashboard, TaskRollup } from "@namro/contracts";
import {
  onTimeRate,
  type ProgressFormula,
  type RollupTaskFacts,
  rollupInputsOf,
  rollupProgress,
  taskRunsDuring,
  toSearchKey,
} from "@namro/domain";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkImplements } from "../../../test/cascade-factories.ts";
import { createDocument } from "../../../test/document-factories.ts";
import { createOrg } from "../../../test/factories.ts";
import { createTask } from "../../../test/task-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { OrganisationRow, TaskRow } from "../../db/schema.ts";

const NOW = "2026-06-15T03:00:00Z";
const TODAY = "2026-06-15";

let t: TestApp;
let province: OrganisationRow;
let communes: OrganisationRow[];
let cells: OrganisationRow[];
let otherProvince: OrganisationRow;
let provinceStaff: TestSession;
let communeStaff: TestSession; // committee_staff of commune 1
let planA: number; // weighted
let planB: number; // commune 2's plan implementing plan A
let directive: number; // plan A implements it
let hiddenPlan: number; // another province's

const get = (session: TestSession | null, url: string) => t.call(session, { method: "GET", url });

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.database.db;
  province = await createOrg(db, null, { name: "Tỉnh ủy Hòa Bình", typeCode: "tinh_uy" });
  communes = [
    await createOrg(db, province, { name: "Đảng ủy xã An Lạc", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Bình Minh", typeCode: "dang_uy_xa" }),
    await createOrg(db, province, { name: "Đảng ủy xã Cao Sơn", typeCode: "dang_uy_xa" }),
  ];
  const [c1, c2, c3] = communes as [OrganisationRow, OrganisationRow, OrganisationRow];
  cells = [
    await createOrg(db, c1, { name: "Chi bộ thôn Đông", typeCode: "chi_bo_truc_thuoc" }),
    await createOrg(db, c1, { name: "Chi bộ thôn Tây", typeCode: "chi_bo_truc_thuoc" }),
    await createOrg(db, c2, { name: "Chi bộ thôn Nam", typeCode: "chi_bo_truc_thuoc" }),
  ];
  const [k1a, k1b, k2a] = cells as [OrganisationRow, OrganisationRow, OrganisationRow];
  otherProvince = await createOrg(db, null, { name: "Tỉnh ủy Sơn La", typeCode: "tinh_uy" });

  directive = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "CT",
      number: "05",
      issuedOn: "2026-01-05",
      subject: "Về công tác phát triển đảng viên",
      recipientOrgIds: [c1.id, c2.id, c3.id],
    })
  ).id;
  planA = (
    await createDocument(db, {
      ownerOrgId: province.id,
      typeAbbreviation: "KH",
      number: "12",
      issuerCodes: ["TU"],
      issuedOn: "2026-01-20",
      subject: "Kế hoạch phát triển đảng viên năm 2026",
      recipientOrgIds: [c1.id, c2.id, c3.id],
    })
  ).id;
  planB = (
    await createDocument(db, {
      ownerOrgId: c2.id,
      typeAbbreviation: "KH",
      number: "03",
      issuedOn: "2026-02-01",
      subject: "Kế hoạch của xã Bình Minh",
    })
  ).id;
  hiddenPlan = (
    await createDocument(db, {
      ownerOrgId: otherProvince.id,
      typeAbbreviation: "KH",
      number: "01",
      issuedOn: "2026-01-01",
      subject: "Kế hoạch tỉnh khác",
    })
  ).id;
  await linkImplements(db, planA, directive);
  await linkImplements(db, planB, planA);
  await db.insertInto("taskPlans").values({ documentId: planA, progressFormula: "weighted" }).execute();

  const base = { startDate: "2026-01-01", dueDate: "2026-12-31" };
  // Plan A: the province's task cascaded to the communes, commune 1's split between its two cells.
  const root = await createTask(db, {
    ...base,
    owner: province,
    planDocumentId: planA,
    title: "Kết nạp 120 đảng viên",
    targetValue: 120,
    targetUnit: "đảng viên",
  });
  const toC1 = await createTask(db, {
    ...base,
    owner: province,
    lead: c1,
    parent: root,
    planDocumentId: planA,
    targetValue: 50,
    targetUnit: "đảng viên",
  });
  await createTask(db, {
    ...base,
    owner: c1,
    lead: k1a,
    parent: toC1,
    planDocumentId: planA,
    targetValue: 20,
    targetUnit: "đảng viên",
    actualValue: 20,
    progressPercent: 100,
    completedOn: "2026-05-10",
    weight: 3,
  });
  await createTask(db, {
    ...base,
    owner: c1,
    lead: k1b,
    parent: toC1,
    planDocumentId: planA,
    dueDate: "2026-04-30",
    targetValue: 30,
    targetUnit: "Đảng viên ",
    actualValue: 12,
    progressPercent: 40,
    lastReportedPeriodEnd: "2026-03-31",
    weight: 2,
  });
  await createTask(db, {
    ...base,
    owner: province,
    lead: c2,
    parent: root,
    planDocumentId: planA,
    targetValue: 40,
    targetUnit: "đảng viên",
    actualValue: 25,
    progressPercent: 60,
    lastReportedPeriodEnd: "2026-05-31",
  });
  await createTask(db, {
    ...base,
    owner: province,
    lead: c3,
    parent: root,
    planDocumentId: planA,
    dueDate: "2026-03-31",
    completedOn: "2026-04-20",
    progressPercent: 100,
    targetValue: 30,
    targetUnit: "đảng viên",
    actualValue: 30,
  });
  // Plan B (commune 2, implementing plan A).
  await createTask(db, {
    ...base,
    owner: c2,
    lead: k2a,
    planDocumentId: planB,
    dueDate: "2026-06-20",
    progressPercent: 30,
    lastReportedPeriodEnd: "2026-05-31",
    targetValue: 5,
    targetUnit: "chi bộ",
  });
  await createTask(db, {
    ...base,
    owner: c2,
    planDocumentId: planB,
    state: "cancelled",
    progressPercent: 10,
  });
  // Tasks on their own.
  await createTask(db, {
    ...base,
    owner: province,
    title: "Sơ kết 6 tháng",
    dueDate: "2026-06-18",
    missingClears: ["person"],
  });
  await createTask(db, {
    ...base,
    owner: province,
    lead: null,
    startDate: "2026-07-01",
    missingClears: ["person", "result"],
  });
  await createTask(db, {
    ...base,
    owner: c3,
    state: "paused",
    progressPercent: 20,
    lastReportedPeriodEnd: "2026-03-31",
  });
  await createTask(db, {
    startDate: "2025-09-01",
    dueDate: "2025-10-31",
    owner: c1,
    completedOn: "2025-11-20",
    progressPercent: 100,
  });
  await createTask(db, {
    startDate: "2025-01-01",
    dueDate: "2025-12-31",
    owner: k1a,
    schedule: "monthly",
    reportFrequency: "monthly",
    progressPercent: 50,
    lastReportedPeriodEnd: "2026-02-28",
    createdAt: new Date("2025-01-01T00:00:00Z"),
  });
  // Another province's task, never counted here.
  await createTask(db, { ...base, owner: otherProvince, planDocumentId: hiddenPlan });
  // Reports awaiting review.
  const tasks = await db.selectFrom("tasks").selectAll().orderBy("id").execute();
  const reported = tasks.filter((task) => task.ownerOrgId === province.id && !task.hasChildren).slice(0, 2);
  for (const [i, task] of reported.entries()) {
    await db
      .insertInto("taskReports")
      .values({
        taskId: task.id,
        periodKey: `2026-0${5 + i}`,
        periodStart: `2026-0${5 + i}-01`,
        periodEnd: `2026-0${5 + i}-28`,
        percent: 50,
        submittedAt: new Date(`2026-06-0${1 + i}T08:00:00Z`),
      })
      .execute();
  }

  provinceStaff = await t.actor([{ role: "committee_staff", orgId: province.id }]);
  communeStaff = await t.actor([{ role: "committee_staff", orgId: c1.id }]);
});

afterAll(async () => {
  await t?.close();
});

// ---- the recomputation ---------------------------------------------------------------------------

async function allTasks(): Promise<TaskRow[]> {
  return t.database.db.selectFrom("tasks").selectAll().orderBy("id").execute();
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
/** Dates come back as ISO strings (the DATE type parser); null stays null. */
const iso = (value: string | null) => value;

function facts(task: TaskRow): RollupTaskFacts {
  return {
    state: task.state as RollupTaskFacts["state"],
    schedule: task.schedule as RollupTaskFacts["schedule"],
    reportFrequency: task.reportFrequency as RollupTaskFacts["reportFrequency"],
    startDate: iso(task.startDate),
    dueDate: iso(task.dueDate),
    createdOn: new Date(new Date(task.createdAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10),
    completedOn: iso(task.completedOn),
    progressPercent: Number(task.progressPercent),
    lastReportedPeriodEnd: iso(task.lastReportedPeriodEnd),
    weight: Number(task.weight),
  };
}

interface Filter {
  path: string;
  planIds?: number[];
  from?: string;
  to?: string;
}

function counted(tasks: TaskRow[], filter: Filter): TaskRow[] {
  const planRoots = filter.planIds
    ? tasks.filter(
        (task) => task.planDocumentId !== null && filter.planIds?.includes(Number(task.planDocumentId)),
      )
    : null;
  return tasks.filter(
    (task) =>
      !task.hasChildren &&
      within(task.orgPath, filter.path) &&
      (planRoots === null || planRoots.some((p) => within(task.treePath, p.treePath))) &&
      taskRunsDuring(facts(task), filter.from ?? null, filter.to ?? null),
  );
}

function expectedFigures(tasks: TaskRow[], formula: ProgressFormula): RollupFigures {
  const sums = rollupInputsOf(tasks.map(facts), TODAY);
  const { statuses, ...inputs } = sums;
  return {
    counts: { total: tasks.length, ...statuses },
    progress: rollupProgress(formula, inputs),
    onTimeRate: onTimeRate(inputs),
  };
}

function expectedTargets(tasks: TaskRow[]) {
  const units = new Map<string, { spellings: string[]; tasks: number; planned: number; achieved: number }>();
  for (const task of tasks) {
    if (task.targetValue === null || task.state === "cancelled") continue;
    const unit = (task.targetUnit ?? "").trim();
    const entry = units.get(toSearchKey(unit)) ?? { spellings: [], tasks: 0, planned: 0, achieved: 0 };
    entry.spellings.push(unit);
    entry.tasks += 1;
    entry.planned += Number(task.targetValue);
    entry.achieved += Number(task.actualValue ?? 0);
    units.set(toSearchKey(unit), entry);
  }
  // The most used spelling names the unit (ties: the first in code-unit order).
  const label = (spellings: string[]) => {
    const uses = (s: string) => spellings.filter((x) => x === s).length;
    return [...spellings].sort((a, b) => uses(b) - uses(a) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? "";
  };
  return [...units.values()]
    .map(({ spellings, ...u }) => ({
      unit: label(spellings),
      ...u,
      percent: u.planned > 0 ? Math.round((u.achieved * 1000) / u.planned) / 10 : null,
    }))
    .sort((a, b) => b.tasks - a.tasks || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

async function checkRollup(session: TestSession, query: string, filter: Filter, formula: ProgressFormula) {
  const response = await get(session, `/api/task-rollup${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const rollup = response.json() as TaskRollup;
  const tasks = await allTasks();
  const mine = counted(tasks, filter);
  expect(rollup.scope.formula).toBe(formula);
  expect(rollup.figures).toEqual(expectedFigures(mine, formula));
  expect(rollup.targets).toEqual(expectedTargets(mine));
  const overdue = mine.filter((task) => expectedFigures([task], formula).counts.overdue === 1);
  expect(rollup.overdue.total).toBe(overdue.length);
  // Most overdue first (by due date, then id).
  const byDue = overdue.sort(
    (a, b) => (iso(a.dueDate) ?? "9").localeCompare(iso(b.dueDate) ?? "9") || a.id - b.id,
  );
  expect(rollup.overdue.items.map((item) => item.id)).toEqual(byDue.map((task) => task.id));
  // One group per child organisation, each with the same figures over its subtree; the node's own last.
  const level = filter.path.split(".").length;
  const children = await t.database.db
    .selectFrom("organisations")
    .select(["id", "path"])
    .where("parentId", "=", Number(filter.path.split(".").at(-1)))
    .execute();
  for (const child of children) {
    const group = rollup.groups.find((g) => g.orgId === child.id && !g.isSelf);
    expect(group, `group of ${child.id}`).toBeDefined();
    const below = mine.filter((task) => within(task.orgPath, child.path));
    expect(group?.figures).toEqual(expectedFigures(below, formula));
    expect(group?.hasTasksBelow).toBe(below.some((task) => task.orgPath.split(".").length > level + 1));
  }
  const own = mine.filter((task) => task.orgPath === filter.path);
  const self = rollup.groups.find((g) => g.isSelf);
  if (own.length === 0) expect(self).toBeUndefined();
  else expect(self?.figures).toEqual(expectedFigures(own, formula));
  expect(rollup.groups.filter((g) => !g.isSelf)).toHaveLength(children.length);
  return rollup;
}

// ---- the routes ------------------------------------------------------------------------------

describe("GET /api/task-rollup", () => {
  it("answers 401 without a session", async () => {
    expect((await get(null, "/api/task-rollup")).statusCode).toBe(401);
    expect((await get(null, "/api/task-dashboard")).statusCode).toBe(401);
    expect((await get(null, "/api/task-rollup/export")).statusCode).toBe(401);
  });

  it("answers 400 with the field for a plan and a directive at once, a period ending first, a bad id", async () => {
    const both = await get(provinceStaff, `/api/task-rollup?planId=${planA}&directiveId=${directive}`);
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ error: { issues: [{ path: "querystring.directiveId" }] } });
    const backwards = await get(provinceStaff, "/api/task-rollup?from=2026-06-01&to=2026-05-01");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { issues: [{ path: "querystring.to" }] } });
    const bad = await get(provinceStaff, "/api/task-rollup/export?orgId=abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { issues: [{ path: "querystring.orgId" }] } });
  });

  it("answers 404 for an organisation outside the scope, a missing one, a plan not seen", async () => {
    const up = await get(communeStaff, `/api/task-rollup?orgId=${province.id}`);
    expect(up.statusCode).toBe(404);
    expect(up.json()).toMatchObject({ error: { code: "ORG_NOT_FOUND" } });
    expect((await get(communeStaff, `/api/task-dashboard?orgId=${communes[1]?.id}`)).statusCode).toBe(404);
    expect((await get(provinceStaff, `/api/task-rollup?orgId=${otherProvince.id}`)).statusCode).toBe(404);
    expect((await get(provinceStaff, "/api/task-rollup?orgId=987654321")).statusCode).toBe(404);
    const plan = await get(provinceStaff, `/api/task-rollup?planId=${hiddenPlan}`);
    expect(plan.statusCode).toBe(404);
    expect(plan.json()).toMatchObject({ error: { code: "DOCUMENT_NOT_FOUND" } });
    expect((await get(provinceStaff, `/api/task-rollup/export?directiveId=${hiddenPlan}`)).statusCode).toBe(
      404,
    );
  });

  it("rolls up the province (average, no plan): leaf tasks only, one group per commune", async () => {
    const rollup = await checkRollup(provinceStaff, "", { path: province.path }, "average");
    expect(rollup.scope).toMatchObject({
      orgId: province.id,
      wholeScope: false,
      today: TODAY,
      plan: null,
      directive: null,
    });
    expect(rollup.scope.breadcrumb).toEqual([{ id: province.id, name: province.name }]);
    expect(rollup.scope.countingRule.vi).toContain("không tính hai lần");
    // The cascaded parents (the province's task, commune 1's) are not counted; 11 leaves are.
    expect(rollup.figures.counts.total).toBe(11);
    expect(rollup.figures.progress.explanation.vi).toMatch(
      /^Trung bình cộng tiến độ của 10 nhiệm vụ: .*\(không tính 1 nhiệm vụ đã hủy\)$/,
    );
    expect(rollup.groups.map((g) => g.orgName)).toEqual([...communes.map((c) => c.name), province.name]);
    // Units are grouped whatever their case and spaces.
    // Spellings differing by case or spaces are one unit, read as its most used spelling.
    expect(rollup.targets.map((target) => [target.unit, target.planned])).toEqual([
      ["đảng viên", 120],
      ["chi bộ", 5],
    ]);
  });

  it("uses the plan's formula (weighted) over the plan's task trees, and the share done when chosen", async () => {
    const weighted = await checkRollup(
      provinceStaff,
      `?planId=${planA}`,
      { path: province.path, planIds: [planA] },
      "weighted",
    );
    expect(weighted.scope.plan).toMatchObject({ id: planA, symbol: "12-KH/TU" });
    expect(weighted.figures.progress.explanation.vi).toContain("Σ(trọng số × tiến độ)");
    expect(weighted.figures.counts.total).toBe(4);
    await t.database.db
      .updateTable("taskPlans")
      .set({ progressFormula: "status" })
      .where("documentId", "=", planA)
      .execute();
    try {
      const status = await checkRollup(
        provinceStaff,
        `?planId=${planA}`,
        { path: province.path, planIds: [planA] },
        "status",
      );
      expect(status.figures.progress).toMatchObject({ value: 50 });
    } finally {
      await t.database.db
        .updateTable("taskPlans")
        .set({ progressFormula: "weighted" })
        .where("documentId", "=", planA)
        .execute();
    }
  });

  it("rolls up a directive through the plans implementing it, directly or through a chain", async () => {
    const rollup = await checkRollup(
      provinceStaff,
      `?directiveId=${directive}`,
      { path: province.path, planIds: [directive, planA, planB] },
      "average",
    );
    expect(rollup.scope.directive).toMatchObject({ id: directive, plans: 2 });
    expect(rollup.figures.counts.total).toBe(6);
  });

  it("narrows to a period: tasks running during it", async () => {
    const rollup = await checkRollup(
      provinceStaff,
      "?from=2026-05-01&to=2026-05-31",
      { path: province.path, from: "2026-05-01", to: "2026-05-31" },
      "average",
    );
    expect(rollup.scope.periodRule?.vi).toContain("01/05/2026 – 31/05/2026");
    expect(rollup.figures.counts.total).toBeLessThan(11);
    await checkRollup(provinceStaff, "?to=2025-12-31", { path: province.path, to: "2025-12-31" }, "average");
  });

  it("drills down into a commune: its cells and its own tasks", async () => {
    const c1 = communes[0] as OrganisationRow;
    const rollup = await checkRollup(provinceStaff, `?orgId=${c1.id}`, { path: c1.path }, "average");
    expect(rollup.scope.breadcrumb.map((org) => org.id)).toEqual([province.id, c1.id]);
    expect(rollup.groups.map((g) => [g.orgName, g.isSelf])).toEqual([
      ["Chi bộ thôn Đông", false],
      ["Chi bộ thôn Tây", false],
      [c1.name, true],
    ]);
  });

  it("shows a commune user their subtree only, by default", async () => {
    const c1 = communes[0] as OrganisationRow;
    const rollup = await checkRollup(communeStaff, "", { path: c1.path }, "average");
    expect(rollup.scope.orgId).toBe(c1.id);
    expect(rollup.scope.breadcrumb).toEqual([{ id: c1.id, name: c1.name }]);
  });
});

describe("the precomputed roll-up", () => {
  it("equals the statement over the tasks themselves (a period holding every task goes that way)", async () => {
    const summed = (await get(provinceStaff, "/api/task-rollup")).json() as TaskRollup;
    const live = (
      await get(provinceStaff, "/api/task-rollup?from=2000-01-01&to=2100-12-31")
    ).json() as TaskRollup;
    expect(live.figures).toEqual(summed.figures);
    expect(live.groups).toEqual(summed.groups);
    expect(live.targets).toEqual(summed.targets);
    expect(live.overdue).toEqual(summed.overdue);
  });

  it("follows a change at once: a new task, a task finished, a task removed", async () => {
    const db = t.database.db;
    const cell = cells[2] as OrganisationRow;
    const added = await createTask(db, {
      owner: cell,
      startDate: "2026-01-01",
      dueDate: "2026-05-01",
      targetValue: 7,
      targetUnit: "hộ",
    });
    await checkRollup(provinceStaff, "", { path: province.path }, "average");
    await db
      .updateTable("tasks")
      .set({ completedOn: "2026-06-01", progressPercent: 100 })
      .where("id", "=", added.id)
      .execute();
    const finished = await checkRollup(provinceStaff, "", { path: province.path }, "average");
    expect(finished.targets.find((target) => target.unit === "hộ")).toMatchObject({ planned: 7 });
    await db.deleteFrom("tasks").where("id", "=", added.id).execute();
    const removed = await checkRollup(provinceStaff, "", { path: province.path }, "average");
    expect(removed.targets.find((target) => target.unit === "hộ")).toBeUndefined();
  });

  it("follows an organisation moved to another province, in both provinces' figures", async () => {
    const db = t.database.db;
    const c3 = communes[2] as OrganisationRow;
    const national = await t.actor([
      { role: "committee_leader", orgId: province.id },
      { role: "committee_leader", orgId: otherProvince.id },
    ]);
    const move = (parent: OrganisationRow) =>
      sql`UPDATE organisations SET parent_id = ${parent.id}, path = text2ltree(${`${parent.path}.${c3.id}`})
        WHERE id = ${c3.id}`.execute(db);
    await move(otherProvince);
    try {
      await checkRollup(provinceStaff, "", { path: province.path }, "average");
      await checkRollup(national, `?orgId=${otherProvince.id}`, { path: otherProvince.path }, "average");
      const whole = (await get(national, "/api/task-rollup")).json() as TaskRollup;
      const tasks = await allTasks();
      expect(whole.groups.map((g) => g.figures.counts.total)).toEqual([
        counted(tasks, { path: province.path }).length,
        counted(tasks, { path: otherProvince.path }).length,
      ]);
    } finally {
      await move(province);
    }
    await checkRollup(provinceStaff, "", { path: province.path }, "average");
  });

  it("is rebuilt on a new day", async () => {
    const db = t.database.db;
    // Rows computed yesterday with a figure that is no longer true.
    await sql`UPDATE task_rollup_state SET as_of = '2026-06-14'`.execute(db);
    await sql`UPDATE task_rollup_orgs SET overdue = 999`.execute(db);
    const rollup = await checkRollup(provinceStaff, "", { path: province.path }, "average");
    expect(rollup.figures.counts.overdue).toBeLessThan(999);
  });
});

describe("a reader over several top organisations", () => {
  it("sees their whole scope without orgId, one group per top organisation", async () => {
    const national = await t.actor([
      { role: "committee_leader", orgId: province.id },
      { role: "committee_leader", orgId: otherProvince.id },
    ]);
    const response = await get(national, "/api/task-rollup");
    expect(response.statusCode, response.body).toBe(200);
    const rollup = response.json() as TaskRollup;
    expect(rollup.scope).toMatchObject({ wholeScope: true, breadcrumb: [] });
    const tasks = await allTasks();
    const both = [
      ...counted(tasks, { path: province.path }),
      ...counted(tasks, { path: otherProvince.path }),
    ];
    expect(rollup.figures).toEqual(expectedFigures(both, "average"));
    expect(rollup.groups.map((g) => [g.orgId, g.figures.counts.total, g.isSelf])).toEqual([
      [province.id, counted(tasks, { path: province.path }).length, false],
      [otherProvince.id, 1, false],
    ]);
    const one = (
      await get(national, `/api/task-dashboard?orgId=${otherProvince.id}`)
    ).json() as TaskDashboard;
    expect(one.scope).toMatchObject({ wholeScope: false, orgId: otherProvince.id });
    expect(one.figures.counts.total).toBe(1);
    // The workbook of the whole scope (the web sends no orgId then) is named after it, not the first root.
    const workbook = await get(national, "/api/task-rollup/export");
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers["content-disposition"]).toContain(`tong-hop-nhiem-vu-toan-pham-vi-${TODAY}.xlsx`);
  });
});

describe("GET /api/task-dashboard", () => {
  it("gives the figures, the trend, due soon, reports awaiting review and plans missing clears", async () => {
    const response = await get(provinceStaff, "/api/task-dashboard");
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json() as TaskDashboard;
    const tasks = await allTasks();
    const mine = counted(tasks, { path: province.path });
    expect(dashboard.figures).toEqual(expectedFigures(mine, "average"));
    expect(dashboard.groups).toHaveLength(4);

    // The trend, recomputed month by month.
    expect(dashboard.trend.map((m) => m.month)).toEqual([
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    for (const month of dashboard.trend) {
      const start = `${month.month}-01`;
      const lastDay = new Date(Date.UTC(Number(month.month.slice(0, 4)), Number(month.month.slice(5, 7)), 0))
        .toISOString()
        .slice(0, 10);
      const end = lastDay < TODAY ? lastDay : TODAY;
      const done = mine.filter((task) => {
        const completed = iso(task.completedOn);
        return completed !== null && completed >= start && completed <= lastDay;
      });
      const overdue = mine.filter((task) => {
        const due = iso(task.dueDate);
        const completed = iso(task.completedOn);
        return (
          task.state === "active" && due !== null && due < end && (completed === null || completed > end)
        );
      });
      expect(month, month.month).toEqual({
        month: month.month,
        done: done.length,
        doneLate: done.filter((task) => (iso(task.completedOn) ?? "") > (iso(task.dueDate) ?? "9")).length,
        overdueAtEnd: overdue.length,
      });
    }
    expect(dashboard.trend.find((m) => m.month === "2026-04")).toMatchObject({ done: 1, doneLate: 1 });

    expect(dashboard.dueSoonDays).toBe(7);
    expect(dashboard.dueSoon.items.map((item) => item.dueDate)).toEqual(["2026-06-18", "2026-06-20"]);
    expect(dashboard.dueSoon.total).toBe(2);
    expect(dashboard.overdue.items.find((item) => item.reportLate)).toBeUndefined();

    expect(dashboard.awaitingReview.total).toBe(2);
    expect(dashboard.awaitingReview.items.map((item) => item.periodKey)).toEqual(["2026-05", "2026-06"]);

    expect(dashboard.missingClears).toEqual([{ plan: null, tasksMissing: 2, tasks: 5 }]);
  });

  it("shows a commune user their commune only", async () => {
    const response = await get(communeStaff, "/api/task-dashboard");
    expect(response.statusCode).toBe(200);
    const dashboard = response.json() as TaskDashboard;
    const c1 = communes[0] as OrganisationRow;
    expect(dashboard.figures).toEqual(
      expectedFigures(counted(await allTasks(), { path: c1.path }), "average"),
    );
    expect(dashboard.awaitingReview.total).toBe(0);
    expect(dashboard.missingClears).toEqual([]);
  });
});

describe("GET /api/task-rollup/export", () => {
  it("writes the summary, the organisations, the targets, the overdue tasks and the trend", async () => {
    const rollup = (await get(provinceStaff, `/api/task-rollup?planId=${planA}`)).json() as TaskRollup;
    const response = await get(provinceStaff, `/api/task-rollup/export?planId=${planA}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tổng hợp",
      "Theo đơn vị",
      "Chỉ tiêu",
      "Quá hạn",
      "Xu hướng",
    ]);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const summary = rowsOf("Tổng hợp");
    expect(summary.find((row) => row[0] === "Tổng số nhiệm vụ")?.[1]).toBe(rollup.figures.counts.total);
    expect(summary.find((row) => row[0] === "Tiến độ (%)")).toEqual([
      "Tiến độ (%)",
      rollup.figures.progress.value,
      rollup.figures.progress.explanation.vi,
    ]);
    const groups = rowsOf("Theo đơn vị").slice(1);
    expect(groups.map((row) => [row[0], row[1]])).toEqual(
      rollup.groups.map((g) => [
        g.isSelf ? `${g.orgName} (nhiệm vụ của chính đơn vị)` : g.orgName,
        g.figures.counts.total,
      ]),
    );
    expect(
      rowsOf("Chỉ tiêu")
        .slice(1)
        .map((row) => row[2]),
    ).toEqual(rollup.targets.map((target) => target.planned));
    expect(rowsOf("Quá hạn").slice(1)).toHaveLength(rollup.overdue.total);
    expect(rowsOf("Xu hướng").slice(1)).toHaveLength(12);
  });

  it("is written in English for an English reader", async () => {
    const english = await t.actor([{ role: "committee_leader", orgId: province.id }]);
    await t.database.db
      .updateTable("accounts")
      .set({ locale: "en" })
      .where("id", "=", english.accountId)
      .execute();
    const response = await get(english, "/api/task-rollup/export");
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe("Summary");
  });
});
