// The JSON of issue 6 (`namro check-plan --json`): one object per task, projected from the richer
// CheckedTask the web page uses.

import type { CheckedTask } from "./check-plan.ts";
import type { ClearGrade } from "./plan-clears.ts";

export interface PlanTaskJson {
  text: string;
  start: number;
  end: number;
  lead: string | null;
  support: string[];
  person: string | null;
  deadlineText: string | null;
  deadline: string | null;
  deliverable: string | null;
  clears: {
    person: ClearGrade;
    job: ClearGrade;
    time: ClearGrade;
    responsibility: ClearGrade;
    result: ClearGrade;
  };
}

export function planTaskJson(task: CheckedTask): PlanTaskJson {
  return {
    text: task.text,
    start: task.start,
    end: task.end,
    lead: task.leads.length > 0 ? task.leads.map((u) => u.name).join(", ") : null,
    support: task.support.map((u) => u.name),
    person: task.person?.name ?? null,
    deadlineText: task.time?.text ?? null,
    deadline: task.time?.deadline ?? null,
    deliverable: task.deliverable?.text ?? null,
    clears: {
      person: task.aspects.person.grade,
      job: task.aspects.job.grade,
      time: task.aspects.time.grade,
      responsibility: task.aspects.responsibility.grade,
      result: task.aspects.result.grade,
    },
  };
}
