// A checked plan as the web page reads it: each task with its spans, the clears of the committee's set
// with their reasons in both languages, and the task as it would be created (the checker's reading of
// lead, support, person, time and result) for the person to correct.
import type { PlanCheck, PlanCheckedTask, PlanUnit, PlanUnitMatch } from "@namro/contracts";
import {
  type CheckedTask,
  type ClearDefinition,
  PLAN_CLEAR_MESSAGES,
  timingOfDeadline,
  type UnitSpan,
} from "@namro/domain";

/** A title short enough to read in a list; the whole text stays the description. */
export const PLAN_TASK_TITLE_CHARS = 300;

/** The match of a unit's name (null: a generic unit, or a name not looked up). */
export type UnitMatcher = (unit: UnitSpan) => PlanUnitMatch | null;

function titleOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= PLAN_TASK_TITLE_CHARS) return flat;
  const cut = flat.slice(0, PLAN_TASK_TITLE_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > PLAN_TASK_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, "")}…`;
}

function unitOf(unit: UnitSpan): PlanUnit {
  return { text: unit.text, start: unit.start, end: unit.end, name: unit.name, generic: unit.generic };
}

function draftOf(task: CheckedTask, match: UnitMatcher): PlanCheckedTask["draft"] {
  const chosen = (u: UnitSpan) => (u.generic ? null : (match(u)?.orgId ?? null));
  const [lead, ...otherLeads] = task.leads.flatMap((u) => {
    const id = chosen(u);
    return id === null ? [] : [id];
  });
  const supportIds = [...otherLeads, ...task.support.flatMap((u) => chosen(u) ?? [])];
  const target = task.results.find((r) => r.target !== null)?.target ?? null;
  return {
    title: titleOf(task.text),
    leadOrgId: lead ?? null,
    supportOrgIds: [...new Set(supportIds)].filter((id) => id !== lead),
    responsibleName: task.person?.name ?? null,
    ...timingOfDeadline(task.time?.deadline),
    deliverable: task.deliverable?.text ?? null,
    targetValue: target?.value ?? null,
    targetUnit: target ? (target.percent ? `% ${target.unit}`.trim() : target.unit) : null,
  };
}

export function presentCheckedTask(task: CheckedTask, match: UnitMatcher): PlanCheckedTask {
  return {
    text: task.text,
    start: task.start,
    end: task.end,
    label: task.label,
    leads: task.leads.map(unitOf),
    support: task.support.map(unitOf),
    person: task.person
      ? { text: task.person.text, start: task.person.start, end: task.person.end, name: task.person.name }
      : null,
    deadlineText: task.time?.text ?? null,
    deadline: task.time?.deadline ?? null,
    deliverable: task.deliverable?.text ?? null,
    clears: task.clears.map((check) => ({
      key: check.key,
      grade: check.grade,
      reason: check.reason,
      spans: check.spans.map(({ text, start, end }) => ({ text, start, end })),
      inherited: check.inherited,
    })),
    draft: draftOf(task, match),
  };
}

/** The reasons the tasks give, each once, in both languages. */
export function reasonsOf(tasks: readonly CheckedTask[]): PlanCheck["reasons"] {
  const reasons: PlanCheck["reasons"] = {};
  for (const task of tasks)
    for (const check of task.clears) reasons[check.reason] ??= { ...PLAN_CLEAR_MESSAGES[check.reason] };
  return reasons;
}

export function summaryOf(
  tasks: readonly PlanCheckedTask[],
  clearSet: readonly ClearDefinition[],
): PlanCheck["summary"] {
  return {
    tasks: tasks.length,
    complete: tasks.filter((t) => t.clears.every((c) => c.grade === "present")).length,
    perClear: clearSet.map((clear, i) => {
      const grades = tasks.map((t) => t.clears[i]?.grade);
      return {
        key: clear.key,
        present: grades.filter((g) => g === "present").length,
        weak: grades.filter((g) => g === "weak").length,
        missing: grades.filter((g) => g === "missing").length,
      };
    }),
  };
}
