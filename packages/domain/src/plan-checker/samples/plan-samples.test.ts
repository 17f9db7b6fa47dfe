// Precision and recall of the plan checker on the hand-labelled samples, per field. The thresholds sit
// just under what the checker reaches now, so a change that reads worse fails here.
import { describe, expect, it } from "vitest";
import { toSearchKey } from "../../vietnamese-text.ts";
import { checkPlan } from "../check-plan.ts";
import { type PlanTaskJson, planTaskJson } from "../plan-check-json.ts";
import { EXPECTED_FINDINGS, type ExpectedTask } from "./plan-samples.expected.ts";
import { PLAN_SAMPLES, type PlanSample } from "./plan-samples.ts";

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const FIELDS = [
  "task",
  "lead",
  "support",
  "person",
  "deadline",
  "deliverable",
  "person clear",
  "job clear",
  "time clear",
  "responsibility clear",
  "result clear",
] as const;
type Field = (typeof FIELDS)[number];
const CLEAR_ORDER = ["person", "job", "time", "responsibility", "result"] as const;
const GRADE_LETTER = { present: "P", weak: "W", missing: "M" } as const;

const key = (value: string) => toSearchKey(value).replace(/\s*,\s*/g, ", ");

function tallyValue(
  t: Tally,
  expected: string | null,
  found: string | null,
  same: (a: string, b: string) => boolean,
) {
  if (expected !== null && found !== null && same(expected, found)) t.tp++;
  else {
    if (found !== null) t.fp++;
    if (expected !== null) t.fn++;
  }
}

function score(samples: readonly PlanSample[]): Record<Field, Tally> {
  const tallies = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Tally>;
  const exact = (a: string, b: string) => key(a) === key(b);
  const overlapping = (a: string, b: string) => key(a).includes(key(b)) || key(b).includes(key(a));
  for (const sample of samples) {
    const found = checkPlan(sample.input).map(planTaskJson);
    const expected = EXPECTED_FINDINGS[sample.name] ?? [];
    const used = new Set<number>();
    const pairs: [ExpectedTask | null, PlanTaskJson | null][] = [];
    for (const task of expected) {
      const index = found.findIndex((f, i) => !used.has(i) && f.text.includes(task.contains));
      if (index >= 0) used.add(index);
      pairs.push([task, index >= 0 ? (found[index] as PlanTaskJson) : null]);
    }
    found.forEach((f, i) => {
      if (!used.has(i)) pairs.push([null, f]);
    });
    for (const [want, got] of pairs) {
      tallyValue(tallies.task, want ? "task" : null, got ? "task" : null, () => true);
      tallyValue(tallies.lead, want?.lead ?? null, got?.lead ?? null, exact);
      tallyValue(tallies.person, want?.person ?? null, got?.person ?? null, exact);
      tallyValue(tallies.deadline, want?.deadline ?? null, got?.deadline ?? null, (a, b) => a === b);
      tallyValue(tallies.deliverable, want?.deliverable ?? null, got?.deliverable ?? null, overlapping);
      const wantSupport = new Set((want?.support ?? []).map(key));
      const gotSupport = new Set((got?.support ?? []).map(key));
      for (const s of gotSupport) {
        if (wantSupport.has(s)) tallies.support.tp++;
        else tallies.support.fp++;
      }
      for (const s of wantSupport) if (!gotSupport.has(s)) tallies.support.fn++;
      // A clear is "flagged" when weak or missing: what the office head must look at.
      CLEAR_ORDER.forEach((clear, i) => {
        const wantFlag = want ? want.clears[i] !== "P" : null;
        const gotFlag = got ? GRADE_LETTER[got.clears[clear]] !== "P" : null;
        const t = tallies[`${clear} clear`];
        if (
          wantFlag === true &&
          gotFlag === true &&
          want?.clears[i] === GRADE_LETTER[got?.clears[clear] ?? "present"]
        )
          t.tp++;
        else {
          if (gotFlag === true) t.fp++;
          if (wantFlag === true) t.fn++;
        }
      });
    }
  }
  return tallies;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const precision = (t: Tally) => ratio(t.tp, t.tp + t.fp);
const recall = (t: Tally) => ratio(t.tp, t.tp + t.fn);

// Reached on all samples (rounded down): a clear counts as right when it is flagged with the same grade.
const MINIMUM: Record<Field, { precision: number; recall: number }> = {
  task: { precision: 0.99, recall: 0.99 },
  lead: { precision: 0.99, recall: 0.99 },
  support: { precision: 0.99, recall: 0.99 },
  person: { precision: 0.88, recall: 0.8 },
  deadline: { precision: 0.99, recall: 0.99 },
  deliverable: { precision: 0.95, recall: 0.95 },
  "person clear": { precision: 0.87, recall: 0.99 },
  "job clear": { precision: 0.99, recall: 0.99 },
  "time clear": { precision: 0.99, recall: 0.99 },
  "responsibility clear": { precision: 0.9, recall: 0.99 },
  "result clear": { precision: 0.99, recall: 0.99 },
};

function report(title: string, tallies: Record<Field, Tally>): string[] {
  const rows = FIELDS.map((field) => {
    const t = tallies[field];
    return `${field.padEnd(22)} precision ${precision(t).toFixed(3)}  recall ${recall(t).toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
  });
  console.log(`${title}:\n${rows.join("\n")}`);
  return rows;
}

describe("plan checker on the hand-labelled samples", () => {
  const tallies = score(PLAN_SAMPLES);
  it("prints precision and recall per field", () => {
    expect(report(`Plan checker on ${PLAN_SAMPLES.length} samples`, tallies)).toHaveLength(FIELDS.length);
  });
  for (const field of FIELDS) {
    it(`${field}: precision and recall stay at the level reached`, () => {
      expect(precision(tallies[field])).toBeGreaterThanOrEqual(MINIMUM[field].precision);
      expect(recall(tallies[field])).toBeGreaterThanOrEqual(MINIMUM[field].recall);
    });
  }
});
