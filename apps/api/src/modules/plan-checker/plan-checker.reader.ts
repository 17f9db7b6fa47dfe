// A draft plan's file read for the checker, by the CLI and the web alike: the upload reader's text
// (format from the bytes, zip checks, legacy encodings) and, for a .docx, its task tables as rows.
import type { PlanInput } from "@namro/domain";
import { type ReadFile, readTextFile } from "../../platform/text-files/text-file-reader.ts";
import { docxTables } from "./plan-checker.docx-tables.ts";

/** Why a file that was read holds no plan text: an image, a scan without a text layer, or nothing. */
export type PlanFileNoText = "image" | "scan" | "empty";

export interface PlanFile {
  read: ReadFile;
  input: PlanInput;
  noText: PlanFileNoText | null;
}

export function noTextOf(read: ReadFile): PlanFileNoText | null {
  if (read.kind === "image") return "image";
  if (read.text.trim() !== "") return null;
  return read.kind === "pdf" ? "scan" : "empty";
}

/** Reads the bytes (throws TextFileError when they cannot be read); tables only for a .docx with text. */
export async function readPlanFile(bytes: Buffer, maxBytes: number): Promise<PlanFile> {
  const read = await readTextFile(bytes, maxBytes);
  const noText = noTextOf(read);
  // the reader has checked this .docx's zip; its tables are read again as rows
  const tables = read.kind === "docx" && noText === null ? await docxTables(bytes) : [];
  return { read, input: { text: read.text, tables }, noText };
}
