// The demo province's five-clears tasks (issue 5): the tasks of 12-KH/TU (carrying out 21-KL/TW) and of
// 05-KH/TU (the year's Party-building plan, whose progress is weighted), cascaded to the 60 communes and
// by some communes (always Tân Hưng and Kinh Bắc, whose accounts the demo prints) on to their cells,
// with numeric targets divided, progress reports over the past periods (some awaiting review, some
// returned with a reason, a few with evidence), finished on time or late, overdue, paused, cancelled.
// Dates follow the seed's day, so the demo looks current whenever it is started. Deterministic.
import { addDays, divideTargetEqually, type ReportPeriod } from "@namro/domain";
import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../platform/audit/audit-writer.ts";
import {
  BUILDING_PLAN_TASKS,
  type DemoTaskDef,
  type DepartmentKey,
  KL21_PLAN_TASKS,
  RESPONSIBLE_AT_CELL,
  RESPONSIBLE_AT_COMMUNE,
  RETURN_REASONS,
} from "./demo-task-catalogue.ts";
import {
  type LeafOutcome,
  type LeafTerms,
  leafReports,
  pickOutcome,
  possibleOutcomes,
} from "./leaf-reports.ts";
import { createRandom, type Random } from "./random.ts";
import { type PlannedOrgRef, type PlannedTask, vietnamTime } from "./task-seed-plan.ts";
import { loadPlannedTasks } from "./tasks-bulk.ts";

export const DEMO_TASKS_KEY = "demo_tasks";
/** The symbols of the two plans, and which one weighs its tasks. */
export const DEMO_TASK_PLANS = { kl21: "12-KH/TU", building: "05-KH/TU" } as const;
/** Communes that split their tasks to every cell: the two whose accounts the demo prints, and a share of the rest. */
export const CELL_SPLIT_COMMUNES = ["BN-TANHUNG", "BN-001"];
const CELL_SPLIT_SHARE = 0.2;

export interface DemoTaskOrgs {
  root: PlannedOrgRef & { code: string };
  departments: Record<DepartmentKey, PlannedOrgRef>;
  communes: (PlannedOrgRef & { code: string; cells: (PlannedOrgRef & { code: string })[] })[];
  demoCellCode: string;
}

export interface DemoTaskAccounts {
  /** Username → id of the demo accounts. */
  byName: Map<string, number>;
}

export interface DemoPlanDocs {
  kl21: { id: number; issuedOn: string };
  building: { id: number; issuedOn: string };
}

/** How often a leaf ends each way, among the outcomes its dates allow. */
const OUTCOME_WEIGHTS: Record<LeafOutcome, number> = {
  done_on_time: 5,
  done_late: 1.6,
  past_due: 1.4,
  in_progress: 5,
  report_late: 1.1,
  not_started: 1.5,
  paused: 0.08,
  cancelled: 0.08,
};

function fill(template: string, value: number | null, unit: string | null): string {
  return template
    .replace("{value}", value === null ? "" : value.toLocaleString("vi-VN"))
    .replace("{unit}", unit ?? "");
}

const PERIOD_WORD: Record<string, string> = { monthly: "tháng", quarterly: "quý" };

function evidenceName(def: DemoTaskDef, period: ReportPeriod): string {
  const what = def.childDeliverable ?? def.deliverable ?? "Báo cáo kết quả";
  return `${what} - ${period.key === "final" ? "kết quả" : period.key}.txt`;
}

interface PlanContext {
  today: string;
  tasks: PlannedTask[];
  orgs: DemoTaskOrgs;
  accounts: DemoTaskAccounts;
}

/** The demo's tasks, parents first, for the seed's day `today` (ISO, Vietnam). */
export function planDemoTasks(
  orgs: DemoTaskOrgs,
  plans: DemoPlanDocs,
  accounts: DemoTaskAccounts,
  today: string,
): PlannedTask[] {
  const context: PlanContext = { today, tasks: [], orgs, accounts };
  planPlanTasks(context, plans.kl21, KL21_PLAN_TASKS, "kl21");
  planPlanTasks(context, plans.building, BUILDING_PLAN_TASKS, "building");
  planOwnTasks(context);
  return context.tasks;
}

function accountId(context: PlanContext, username: string): number | null {
  return context.accounts.byName.get(username) ?? null;
}

function planPlanTasks(
  context: PlanContext,
  plan: { id: number; issuedOn: string },
  defs: readonly DemoTaskDef[],
  key: string,
): void {
  const { today, orgs } = context;
  // The plan's work began a week after it was issued, or ~9 months back when the demo is started later.
  const start = [addDays(plan.issuedOn, 7), addDays(today, -290)].reduce((a, b) => (a > b ? a : b));
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const office = accountId(context, "vanphong");
  const reviewer = accountId(context, "admin");
  defs.forEach((def, n) => {
    const random = createRandom(`demo-tasks/${key}/${n}`);
    const begins = def.startsIn === undefined ? start : addDays(today, def.startsIn);
    const due = def.due === null ? null : def.due === "year_end" ? yearEnd : addDays(begins, def.due);
    const createdAt = vietnamTime(addDays(start, -random.int(1, 5)), 8, random.int(0, 59));
    const base = {
      planDocumentId: plan.id,
      description: def.description,
      startDate: begins,
      dueDate: due,
      schedule: def.schedule,
      reportFrequency: def.reportFrequency,
      weight: 1,
      createdAt,
    };
    const provinceIndex = context.tasks.length;
    const province: PlannedTask = {
      ...base,
      parent: null,
      owner: orgs.root,
      // A cascaded task is led by the Tỉnh ủy itself (its children lie below the lead), its department
      // supporting; one kept at the province is led by the department.
      lead: def.lead === null ? null : def.cascade === "none" ? orgs.departments[def.lead] : orgs.root,
      supports: [...(def.cascade === "none" || def.lead === null ? [] : [def.lead]), ...def.supports].map(
        (s) => orgs.departments[s],
      ),
      responsibleAccountId: def.account ? office : null,
      responsibleName: def.responsible,
      title: def.title,
      deliverable: def.deliverable,
      targetValue: def.target?.value ?? null,
      targetUnit: def.target?.unit ?? null,
      weight: def.weight,
      state: def.state?.state ?? "active",
      stateReason: def.state?.reason ?? null,
      stateChangedAt: def.state ? vietnamTime(addDays(start, random.int(20, 60)), 15) : null,
      createdBy: office,
      milestones: (def.milestones ?? []).map((m) => {
        const mDue = addDays(start, m.dueAfter);
        return {
          title: m.title,
          dueDate: mDue,
          doneOn: mDue < today ? addDays(mDue, random.int(-10, 6)) : null,
        };
      }),
      reports: [],
    };
    context.tasks.push(province);
    if (def.cascade === "none") {
      addLeafReports(
        context,
        province,
        def,
        random,
        { submittedBy: office, reviewedBy: reviewer },
        def.state ? (def.state.state as LeafOutcome) : null,
      );
      return;
    }
    const communeTargets = def.target?.divide
      ? divideTargetEqually(
          def.target.value,
          orgs.communes.map((c) => c.id),
        )
      : null;
    for (const commune of orgs.communes) {
      const communeRandom = createRandom(`demo-tasks/${key}/${n}/${commune.code}`);
      const communeAccount =
        commune.code === "BN-TANHUNG"
          ? accountId(context, communeRandom.chance(0.5) ? "tanhung" : "bithu.tanhung")
          : commune.code === "BN-001"
            ? accountId(context, "phuong.kinhbac")
            : null;
      const targetValue = communeTargets
        ? (communeTargets.get(commune.id) ?? null)
        : def.target && !def.target.divide
          ? def.target.value
          : null;
      const communeIndex = context.tasks.length;
      const child: PlannedTask = {
        ...base,
        parent: provinceIndex,
        owner: orgs.root,
        lead: commune,
        supports: [],
        responsibleAccountId: communeAccount,
        responsibleName: communeAccount === null ? communeRandom.pick(RESPONSIBLE_AT_COMMUNE) : null,
        title: def.title,
        deliverable: def.childDeliverable ?? def.deliverable,
        targetValue,
        targetUnit: targetValue === null ? null : (def.target?.unit ?? null),
        weight: def.weight,
        stateReason: null,
        stateChangedAt: null,
        state: "active",
        createdBy: office,
        milestones: [],
        reports: [],
      };
      context.tasks.push(child);
      const split =
        def.cascade === "cells" &&
        commune.cells.length > 0 &&
        (CELL_SPLIT_COMMUNES.includes(commune.code) ||
          createRandom(`demo-tasks/split/${commune.code}`).next() < CELL_SPLIT_SHARE);
      const communeReviewer =
        commune.code === "BN-TANHUNG"
          ? accountId(context, "tanhung")
          : commune.code === "BN-001"
            ? accountId(context, "phuong.kinhbac")
            : null;
      if (!split) {
        addLeafReports(
          context,
          child,
          def,
          communeRandom,
          { submittedBy: communeAccount, reviewedBy: office },
          null,
        );
        continue;
      }
      const cellTargets =
        def.target?.divide && targetValue !== null
          ? divideTargetEqually(
              targetValue,
              commune.cells.map((c) => c.id),
            )
          : null;
      const createdOn = addDays(start, communeRandom.int(3, 12));
      commune.cells.forEach((cell, c) => {
        const cellRandom = createRandom(`demo-tasks/${key}/${n}/${cell.code}`);
        const demoCell = cell.code === orgs.demoCellCode;
        const cellAccount = demoCell ? accountId(context, n % 3 === 2 ? "dangvien" : "bithu.chibo") : null;
        const cellTarget = cellTargets
          ? (cellTargets.get(cell.id) ?? null)
          : def.target && !def.target.divide
            ? def.target.value
            : null;
        const leaf: PlannedTask = {
          ...base,
          startDate: createdOn,
          createdAt: vietnamTime(createdOn, 9, c % 60),
          parent: communeIndex,
          owner: commune,
          lead: cell,
          supports: [],
          responsibleAccountId: cellAccount,
          // A few cells name nobody: the person clear is lacking there.
          responsibleName: cellAccount === null && !cellRandom.chance(0.04) ? RESPONSIBLE_AT_CELL : null,
          title: def.title,
          deliverable: def.childDeliverable ?? def.deliverable,
          targetValue: cellTarget,
          targetUnit: cellTarget === null ? null : (def.target?.unit ?? null),
          weight: def.weight,
          stateReason: null,
          stateChangedAt: null,
          state: "active",
          createdBy: communeReviewer,
          milestones: [],
          reports: [],
        };
        context.tasks.push(leaf);
        addLeafReports(
          context,
          leaf,
          def,
          cellRandom,
          { submittedBy: demoCell ? accountId(context, "bithu.chibo") : null, reviewedBy: communeReviewer },
          null,
        );
      });
    }
  });
}

/** Reports for a leaf, and its state, for an outcome its dates allow (or the one given). */
function addLeafReports(
  context: PlanContext,
  task: PlannedTask,
  def: DemoTaskDef,
  random: Random,
  people: { submittedBy: number | null; reviewedBy: number | null },
  forced: LeafOutcome | null,
): void {
  const terms: LeafTerms = {
    startDate: task.startDate as string,
    dueDate: task.dueDate,
    reportFrequency: task.reportFrequency,
    targetValue: task.targetValue,
  };
  const allowed = possibleOutcomes(terms, context.today);
  const outcome = forced ?? pickOutcome(random, allowed, OUTCOME_WEIGHTS);
  const result = leafReports(terms, {
    outcome,
    today: context.today,
    random,
    ...people,
    awaiting: 0.3,
    returned: 0.1,
    narrative: (percent, done) => {
      const value = task.targetValue === null ? null : Math.round((task.targetValue * percent) / 100);
      const text = fill(
        random.pick(def.narratives),
        value ?? percent,
        value === null ? "%" : task.targetUnit,
      );
      return done ? `${text} Đã hoàn thành.` : `${text} Ước đạt ${percent}% kế hoạch.`;
    },
    returnReason: (r) => r.pick(RETURN_REASONS),
    evidence: (period, percent) =>
      random.chance(0.06)
        ? [
            {
              fileName: evidenceName(def, period),
              content: `${def.childDeliverable ?? def.deliverable ?? def.title}\nKỳ báo cáo: ${
                period.key === "final"
                  ? "kết quả thực hiện"
                  : `${PERIOD_WORD[task.reportFrequency ?? ""] ?? "kỳ"} ${period.key}`
              }\nTiến độ: ${percent}%\n`,
            },
          ]
        : [],
  });
  task.reports = result.reports;
  if (result.state !== "active" && task.state === "active") {
    task.state = result.state;
    task.stateReason =
      result.state === "paused"
        ? "Tạm dừng do chi bộ đang kiện toàn cấp ủy sau sáp nhập thôn."
        : "Hủy do chi bộ đã giải thể, đảng viên chuyển sinh hoạt về chi bộ khác.";
    task.stateChangedAt = vietnamTime(addDays(context.today, -random.int(5, 40)), 10);
  }
}

/** Tân Hưng's own tasks and its demo cell's, outside any plan. */
function planOwnTasks(context: PlanContext): void {
  const { orgs, today } = context;
  const tanHung = orgs.communes.find((c) => c.code === "BN-TANHUNG");
  const cell = tanHung?.cells.find((c) => c.code === orgs.demoCellCode);
  if (!tanHung || !cell) return;
  const random = createRandom("demo-tasks/own");
  const leader = accountId(context, "bithu.tanhung");
  const staff = accountId(context, "tanhung");
  const own = (fields: Partial<PlannedTask> & Pick<PlannedTask, "title" | "owner" | "lead">) => {
    const task: PlannedTask = {
      parent: null,
      planDocumentId: null,
      supports: [],
      responsibleAccountId: null,
      responsibleName: null,
      description: "",
      startDate: addDays(today, -60),
      dueDate: addDays(today, 20),
      schedule: "once",
      reportFrequency: null,
      deliverable: null,
      targetValue: null,
      targetUnit: null,
      weight: 1,
      state: "active",
      stateReason: null,
      stateChangedAt: null,
      createdBy: staff,
      createdAt: vietnamTime(addDays(today, -62), 9),
      milestones: [],
      reports: [],
      ...fields,
    };
    context.tasks.push(task);
    return task;
  };
  own({
    title: "Kiện toàn chi ủy các chi bộ thôn sau sáp nhập thôn",
    description: "Rà soát số lượng chi ủy viên; đề nghị chỉ định bổ sung nơi còn thiếu.",
    owner: tanHung,
    lead: tanHung,
    responsibleAccountId: leader,
    deliverable: "Quyết định chỉ định chi ủy viên",
    milestones: [{ title: "Hoàn thành rà soát", dueDate: addDays(today, -20), doneOn: addDays(today, -24) }],
  });
  const meeting = own({
    title: "Chuẩn bị nội dung sinh hoạt chi bộ tháng tới",
    description: "Dự thảo nghị quyết tháng; phân công đảng viên phụ trách hộ gia đình.",
    owner: tanHung,
    lead: cell,
    responsibleAccountId: accountId(context, "bithu.chibo"),
    startDate: addDays(today, -10),
    dueDate: addDays(today, 5),
    deliverable: "Dự thảo nghị quyết chi bộ",
  });
  meeting.reports = leafReports(
    {
      startDate: meeting.startDate as string,
      dueDate: meeting.dueDate,
      reportFrequency: null,
      targetValue: null,
    },
    {
      outcome: "in_progress",
      today,
      random,
      submittedBy: accountId(context, "bithu.chibo"),
      reviewedBy: staff,
      awaiting: 1,
      returned: 0,
      narrative: () => "Đã dự thảo nghị quyết, đang lấy ý kiến chi ủy.",
      returnReason: () => "",
    },
  ).reports;
  own({
    title: "Vận động đảng viên đóng góp xây dựng nhà văn hóa thôn",
    description: "Mỗi đảng viên gương mẫu đóng góp ngày công, kinh phí.",
    owner: tanHung,
    lead: cell,
    responsibleAccountId: accountId(context, "dangvien"),
    startDate: addDays(today, 3),
    dueDate: addDays(today, 60),
    deliverable: "Danh sách đóng góp",
    targetValue: 30,
    targetUnit: "ngày công",
  });
}

async function demoTaskOrgs(trx: Transaction<Database>, demoCellCode: string): Promise<DemoTaskOrgs> {
  const { rows } = await sql<{
    id: number;
    code: string;
    path: string;
    typeCode: string;
    parentCode: string | null;
  }>`
    SELECT o.id, o.code, o.path::text AS path, o.type_code, p.code AS parent_code
    FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
    JOIN organisations r ON r.code = 'BN' AND o.path <@ r.path
    WHERE o.status = 'active' AND nlevel(o.path) - nlevel(r.path) <= 2
    ORDER BY o.code`.execute(trx);
  const ref = (row: (typeof rows)[number]) => ({ id: Number(row.id), code: row.code, path: row.path });
  const root = rows.find((row) => row.code === "BN");
  if (!root) throw new Error("the demo province is missing");
  const department = (key: DepartmentKey) => {
    const row = rows.find((r) => r.code === `BN-${key}`);
    if (!row) throw new Error(`department BN-${key} missing`);
    return ref(row);
  };
  const communes = rows
    .filter((row) => row.typeCode === "dang_uy_xa")
    .map((row) => ({
      ...ref(row),
      cells: rows
        .filter(
          (c) =>
            c.parentCode === row.code &&
            (c.typeCode === "chi_bo_truc_thuoc" || c.typeCode === "chi_bo_co_so"),
        )
        .map(ref),
    }));
  return {
    root: ref(root),
    departments: {
      VP: department("VP"),
      BTC: department("BTC"),
      UBKT: department("UBKT"),
      BTGDV: department("BTGDV"),
    },
    communes,
    demoCellCode,
  };
}

export interface DemoTasksResult {
  tasks: number;
  reports: number;
  files: number;
}

/** Plans and loads the demo's tasks into the seed's transaction, with one audit row. */
export async function seedDemoTasks(
  trx: Transaction<Database>,
  demoCellCode: string,
  today: string,
  now: Date,
): Promise<DemoTasksResult> {
  const orgs = await demoTaskOrgs(trx, demoCellCode);
  const accountRows = await trx.selectFrom("accounts").select(["id", "username"]).execute();
  const accounts = { byName: new Map(accountRows.map((row) => [row.username, Number(row.id)])) };
  const { rows: planRows } = await sql<{ id: number; symbol: string; issuedOn: string }>`
    SELECT d.id, d.symbol, d.issued_on::text AS issued_on FROM documents d
    WHERE d.issuing_org_id = ${orgs.root.id} AND d.symbol = ANY(${Object.values(DEMO_TASK_PLANS)}::text[])`.execute(
    trx,
  );
  const plan = (symbol: string) => {
    const row = planRows.find((r) => r.symbol === symbol);
    if (!row) throw new Error(`the demo plan ${symbol} is missing`);
    return { id: Number(row.id), issuedOn: row.issuedOn };
  };
  const plans = { kl21: plan(DEMO_TASK_PLANS.kl21), building: plan(DEMO_TASK_PLANS.building) };
  const tasks = planDemoTasks(orgs, plans, accounts, today);
  const loaded = await loadPlannedTasks(trx, tasks);
  await trx
    .insertInto("taskPlans")
    .values({
      documentId: plans.building.id,
      progressFormula: "weighted",
      updatedBy: accounts.byName.get("vanphong") ?? null,
    })
    .execute();
  await recordAudit(
    trx,
    SYSTEM_AUDIT_CONTEXT,
    {
      action: "seed.demo",
      entityType: "system",
      entityId: DEMO_TASKS_KEY,
      orgId: orgs.root.id,
      after: {
        tasks: loaded.tasks,
        reports: loaded.reports,
        files: loaded.files,
        milestones: loaded.milestones,
        today,
      },
    },
    now,
  );
  return { tasks: loaded.tasks, reports: loaded.reports, files: loaded.files };
}
