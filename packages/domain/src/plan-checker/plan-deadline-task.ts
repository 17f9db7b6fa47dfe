// A checked task's deadline as a task's dates: a day is the due date; a month, quarter, half-year or
// year is due on its last day; "hằng năm / hằng quý / hằng tháng" repeat with a report each period;
// "6 tháng một lần" reports half-yearly; "thường xuyên" is continuous with no report period yet (the
// time clear stays weak until one is chosen). Anything else gives nothing (the clear stays missing).

export type PlanTaskSchedule = "once" | "monthly" | "quarterly" | "yearly" | "continuous";
export type PlanTaskReportFrequency = "monthly" | "quarterly" | "half_yearly" | "yearly";

export interface PlanTaskTiming {
  dueDate: string | null;
  schedule: PlanTaskSchedule;
  reportFrequency: PlanTaskReportFrequency | null;
}

const NONE: PlanTaskTiming = { dueDate: null, schedule: "once", reportFrequency: null };

const pad = (n: number) => String(n).padStart(2, "0");

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function validDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const RECURRING: Readonly<Record<string, PlanTaskTiming>> = {
  yearly: { dueDate: null, schedule: "yearly", reportFrequency: "yearly" },
  "half-yearly": { dueDate: null, schedule: "continuous", reportFrequency: "half_yearly" },
  quarterly: { dueDate: null, schedule: "quarterly", reportFrequency: "quarterly" },
  monthly: { dueDate: null, schedule: "monthly", reportFrequency: "monthly" },
  continuous: { dueDate: null, schedule: "continuous", reportFrequency: null },
};

/** The due date, schedule and report frequency a checker deadline stands for. */
export function timingOfDeadline(deadline: string | null | undefined): PlanTaskTiming {
  if (!deadline) return NONE;
  const recurring = RECURRING[deadline];
  if (recurring) return { ...recurring };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  if (m) return validDay(deadline) ? { ...NONE, dueDate: deadline } : NONE;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(deadline);
  if (m) return { ...NONE, dueDate: lastDayOf(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-Q([1-4])$/.exec(deadline);
  if (m) return { ...NONE, dueDate: lastDayOf(Number(m[1]), Number(m[2]) * 3) };
  m = /^(\d{4})-H([12])$/.exec(deadline);
  if (m) return { ...NONE, dueDate: lastDayOf(Number(m[1]), Number(m[2]) * 6) };
  m = /^(\d{4})$/.exec(deadline);
  if (m) return { ...NONE, dueDate: `${m[1]}-12-31` };
  return NONE;
}
