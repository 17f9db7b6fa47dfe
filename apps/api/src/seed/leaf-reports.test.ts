import { progressFromReports, type TaskStatus, taskStatus } from "@namro/domain";
import { describe, expect, it } from "vitest";
import { type LeafOutcome, type LeafTerms, leafReports, possibleOutcomes } from "./leaf-reports.ts";
import { createRandom } from "./random.ts";

const TODAY = "2026-11-22";

/** "hh:mm" of an ISO instant in Việt Nam (UTC+7, no daylight saving). */
function vietnamClock(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);
}

const EXPECTED: Record<LeafOutcome, TaskStatus> = {
  done_on_time: "done_on_time",
  done_late: "done_late",
  past_due: "overdue",
  report_late: "overdue",
  in_progress: "in_progress",
  not_started: "not_started",
  paused: "paused",
  cancelled: "cancelled",
};

const TERMS: [string, LeafTerms][] = [
  [
    "monthly, due at the year's end",
    { startDate: "2026-02-15", dueDate: "2026-12-31", reportFrequency: "monthly", targetValue: 35 },
  ],
  [
    "quarterly, due at the year's end",
    { startDate: "2026-02-15", dueDate: "2026-12-31", reportFrequency: "quarterly", targetValue: null },
  ],
  [
    "monthly, past its due date",
    { startDate: "2026-02-15", dueDate: "2026-07-15", reportFrequency: "monthly", targetValue: 12 },
  ],
  [
    "reported once, past its due date",
    { startDate: "2026-02-15", dueDate: "2026-05-01", reportFrequency: null, targetValue: 100 },
  ],
  [
    "reported once, due ahead",
    { startDate: "2026-02-15", dueDate: "2027-01-31", reportFrequency: null, targetValue: null },
  ],
  [
    "continuous, quarterly, no due date",
    { startDate: "2026-02-15", dueDate: null, reportFrequency: "quarterly", targetValue: null },
  ],
  [
    "starting later",
    { startDate: "2026-12-05", dueDate: "2027-03-31", reportFrequency: "monthly", targetValue: 4 },
  ],
];

describe("leafReports: each story gives the status it is meant to", () => {
  for (const [name, terms] of TERMS) {
    for (const outcome of possibleOutcomes(terms, TODAY)) {
      it(`${name}: ${outcome}`, () => {
        for (let seed = 0; seed < 20; seed++) {
          const { state, reports } = leafReports(terms, {
            outcome,
            today: TODAY,
            random: createRandom(`${name}/${outcome}/${seed}`),
            submittedBy: null,
            reviewedBy: null,
            awaiting: 0.5,
            returned: 0,
            narrative: () => "",
            returnReason: () => "",
          });
          const progress = progressFromReports(reports);
          const status = taskStatus(
            {
              state,
              schedule: terms.reportFrequency === null ? "once" : "monthly",
              reportFrequency: terms.reportFrequency,
              startDate: terms.startDate,
              dueDate: terms.dueDate,
              createdOn: terms.startDate,
              completedOn: progress.completedOn,
              progressPercent: progress.progressPercent,
              lastReportedPeriodEnd: progress.lastReportedPeriodEnd,
            },
            TODAY,
          );
          expect(status).toBe(EXPECTED[outcome]);
          // Nothing is dated after the seed's day; periods are unique and percentages never fall.
          expect(reports.every((r) => r.submittedAt.slice(0, 10) <= TODAY)).toBe(true);
          expect(new Set(reports.map((r) => r.periodKey)).size).toBe(reports.length);
          const percents = reports.map((r) => r.percent);
          expect(percents).toEqual([...percents].sort((a, b) => a - b));
          // Sent and reviewed in office hours, Việt Nam time (07:30–17:00).
          for (const at of reports.flatMap((r) => [r.submittedAt, r.reviewedAt ?? r.submittedAt])) {
            expect(vietnamClock(at) >= "07:30" && vietnamClock(at) <= "17:00", at).toBe(true);
          }
        }
      });
    }
  }
});
