// `namro check-plan FILE [--json]`: reads a draft plan (.txt, .docx, or a PDF with a text layer) through
// the same reader as uploads, finds its tasks and grades the five clears of each (issue 6). A table for
// people (✓ present, ~ weak, ✗ missing); with --json the array of issue 6 (text, start, end, lead,
// support, person, deadlineText, deadline, deliverable, clears), offsets counted in the extracted text.
// A .docx's task tables are read as rows as well. No database is needed.

import { createReadStream } from "node:fs";
import { DOCUMENT_FILE_MAX_BYTES, ERROR_CATALOGUE } from "@namro/contracts";
import { type CheckedTask, type ClearGrade, checkPlan, DEFAULT_CLEARS, planTaskJson } from "@namro/domain";
import { AppError } from "../../platform/errors.ts";
import { TextFileError } from "../../platform/text-files/text-file-errors.ts";
import { readStreamAtMost } from "../../platform/text-files/text-file-reader.ts";
import { documentFileError } from "../documents/documents.service.ts";
import { type PlanFile, readPlanFile } from "./plan-checker.reader.ts";

const EXIT_FAILURE = 1;

export interface CheckPlanCommandOptions {
  json?: boolean;
}

export interface CommandOutput {
  out(line: string): void;
  error(line: string): void;
}

const MARKS: Readonly<Record<ClearGrade, string>> = { present: "✓", weak: "~", missing: "✗" };
/** First words of a task shown in the table; the JSON output always has it whole. */
const MAX_TASK_WIDTH = 48;

function firstWords(task: CheckedTask): string {
  const text = task.text.replace(/\s+/g, " ").trim();
  return text.length > MAX_TASK_WIDTH ? `${text.slice(0, MAX_TASK_WIDTH - 1)}…` : text;
}

/** The tasks as an aligned table: number, first words, one mark per clear, deadline; then a summary. */
export function planCheckTable(tasks: readonly CheckedTask[]): string[] {
  const header = [
    "#",
    "nhiệm vụ (task)",
    ...DEFAULT_CLEARS.map((c) => c.label.vi.replace(/^Rõ /, "")),
    "thời hạn (deadline)",
  ];
  const rows = tasks.map((task, i) => [
    String(i + 1),
    firstWords(task),
    ...DEFAULT_CLEARS.map((c) => MARKS[task.aspects[c.aspect].grade]),
    task.time ? `${task.time.deadline ?? "?"} (${task.time.text.replace(/\s+/g, " ")})` : "",
  ]);
  const widths = header.map((h, i) =>
    Math.max(Array.from(h).length, ...rows.map((r) => Array.from(r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((value, i) => value + " ".repeat((widths[i] ?? 0) - Array.from(value).length))
      .join("  ")
      .trimEnd();
  const lacking = tasks.filter((t) => Object.values(t.aspects).some((a) => a.grade !== "present")).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    `${tasks.length} nhiệm vụ, ${lacking} chưa đủ “5 rõ” (${tasks.length} tasks, ${lacking} lacking a clear); ✓ rõ, ~ chưa rõ, ✗ thiếu (present, weak, missing)`,
  ];
}

function failureMessage(error: unknown, file: string): string | null {
  const app = error instanceof TextFileError ? documentFileError(error) : null;
  if (app instanceof AppError) {
    const { vi, en } = ERROR_CATALOGUE[app.code];
    return `${file}: ${vi} (${en})`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${file}: không tìm thấy tệp (file not found)`;
  if (code === "EISDIR") return `${file}: đây là thư mục, không phải tệp (a directory, not a file)`;
  if (code === "EACCES") return `${file}: không có quyền đọc tệp (permission denied)`;
  return null;
}

function noTextMessage(file: PlanFile, name: string): string | null {
  switch (file.noText) {
    case "image":
      return `${name}: đây là ảnh, không có chữ để đọc (an image: there is no text to read)`;
    case "scan":
      return `${name}: tệp PDF không có lớp chữ (bản quét), không đọc được kế hoạch (a PDF without a text layer: no text to check)`;
    case "empty":
      return `${name}: tệp không có nội dung chữ (the file has no text)`;
    default:
      return null;
  }
}

/** Prints the checked tasks of the file; returns the exit code (1: unreadable, no text, or no task). */
export async function runCheckPlanCommand(
  file: string,
  options: CheckPlanCommandOptions,
  output: CommandOutput,
): Promise<number> {
  let plan: PlanFile;
  try {
    // read once: the bytes whose zip the reader checks are the bytes whose tables are read
    const bytes = await readStreamAtMost(createReadStream(file), DOCUMENT_FILE_MAX_BYTES);
    plan = await readPlanFile(bytes, DOCUMENT_FILE_MAX_BYTES);
  } catch (error) {
    const message = failureMessage(error, file);
    if (message === null) throw error;
    output.error(message);
    return EXIT_FAILURE;
  }
  const noText = noTextMessage(plan, file);
  if (noText !== null) {
    output.error(noText);
    return EXIT_FAILURE;
  }
  const tasks = checkPlan(plan.input);
  if (tasks.length === 0) {
    output.error(`${file}: Không tìm thấy nhiệm vụ nào trong văn bản (no tasks found in the document)`);
    return EXIT_FAILURE;
  }
  if (options.json) output.out(JSON.stringify(tasks.map(planTaskJson), null, 2));
  else for (const line of planCheckTable(tasks)) output.out(line);
  return 0;
}
