// How each aspect of a task is graded from what was found in it: present, weak or missing, with the
// reason (a key of PLAN_CLEAR_MESSAGES) and the words that decided it.

import type { ClearAspect, ClearGrade, PlanClearReason } from "./plan-clears.ts";
import type { JobFindings, ResultFinding, Span } from "./plan-results.ts";
import type { TimeKind } from "./plan-time.ts";
import type { LeadRole, UnitSpan } from "./plan-units.ts";

export interface TimeSpan extends Span {
  kind: TimeKind | "unrecognised";
  deadline: string | null;
  missingYear: boolean;
}

/** What was read in a task (and taken from a heading or "như trên"). */
export interface TaskFindings {
  leads: UnitSpan[];
  leadRole: LeadRole | null;
  leadInherited: boolean;
  person: UnitSpan | null;
  time: TimeSpan | null;
  timeInherited: boolean;
  results: ResultFinding[];
  resultInherited: boolean;
  vagueResults: Span[];
  job: JobFindings;
}

export interface AspectGrade {
  grade: ClearGrade;
  reason: PlanClearReason;
  /** The words that made the grade, to highlight. */
  spans: Span[];
  /** Taken from a heading above or from the task "như trên" refers to. */
  inherited: boolean;
}

const bare = (spans: readonly Span[]): Span[] => spans.map(({ text, start, end }) => ({ text, start, end }));
const graded = (
  grade: ClearGrade,
  reason: PlanClearReason,
  spans: readonly Span[] = [],
  inherited = false,
) => ({
  grade,
  reason,
  spans: bare(spans),
  inherited,
});

/** Rõ người: a person, or a unit in particular (not "các cơ quan liên quan"). */
function person(f: TaskFindings): AspectGrade {
  const generic = f.leads.length > 0 && f.leads.every((u) => u.generic);
  if (f.person) return graded("present", "PERSON_NAMED", [f.person]);
  if (f.leads.length > 0 && !generic) return graded("present", "PERSON_UNIT_NAMED", f.leads, f.leadInherited);
  if (generic) return graded("weak", "PERSON_GENERIC", f.leads, f.leadInherited);
  return graded("missing", "PERSON_MISSING");
}

/** Rõ trách nhiệm: one unit leads, or a person answers for it. */
function responsibility(f: TaskFindings): AspectGrade {
  const generic = f.leads.length > 0 && f.leads.every((u) => u.generic);
  if (f.leadRole === "supporting" && f.person === null) {
    return graded("weak", "RESPONSIBILITY_SUPPORT_ONLY", f.leads, f.leadInherited);
  }
  if (f.leads.length === 1 && !generic)
    return graded("present", "RESPONSIBILITY_LEAD", f.leads, f.leadInherited);
  if (f.leads.length === 0 && f.person) return graded("present", "RESPONSIBILITY_PERSON", [f.person]);
  if (generic) return graded("weak", "RESPONSIBILITY_GENERIC", f.leads, f.leadInherited);
  if (f.leads.length > 1) return graded("weak", "RESPONSIBILITY_SHARED", f.leads, f.leadInherited);
  return graded("missing", "RESPONSIBILITY_MISSING");
}

/** Rõ việc: a concrete action, not only "tăng cường", "đẩy mạnh". */
function job(f: TaskFindings): AspectGrade {
  if (f.job.concrete.length > 0) return graded("present", "JOB_CONCRETE", f.job.concrete);
  if (f.job.vague.length > 0) return graded("weak", "JOB_VAGUE", f.job.vague);
  return graded("missing", "JOB_MISSING");
}

/** Rõ thời gian: a day, a period or a recurrence; "thường xuyên" alone is weak. */
function time(f: TaskFindings): AspectGrade {
  const found = f.time;
  if (!found) return graded("missing", "TIME_MISSING");
  const spans = [found];
  if (found.kind === "unrecognised") return graded("weak", "TIME_UNRECOGNISED", spans, f.timeInherited);
  if (found.missingYear) return graded("weak", "TIME_NO_YEAR", spans, f.timeInherited);
  if (found.kind === "continuous") return graded("weak", "TIME_CONTINUOUS", spans, f.timeInherited);
  const reason = found.kind === "recurring" ? "TIME_RECURRING" : "TIME_DEADLINE";
  return graded("present", reason, spans, f.timeInherited);
}

/** Rõ kết quả: a product or a countable target; "nâng cao chất lượng" alone is weak. */
function result(f: TaskFindings): AspectGrade {
  const first = f.results[0];
  if (first) {
    const reason = first.kind === "target" ? "RESULT_TARGET" : "RESULT_PRODUCT";
    return graded("present", reason, f.results, f.resultInherited);
  }
  if (f.vagueResults.length > 0) return graded("weak", "RESULT_NO_PRODUCT", f.vagueResults);
  return graded("missing", "RESULT_MISSING");
}

const GRADERS: Readonly<Record<ClearAspect, (f: TaskFindings) => AspectGrade>> = {
  person,
  job,
  time,
  responsibility,
  result,
};

export function gradeAspect(aspect: ClearAspect, findings: TaskFindings): AspectGrade {
  return GRADERS[aspect](findings);
}
