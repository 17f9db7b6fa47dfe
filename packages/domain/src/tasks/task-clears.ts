// The five clears of a task's structured fields (issue 5), graded against a committee's clear-set. The
// web form runs this as the fields are filled in and the server stores the keys not fully satisfied
// (`missing_clears`), so both say the same. A weak clear counts as lacking: "chưa đủ 5 rõ" means some
// clear is not fully satisfied. The plan checker grades free text; here the fields say it directly, but
// the job's words are read with the plan checker's vocabulary so "tăng cường…" alone is weak in both.
import { type ClearDefinition, type ClearGrade, PLAN_CLEAR_MESSAGES } from "../plan-checker/plan-clears.ts";
import { findJob } from "../plan-checker/plan-results.ts";
import { planWords } from "../plan-checker/plan-words.ts";

export interface LocalizedReason {
  vi: string;
  en: string;
}

/** What the clears read of a task (the form's fields, or a stored task). */
export interface TaskClearFields {
  title?: string | null | undefined;
  leadOrgId?: number | null | undefined;
  supportOrgIds?: readonly number[] | undefined;
  responsibleAccountId?: number | null | undefined;
  responsibleName?: string | null | undefined;
  startDate?: string | null | undefined;
  dueDate?: string | null | undefined;
  schedule?: "once" | "monthly" | "quarterly" | "yearly" | "continuous" | undefined;
  reportFrequency?: "monthly" | "quarterly" | "half_yearly" | "yearly" | null | undefined;
  deliverable?: string | null | undefined;
  targetValue?: number | null | undefined;
  targetUnit?: string | null | undefined;
}

export interface TaskClearGrade {
  key: string;
  aspect: ClearDefinition["aspect"];
  label: { vi: string; en: string };
  grade: ClearGrade;
  reason: LocalizedReason;
}

/** Reasons the plan checker has no words for (a form's fields, not a plan's sentences). */
export const TASK_CLEAR_MESSAGES = {
  PERSON_ACCOUNT: { vi: "Đã giao cho một người có tài khoản.", en: "Assigned to a person with an account." },
  // The form asks for the person and the lead unit apart, so a reason names only the one not given.
  PERSON_MISSING: {
    vi: "Chưa nêu người chịu trách nhiệm (chọn tài khoản hoặc ghi họ tên, chức vụ).",
    en: "No responsible person is named (pick an account or write the name and position).",
  },
  RESPONSIBILITY_NO_LEAD: { vi: "Chưa giao đơn vị chủ trì.", en: "No lead unit is assigned." },
  JOB_TOO_SHORT: {
    vi: "Tên nhiệm vụ quá ngắn, chưa rõ làm gì; hãy ghi việc cụ thể (ví dụ “Ban hành kế hoạch…”).",
    en: "The title is too short to say what to do; state the work (e.g. “Issue the plan…”).",
  },
  TIME_START_ONLY: {
    vi: "Mới có ngày bắt đầu, chưa có thời hạn hoàn thành.",
    en: "Only a start date is set, no due date.",
  },
  TIME_CONTINUOUS_REPORTED: {
    vi: "Thực hiện thường xuyên, có kỳ báo cáo định kỳ.",
    en: "Continuous, with periodic reports.",
  },
  RESULT_TARGET_NO_UNIT: {
    vi: "Chỉ tiêu có con số nhưng chưa có đơn vị tính (ví dụ “đảng viên”, “%”).",
    en: "The target has a number but no unit (e.g. “members”, “%”).",
  },
} as const;

/** A title of fewer words than this says too little to be a job. */
const MIN_JOB_WORDS = 3;

function filled(text: string | null | undefined): boolean {
  return typeof text === "string" && text.trim() !== "";
}

type Graded = { grade: ClearGrade; reason: LocalizedReason };

function person(f: TaskClearFields): Graded {
  if (f.responsibleAccountId != null) return { grade: "present", reason: TASK_CLEAR_MESSAGES.PERSON_ACCOUNT };
  if (filled(f.responsibleName)) return { grade: "present", reason: PLAN_CLEAR_MESSAGES.PERSON_NAMED };
  return { grade: "missing", reason: TASK_CLEAR_MESSAGES.PERSON_MISSING };
}

function job(f: TaskClearFields): Graded {
  const title = f.title?.trim() ?? "";
  if (title === "") return { grade: "missing", reason: PLAN_CLEAR_MESSAGES.JOB_MISSING };
  const words = planWords(title);
  const found = findJob(title, words, () => false);
  if (found.concrete.length === 0 && found.vague.length > 0) {
    return { grade: "weak", reason: PLAN_CLEAR_MESSAGES.JOB_VAGUE };
  }
  if (words.filter((word) => word.kind !== "mark").length < MIN_JOB_WORDS) {
    return { grade: "weak", reason: TASK_CLEAR_MESSAGES.JOB_TOO_SHORT };
  }
  return { grade: "present", reason: PLAN_CLEAR_MESSAGES.JOB_CONCRETE };
}

function time(f: TaskClearFields): Graded {
  const schedule = f.schedule ?? "once";
  if (schedule === "continuous") {
    return f.reportFrequency != null || f.dueDate != null
      ? { grade: "present", reason: TASK_CLEAR_MESSAGES.TIME_CONTINUOUS_REPORTED }
      : { grade: "weak", reason: PLAN_CLEAR_MESSAGES.TIME_CONTINUOUS };
  }
  if (schedule !== "once") return { grade: "present", reason: PLAN_CLEAR_MESSAGES.TIME_RECURRING };
  if (f.dueDate != null) return { grade: "present", reason: PLAN_CLEAR_MESSAGES.TIME_DEADLINE };
  if (f.startDate != null) return { grade: "weak", reason: TASK_CLEAR_MESSAGES.TIME_START_ONLY };
  return { grade: "missing", reason: PLAN_CLEAR_MESSAGES.TIME_MISSING };
}

function responsibility(f: TaskClearFields): Graded {
  if (f.leadOrgId != null) return { grade: "present", reason: PLAN_CLEAR_MESSAGES.RESPONSIBILITY_LEAD };
  if ((f.supportOrgIds?.length ?? 0) > 0) {
    return { grade: "weak", reason: PLAN_CLEAR_MESSAGES.RESPONSIBILITY_SUPPORT_ONLY };
  }
  // A person is named: only the lead unit is lacking.
  if (f.responsibleAccountId != null || filled(f.responsibleName))
    return { grade: "missing", reason: TASK_CLEAR_MESSAGES.RESPONSIBILITY_NO_LEAD };
  return { grade: "missing", reason: PLAN_CLEAR_MESSAGES.RESPONSIBILITY_MISSING };
}

function result(f: TaskClearFields): Graded {
  const hasTarget = f.targetValue != null;
  if (hasTarget && !filled(f.targetUnit)) {
    return { grade: "weak", reason: TASK_CLEAR_MESSAGES.RESULT_TARGET_NO_UNIT };
  }
  if (hasTarget) return { grade: "present", reason: PLAN_CLEAR_MESSAGES.RESULT_TARGET };
  if (filled(f.deliverable)) return { grade: "present", reason: PLAN_CLEAR_MESSAGES.RESULT_PRODUCT };
  return { grade: "missing", reason: PLAN_CLEAR_MESSAGES.RESULT_MISSING };
}

const GRADERS: Record<ClearDefinition["aspect"], (f: TaskClearFields) => Graded> = {
  person,
  job,
  time,
  responsibility,
  result,
};

/** Every clear of `clearSet`, in its order, graded with its reason (clears of one aspect alike). */
export function checkTaskClears(
  fields: TaskClearFields,
  clearSet: readonly ClearDefinition[],
): TaskClearGrade[] {
  return clearSet.map((clear) => {
    const { grade, reason } = GRADERS[clear.aspect](fields);
    return { key: clear.key, aspect: clear.aspect, label: clear.label, grade, reason };
  });
}

/** Keys of the clears not fully satisfied (weak or missing): what `missing_clears` stores. */
export function missingClearKeys(grades: readonly TaskClearGrade[]): string[] {
  return grades.filter((clear) => clear.grade !== "present").map((clear) => clear.key);
}
