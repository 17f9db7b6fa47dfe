// The progress reports of one task that is not split further, for the story the seed wants it to tell
// on the seed's day: finished on time or late, on track, a periodic report missing, past its due date,
// paused, cancelled or not begun. Reports rise period by period; the latest one is sometimes awaiting
// review or returned with a reason, the older ones accepted.
import {
  addDays,
  periodsStartedBy,
  type ReportFrequency,
  type ReportPeriod,
  type TaskState,
} from "@namro/domain";
import type { Random } from "./random.ts";
import { type PlannedReport, type PlannedReportFile, vietnamTime } from "./task-seed-plan.ts";

export type LeafOutcome =
  | "done_on_time"
  | "done_late"
  | "in_progress"
  | "report_late"
  | "past_due"
  | "not_started"
  | "paused"
  | "cancelled";

export interface LeafTerms {
  startDate: string;
  dueDate: string | null;
  reportFrequency: ReportFrequency | null;
  targetValue: number | null;
}

export interface LeafStory {
  outcome: LeafOutcome;
  /** The seed's day (Vietnam); nothing is dated after it. */
  today: string;
  random: Random;
  submittedBy: number | null;
  reviewedBy: number | null;
  /** Share of latest reports still awaiting review, and returned for correction. */
  awaiting: number;
  returned: number;
  narrative: (percent: number, done: boolean) => string;
  returnReason: (random: Random) => string;
  /** Evidence for a report, or none. */
  evidence?: (period: ReportPeriod, percent: number) => PlannedReportFile[];
}

export interface LeafResult {
  state: TaskState;
  reports: PlannedReport[];
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dayBetween(random: Random, from: string, to: string): string {
  return to <= from ? from : addDays(from, random.int(0, daysBetween(from, to)));
}

/** Which outcomes a leaf may have given its dates on `today`. */
export function possibleOutcomes(terms: LeafTerms, today: string): LeafOutcome[] {
  if (terms.startDate > today) return ["not_started"];
  if (terms.dueDate !== null && terms.dueDate < today)
    return ["done_on_time", "done_late", "past_due", "paused", "cancelled"];
  const periodic = terms.reportFrequency !== null;
  return periodic
    ? ["done_on_time", "in_progress", "report_late", "paused", "cancelled"]
    : ["done_on_time", "in_progress", "not_started", "paused", "cancelled"];
}

/** One of `allowed`, drawn by `weights` (how often a leaf ends each way). */
export function pickOutcome(
  random: Random,
  allowed: readonly LeafOutcome[],
  weights: Record<LeafOutcome, number>,
): LeafOutcome {
  const total = allowed.reduce((sum, outcome) => sum + weights[outcome], 0);
  let draw = random.next() * total;
  for (const outcome of allowed) {
    draw -= weights[outcome];
    if (draw < 0) return outcome;
  }
  return allowed.at(-1) as LeafOutcome;
}

/** The reports of a leaf for `story.outcome` (which must be one of possibleOutcomes). */
export function leafReports(terms: LeafTerms, story: LeafStory): LeafResult {
  const { today, random } = story;
  const periods = periodsStartedBy(
    {
      reportFrequency: terms.reportFrequency,
      startDate: terms.startDate,
      dueDate: terms.dueDate,
      createdOn: terms.startDate,
    },
    today,
  );
  const yesterday = addDays(today, -1);
  const reports: PlannedReport[] = [];
  let state: TaskState = "active";
  const valueAt = (percent: number) =>
    terms.targetValue === null ? null : Math.round((terms.targetValue * percent) / 100);
  const add = (period: ReportPeriod, percent: number, completedOn: string | null, submittedOn: string) => {
    const day = min(submittedOn, yesterday);
    // Office hours in Việt Nam: sent 07:30–16:59, reviewed 08:00–15:52 (as many draws as before, so
    // the rest of the demo stays as it was).
    const hour = random.int(7, 16);
    const minute = random.int(0, 59);
    const submittedAt = vietnamTime(day, hour, hour === 7 && minute < 30 ? minute + 30 : minute);
    const reviewDay = min(addDays(day, random.int(1, 4)), yesterday);
    const reviewedAt = vietnamTime(reviewDay, 8, random.int(0, 59) * 8);
    reports.push({
      periodKey: period.key,
      periodStart: period.start,
      periodEnd: period.end,
      percent,
      actualValue:
        completedOn !== null && terms.targetValue !== null
          ? Math.round(terms.targetValue * (random.chance(0.3) ? 1 + random.int(1, 15) / 100 : 1))
          : valueAt(percent),
      narrative: story.narrative(percent, completedOn !== null),
      completedOn,
      status: "accepted",
      returnReason: null,
      submittedBy: story.submittedBy,
      submittedAt,
      reviewedBy: story.reviewedBy,
      reviewedAt: reviewedAt < submittedAt ? submittedAt : reviewedAt,
      files: story.evidence?.(period, percent) ?? [],
    });
  };
  /** Rising percentages for the periods reported, ending near `last`. */
  const rising = (count: number, last: number) =>
    Array.from({ length: count }, (_, i) =>
      Math.min(last, Math.max(5, Math.round((last * (i + 1)) / count) - random.int(0, 4))),
    );
  const reportDay = (period: ReportPeriod) => addDays(period.end, random.int(1, 5));

  switch (story.outcome) {
    case "not_started":
      break;
    case "done_on_time":
    case "done_late": {
      const due = terms.dueDate ?? yesterday;
      const done =
        story.outcome === "done_on_time"
          ? dayBetween(random, max(terms.startDate, addDays(min(due, yesterday), -45)), min(due, yesterday))
          : dayBetween(random, addDays(due, 1), min(yesterday, addDays(due, 45)));
      // The period the work was finished in (the last one when finished after the due date).
      const last = periods.find((period) => period.start <= done && done <= period.end) ?? periods.at(-1);
      const before = periods.filter((period) => period.end < done && period !== last);
      rising(before.length + 1, 95)
        .slice(0, before.length)
        .forEach((percent, i) => {
          add(before[i] as ReportPeriod, percent, null, reportDay(before[i] as ReportPeriod));
        });
      if (last) add(last, 100, done, addDays(done, random.int(0, 2)));
      break;
    }
    case "in_progress":
    case "report_late":
    case "past_due":
    case "paused":
    case "cancelled": {
      let reported = periods.filter((period) => period.dueOn < today);
      // A period ended but not yet due is reported by some; the current one by none.
      const ended = periods.filter((period) => period.end < today && period.dueOn >= today);
      if (story.outcome === "in_progress" && random.chance(0.5)) reported = [...reported, ...ended];
      if (terms.reportFrequency === null) reported = story.outcome === "in_progress" ? periods : [];
      if (story.outcome === "report_late")
        reported = reported.slice(0, -random.int(1, Math.min(2, reported.length)));
      if (story.outcome === "past_due" || story.outcome === "paused")
        reported = reported.slice(0, Math.max(1, reported.length - random.int(0, 3)));
      if (story.outcome === "cancelled")
        reported = reported.slice(0, random.int(0, Math.min(2, reported.length)));
      const last = story.outcome === "past_due" ? random.int(40, 90) : random.int(35, 90);
      const percents = rising(reported.length, last);
      reported.forEach((period, i) => {
        const day =
          period.key === "final" ? dayBetween(random, terms.startDate, yesterday) : reportDay(period);
        add(period, percents[i] as number, null, day);
      });
      if (story.outcome === "paused" || story.outcome === "cancelled") state = story.outcome;
      break;
    }
  }
  // The latest report: awaiting review, or returned for correction (never the one that finishes it).
  const latest = reports.at(-1);
  if (latest) {
    const draw = random.next();
    if (draw < story.awaiting) {
      latest.status = "submitted";
      latest.reviewedBy = null;
      latest.reviewedAt = null;
    } else if (draw < story.awaiting + story.returned && latest.completedOn === null) {
      latest.status = "returned";
      latest.returnReason = story.returnReason(random);
    }
  }
  return { state, reports };
}
