// Reads a draft plan like a careful office head: finds each task, what it names for each clear, and
// whether each clear is present, weak or missing — with the words found, for highlighting. Pure: text
// (and a .docx's table rows) in, tasks out; never throws.

import { extractReferences } from "../party-documents/reference-extractor.ts";
import { type ClearAspect, type ClearDefinition, DEFAULT_CLEARS } from "./plan-clears.ts";
import { type AspectGrade, gradeAspect, type TaskFindings, type TimeSpan } from "./plan-grades.ts";
import {
  findJob,
  findResults,
  findVagueResults,
  type JobFindings,
  type ResultFinding,
  type Span,
} from "./plan-results.ts";
import {
  findPlanBlocks,
  type PlanBlock,
  type PlanHeading,
  type PlanInput,
  type TextSpan,
} from "./plan-structure.ts";
import { chooseDeadline, findTimes } from "./plan-time.ts";
import { findUnits, type LeadRole, personAt, readUnitsForward, type UnitSpan } from "./plan-units.ts";
import { SAME_AS_ABOVE, SAME_AS_ITEM, type TableColumn } from "./plan-vocabulary.ts";
import { matchAt, type PlanWord, phraseSet, planWords, spanLookup } from "./plan-words.ts";

export type { TimeSpan } from "./plan-grades.ts";

export interface ClearCheck extends AspectGrade {
  key: string;
  aspect: ClearAspect;
}

export interface CheckedTask extends Span {
  kind: PlanBlock["kind"];
  /** The marker or row number as written: "1.", "a)", "2". */
  label: string | null;
  /** Units named as leading (more than one: shared). */
  leads: UnitSpan[];
  support: UnitSpan[];
  person: UnitSpan | null;
  time: TimeSpan | null;
  results: ResultFinding[];
  deliverable: ResultFinding | null;
  job: JobFindings;
  /** "như trên", "như mục 1" as written. */
  references: Span[];
  /** One check per clear of the set asked for, in its order. */
  clears: ClearCheck[];
  /** Grades of all five aspects, whatever the set. */
  aspects: Record<ClearAspect, ClearCheck>;
}

export interface PlanCheckOptions {
  /** The committee's clear-set (default: the five). */
  clears?: readonly ClearDefinition[];
  /** The year for days and periods written without one; default: the year of the plan's own date. */
  planYear?: number | null;
}

const SAME_ABOVE = phraseSet(SAME_AS_ABOVE);
const SAME_ITEM = phraseSet(SAME_AS_ITEM);
const FIELD_LABELS: readonly (readonly [Field, readonly string[]])[] = [
  ["time", ["thoi gian", "thoi han", "tien do"]],
  ["lead", ["chu tri", "thuc hien", "co quan chu tri"]],
  ["support", ["phoi hop"]],
  ["result", ["san pham", "ket qua"]],
  ["person", ["nguoi phu trach"]],
];
type Field = "lead" | "support" | "time" | "result" | "person";
const ALL_FIELDS: readonly Field[] = ["lead", "support", "time", "result", "person"];

interface Reference {
  span: Span;
  fields: readonly Field[];
  /** "1", "2.1": "như mục 1"; null: the task before. */
  item: string | null;
}

interface Findings extends TaskFindings {
  support: UnitSpan[];
  references: Reference[];
}

function spanOf(text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), start, end };
}

/** What every part of the check shares: the text, the plan's year and where the text cites documents. */
interface PlanContext {
  text: string;
  planYear: number | null;
  /** Inside a citation ("Quy định số 366-QĐ/TW ngày 30/8/2025"): its dates are not deadlines. */
  isCitation: (offset: number) => boolean;
}

function timesIn(ctx: PlanContext, region: TextSpan): TimeSpan | null {
  const { text } = ctx;
  const words = planWords(text, region.start, region.end);
  const chosen = chooseDeadline(findTimes(words, ctx.planYear, ctx.isCitation));
  if (!chosen) return null;
  return {
    ...spanOf(text, chosen.start, chosen.end),
    kind: chosen.kind,
    deadline: chosen.deadline,
    missingYear: chosen.missingYear,
  };
}

function referencesIn(text: string, words: readonly PlanWord[], fixed: Field | null): Reference[] {
  const found: Reference[] = [];
  for (let i = 0; i < words.length; i++) {
    const above = matchAt(words, i, SAME_ABOVE);
    const item = above > 0 ? 0 : matchAt(words, i, SAME_ITEM);
    if (above === 0 && item === 0) continue;
    // "nt" counts only as a whole cell; "như trên" anywhere
    if (above === 1 && words.length > 1) continue;
    let to = i + (above || item);
    let target: string | null = null;
    if (item > 0) {
      const number = words[to];
      if (number?.kind !== "number" && !(number?.kind === "word" && number.key.length === 1)) continue;
      target = (number as PlanWord).key.replace(/\.$/, "");
      to++;
    }
    let fields: readonly Field[] = fixed ? [fixed] : ALL_FIELDS;
    if (!fixed) {
      // the labels said before it in the same clause: "chủ trì, phối hợp và sản phẩm như trên"
      let from = i;
      while (from > 0 && i - from < 8 && words[from - 1]?.key !== ";" && words[from - 1]?.key !== ".") from--;
      const before = ` ${words
        .slice(from, i)
        .map((w) => w.key)
        .join(" ")} `;
      const labelled = FIELD_LABELS.filter(([, labels]) => labels.some((l) => before.includes(` ${l} `))).map(
        ([field]) => field,
      );
      if (labelled.length > 0) fields = labelled;
    }
    const first = words[i] as PlanWord;
    const last = words[to - 1] as PlanWord;
    found.push({ span: spanOf(text, first.start, last.end), fields, item: target });
  }
  return found;
}

/** Units of a table cell: names read from it, else the whole cell as one unit. */
function unitsOfCell(text: string, cell: TextSpan): UnitSpan[] {
  const words = planWords(text, cell.start, cell.end);
  const units: UnitSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const read = readUnitsForward(text, words, i);
    if (read.units.length > 0) {
      units.push(...read.units);
      i = read.to;
    } else i++;
  }
  return units;
}

function analyseProse(ctx: PlanContext, region: TextSpan): Findings {
  const { text } = ctx;
  const words = planWords(text, region.start, region.end);
  const units = findUnits(text, words);
  const unitSpans = [...units.leads, ...units.support, ...(units.person ? [units.person] : [])].map(
    (u) => [u.start, u.end] as const,
  );
  const inUnit = spanLookup(unitSpans);
  const skipResult = (i: number) => ctx.isCitation((words[i] as PlanWord).start);
  const skipJob = (i: number) => skipResult(i) || inUnit((words[i] as PlanWord).start);
  return {
    leads: units.leads,
    leadRole: units.leadRole,
    leadInherited: false,
    support: units.support,
    person: units.person,
    time: timesIn(ctx, region),
    timeInherited: false,
    results: findResults(text, words, skipResult),
    resultInherited: false,
    vagueResults: findVagueResults(text, words),
    job: findJob(text, words, skipJob),
    references: referencesIn(text, words, null),
  };
}

function analyseRow(
  ctx: PlanContext,
  cells: Partial<Record<TableColumn, TextSpan>>,
  headings: readonly PlanHeading[],
): Findings {
  const { text } = ctx;
  const content = cells.text as TextSpan;
  const findings = analyseProse(ctx, content);
  // A table's time is its time column or the group row above; a year in the content names the subject
  // ("Tổng kết công tác năm 2026").
  const contentTime = findings.time;
  findings.time = null;
  inheritFromHeadings(ctx, headings, findings);
  if (findings.time === null) {
    findings.time = contentTime;
    findings.timeInherited = false;
  }
  const references: Reference[] = [...findings.references];
  const cellWords = (column: TableColumn) => {
    const cell = cells[column];
    return cell ? planWords(text, cell.start, cell.end) : [];
  };
  for (const column of ["lead", "support", "time", "result", "person"] as const) {
    references.push(...referencesIn(text, cellWords(column), column));
  }
  const referred = (column: Field) => references.some((r) => r.fields.length === 1 && r.fields[0] === column);
  if (cells.lead && !referred("lead")) {
    const leads = unitsOfCell(text, cells.lead);
    findings.leads =
      leads.length > 0
        ? leads
        : [
            {
              ...spanOf(text, cells.lead.start, cells.lead.end),
              name: spanOf(text, cells.lead.start, cells.lead.end).text,
              generic: false,
            },
          ];
  }
  if (cells.support && !referred("support")) findings.support = unitsOfCell(text, cells.support);
  if (cells.person && !referred("person")) {
    // "đồng chí Bí thư chi bộ": the person, without the form of address
    const written = spanOf(text, cells.person.start, cells.person.end);
    const words = planWords(text, cells.person.start, cells.person.end);
    findings.person = personAt(text, words, 0, true) ?? { ...written, name: written.text, generic: false };
  }
  if (cells.time && !referred("time")) {
    findings.timeInherited = false;
    findings.time = timesIn(ctx, cells.time) ?? {
      ...spanOf(text, cells.time.start, cells.time.end),
      kind: "unrecognised",
      deadline: null,
      missingYear: false,
    };
  }
  if (cells.result && !referred("result")) {
    const words = cellWords("result");
    const found = findResults(text, words, () => false);
    findings.results =
      found.length > 0
        ? found
        : [{ ...spanOf(text, cells.result.start, cells.result.end), kind: "product", target: null }];
  }
  findings.references = references;
  return findings;
}

/** The year of the plan's own date ("Bắc Ninh, ngày 05 tháng 02 năm 2026"), read before its first task. */
export function planYearOf(
  text: string,
  firstTask: number,
  isCitation: (offset: number) => boolean,
): number | null {
  const end = Math.min(firstTask, 3_000);
  const words = planWords(text, 0, end);
  for (const time of findTimes(words, null, isCitation)) {
    if (time.kind === "date" && time.deadline) return Number(time.deadline.slice(0, 4));
  }
  return null;
}

const ASPECTS: readonly ClearAspect[] = ["person", "job", "time", "responsibility", "result"];

/** Fills what a heading above says (a deadline, a lead) into a task that does not say it itself. */
function inheritFromHeadings(ctx: PlanContext, headings: readonly PlanHeading[], f: Findings): void {
  const { text } = ctx;
  for (const heading of [...headings].reverse()) {
    if (f.time === null) {
      const time = timesIn(ctx, heading);
      if (time) {
        f.time = time;
        f.timeInherited = true;
      }
    }
    if (f.leads.length === 0 && f.person === null) {
      const units = findUnits(text, planWords(text, heading.start, heading.end));
      if (units.leadRole === "lead" || units.leadRole === "assigned") {
        f.leads = units.leads;
        f.leadInherited = true;
      }
    }
  }
}

function inheritFromReference(f: Findings, reference: Reference, from: Findings | undefined): void {
  if (!from) return;
  for (const field of reference.fields) {
    if (field === "lead" && f.leads.length === 0 && f.person === null) {
      f.leads = from.leads;
      f.person = from.person;
      f.leadInherited = true;
    }
    if (field === "support" && f.support.length === 0) f.support = from.support;
    if (field === "person" && f.person === null) f.person = from.person;
    if (field === "time" && f.time === null && from.time) {
      f.time = from.time;
      f.timeInherited = true;
    }
    if (field === "result" && f.results.length === 0 && from.results.length > 0) {
      f.results = from.results;
      f.resultInherited = true;
    }
  }
}

/**
 * A paragraph outside any task heading is a task when it sets a time or a result, assigns ("giao",
 * "chủ trì") or names a person — a unit doing something ("Văn phòng xin gửi …") is not enough.
 */
/**
 * The year a heading above sets ("NHIỆM VỤ NĂM 2027", "Quý II/2027"), nearest first: days written
 * without a year below it ("trước 15/12") fall in that year rather than the plan's.
 */
function headingYear(
  ctx: PlanContext,
  headings: readonly PlanHeading[],
  cache: Map<number, number | null>,
): number | null {
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i] as PlanHeading;
    let year = cache.get(heading.start);
    if (year === undefined) {
      const words = planWords(ctx.text, heading.start, heading.end);
      const written = findTimes(words, null, ctx.isCitation).find(
        (t) => t.deadline !== null && /^\d{4}/.test(t.deadline),
      );
      year = written ? Number(written.deadline?.slice(0, 4)) : null;
      cache.set(heading.start, year);
    }
    if (year !== null) return year;
  }
  return null;
}

const hasSignal = (f: Findings, role: LeadRole | null) =>
  f.time !== null || f.results.length > 0 || f.person !== null || (f.leads.length > 0 && role !== "subject");

/** Every task of the plan with its clears; [] when the text holds none. Never throws. */
export function checkPlan(input: PlanInput | string, options: PlanCheckOptions = {}): CheckedTask[] {
  const plan: PlanInput = typeof input === "string" ? { text: input } : input;
  const { text } = plan;
  const blocks = findPlanBlocks(plan);
  const isCitation = spanLookup(extractReferences(text).map((r) => [r.start, r.end] as const));
  const planYear =
    options.planYear !== undefined
      ? options.planYear
      : planYearOf(text, blocks[0]?.start ?? text.length, isCitation);
  const ctx: PlanContext = { text, planYear, isCitation };
  const clearSet = options.clears ?? DEFAULT_CLEARS;

  const tasks: CheckedTask[] = [];
  const byNumber = new Map<string, Findings>();
  let previous: Findings | undefined;
  const headingYears = new Map<number, number | null>();
  for (const block of blocks) {
    const blockCtx = { ...ctx, planYear: headingYear(ctx, block.headings, headingYears) ?? planYear };
    const f = block.cells?.text
      ? analyseRow(blockCtx, block.cells, block.headings)
      : analyseProse(blockCtx, block);
    if (block.needsSignal && !hasSignal(f, f.leadRole)) continue;
    for (const reference of f.references) {
      inheritFromReference(f, reference, reference.item === null ? previous : byNumber.get(reference.item));
    }
    inheritFromHeadings(blockCtx, block.headings, f);
    if (block.number !== null && !byNumber.has(block.number)) byNumber.set(block.number, f);
    previous = f;

    const aspects = {} as Record<ClearAspect, ClearCheck>;
    for (const aspect of ASPECTS) aspects[aspect] = { key: aspect, aspect, ...gradeAspect(aspect, f) };
    const deliverable = f.results[0] ?? null;
    tasks.push({
      // a row's task as written is its content cell; the other cells are the clears' spans
      ...(block.cells?.text
        ? spanOf(text, block.cells.text.start, block.cells.text.end)
        : spanOf(text, block.start, block.end)),
      kind: block.kind,
      label: block.label,
      leads: f.leads,
      support: f.support,
      person: f.person,
      time: f.time,
      results: f.results,
      deliverable,
      job: f.job,
      references: f.references.map((r) => r.span),
      clears: clearSet.map((clear) => ({ ...aspects[clear.aspect], key: clear.key })),
      aspects,
    });
  }
  return tasks;
}
