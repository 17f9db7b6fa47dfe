// Plans the bulk tasks of one province tree for the benchmarks: provincial tasks (the demo's titles, in
// the province's registered plans) cascaded to every commune and, for a share of them, split on to the
// commune's cells, until about `total` tasks. Report history for a share of the leaves (the rest keep
// their latest report only, or none), so the reports table stays a sane size. Deterministic per province.
import { addDays, divideTargetEqually } from "@namro/domain";
import {
  BUILDING_PLAN_TASKS,
  type DemoTaskDef,
  KL21_PLAN_TASKS,
  RESPONSIBLE_AT_CELL,
  RESPONSIBLE_AT_COMMUNE,
  RETURN_REASONS,
} from "./demo-task-catalogue.ts";
import { type LeafOutcome, leafReports, pickOutcome, possibleOutcomes } from "./leaf-reports.ts";
import { createRandom, type Random } from "./random.ts";
import { type PlannedOrgRef, type PlannedTask, vietnamTime } from "./task-seed-plan.ts";

export interface ScaleTaskOrgs {
  root: PlannedOrgRef & { code: string };
  /** The committee's departments (lead units of provincial tasks); may be empty. */
  departments: PlannedOrgRef[];
  communes: (PlannedOrgRef & { code: string; cells: PlannedOrgRef[] })[];
}

export interface ScalePlanDoc {
  id: number;
  issuedOn: string;
}

export interface ScaleTaskOptions {
  /** About how many tasks (whole cascades are kept, so a few more or less). */
  total: number;
  today: string;
  /** Share of commune tasks split on to the cells. */
  cellShare: number;
  /** Share of leaves with their whole report history; the others keep their latest report (or none). */
  historyShare: number;
}

export const DEFAULT_SCALE_TASK_OPTIONS = { cellShare: 0.5, historyShare: 0.2 } as const;

const POOL: readonly DemoTaskDef[] = [...BUILDING_PLAN_TASKS, ...KL21_PLAN_TASKS].filter((def) => !def.state);

const WEIGHTS: Record<LeafOutcome, number> = {
  done_on_time: 5,
  done_late: 1.5,
  past_due: 1.5,
  in_progress: 5,
  report_late: 1.2,
  not_started: 1.2,
  paused: 0.1,
  cancelled: 0.1,
};

/** The tasks of one province, parents first. */
export function planScaleTasks(
  orgs: ScaleTaskOrgs,
  plans: readonly ScalePlanDoc[],
  options: ScaleTaskOptions,
): PlannedTask[] {
  const { today } = options;
  const communes = orgs.communes;
  const cells = communes.reduce((sum, c) => sum + c.cells.length, 0);
  const perProvinceTask = 1 + communes.length + options.cellShare * cells;
  const count = Math.max(1, Math.round(options.total / perProvinceTask));
  const tasks: PlannedTask[] = [];
  const yearEnd = `${today.slice(0, 4)}-12-31`;

  const leaf = (task: PlannedTask, def: DemoTaskDef, random: Random) => {
    const terms = {
      startDate: task.startDate as string,
      dueDate: task.dueDate,
      reportFrequency: task.reportFrequency,
      targetValue: task.targetValue,
    };
    const result = leafReports(terms, {
      outcome: pickOutcome(random, possibleOutcomes(terms, today), WEIGHTS),
      today,
      random,
      submittedBy: null,
      reviewedBy: null,
      awaiting: 0.25,
      returned: 0.08,
      narrative: (percent, done) =>
        done
          ? "Đã hoàn thành."
          : `${def.narratives[0]?.replace(/\{value\}|\{unit\}/g, "").trim() ?? ""} Ước đạt ${percent}%.`,
      returnReason: (r) => r.pick(RETURN_REASONS),
    });
    task.reports = random.chance(options.historyShare) ? result.reports : result.reports.slice(-1);
    if (result.state !== "active") {
      task.state = result.state;
      task.stateReason =
        result.state === "paused" ? "Tạm dừng để kiện toàn cấp ủy." : "Hủy do tổ chức đảng giải thể.";
      task.stateChangedAt = vietnamTime(addDays(today, -random.int(5, 40)), 10);
    }
  };

  for (let i = 0; i < count; i++) {
    const random = createRandom(`scale-tasks/${orgs.root.code}/${i}`);
    const def = POOL[i % POOL.length] as DemoTaskDef;
    const plan = plans.length === 0 ? null : (plans[i % plans.length] as ScalePlanDoc);
    const issued = plan?.issuedOn ?? addDays(today, -200);
    const start = [addDays(issued, 7), addDays(today, -290)].reduce((a, b) => (a > b ? a : b));
    const due =
      def.due === null
        ? null
        : def.due === "year_end"
          ? yearEnd
          : addDays(start, def.due + random.int(-20, 60));
    const base = {
      planDocumentId: plan?.id ?? null,
      description: def.description,
      startDate: start,
      dueDate: due !== null && due < start ? start : due,
      schedule: def.schedule,
      reportFrequency: def.reportFrequency,
      stateReason: null,
      stateChangedAt: null,
      state: "active" as const,
      createdBy: null,
      createdAt: vietnamTime(start, 8, random.int(0, 59)),
      milestones: [],
      reports: [],
      supports: [],
      deliverable: def.childDeliverable ?? def.deliverable,
      title: def.title,
    };
    const provinceIndex = tasks.length;
    tasks.push({
      ...base,
      parent: null,
      owner: orgs.root,
      // Led by the committee itself (its children lie below the lead), a department supporting.
      lead: orgs.root,
      supports:
        orgs.departments.length === 0 ? [] : [orgs.departments[i % orgs.departments.length] as PlannedOrgRef],
      responsibleAccountId: null,
      responsibleName: def.responsible ?? RESPONSIBLE_AT_COMMUNE[0] ?? null,
      deliverable: def.deliverable,
      targetValue: def.target?.value ?? null,
      targetUnit: def.target?.unit ?? null,
      weight: def.weight,
    });
    const divided = def.target?.divide
      ? divideTargetEqually(
          def.target.value,
          communes.map((c) => c.id),
        )
      : null;
    for (const commune of communes) {
      const target = divided
        ? (divided.get(commune.id) ?? null)
        : def.target && !def.target.divide
          ? def.target.value
          : null;
      const communeIndex = tasks.length;
      const child: PlannedTask = {
        ...base,
        parent: provinceIndex,
        owner: orgs.root,
        lead: commune,
        responsibleAccountId: null,
        responsibleName: random.pick(RESPONSIBLE_AT_COMMUNE),
        targetValue: target,
        targetUnit: target === null ? null : (def.target?.unit ?? null),
        weight: def.weight,
      };
      tasks.push(child);
      if (commune.cells.length === 0 || !random.chance(options.cellShare)) {
        leaf(child, def, random);
        continue;
      }
      const cellTargets =
        def.target?.divide && target !== null
          ? divideTargetEqually(
              target,
              commune.cells.map((c) => c.id),
            )
          : null;
      for (const cell of commune.cells) {
        const cellTarget = cellTargets
          ? (cellTargets.get(cell.id) ?? null)
          : def.target && !def.target.divide
            ? def.target.value
            : null;
        const task: PlannedTask = {
          ...base,
          parent: communeIndex,
          owner: commune,
          lead: cell,
          responsibleAccountId: null,
          responsibleName: random.chance(0.03) ? null : RESPONSIBLE_AT_CELL,
          targetValue: cellTarget,
          targetUnit: cellTarget === null ? null : (def.target?.unit ?? null),
          weight: def.weight,
          reports: [],
        };
        tasks.push(task);
        leaf(task, def, random);
      }
    }
  }
  return tasks;
}
