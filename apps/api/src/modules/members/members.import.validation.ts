// Validates the rows of an import in batches: each row read through the mapping (domain readMemberRow),
// its cell found by the "Chi bộ" column, repeats inside the file found, and existing members it
// matches (citizen ID, card number, or name + birth date) found, with what a commit would do with it.

import type { MemberImportProblem } from "@namro/contracts";
import {
  type ImportedRecord,
  type LegacyEncoding,
  type MappedColumn,
  MEMBER_RECORD_FIELDS,
  type MemberImportField,
  type MemberRecordField,
  type ParseCache,
  readMemberRow,
  SENSITIVE_MEMBER_FIELDS,
  toSearchKey,
  vietnameseNameSortKey,
} from "@namro/domain";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { isWithin } from "../../platform/auth/actor.ts";
import { type ImportColumn, importCell, type StoredCell } from "./members.import.reader.ts";
import {
  type CellOrg,
  type ExistingMember,
  findCandidates,
  type ImportRowData,
  type NewMemberRow,
} from "./members.import.repository.ts";

export type MatchDecision = "update" | "skip" | "merge";

/** What a row carries into the commit, stored as member_import_rows.record. */
export interface RowRecord {
  values: ImportedRecord;
  /** Sensitive fields given masked or not to be written by this actor: the stored value is kept. */
  keep: MemberImportField[];
  /** The cell for a new member. */
  orgId: number | null;
  /** The matched member's version when the row was validated: a commit refuses a member changed since. */
  matchVersion?: number | null;
}

export const SENSITIVE: MemberImportField[] = [...SENSITIVE_MEMBER_FIELDS];
/**
 * Membership dates belong to the member's history (admission and confirmation events): an import never
 * changes them on an existing member.
 */
const HISTORY_FIELDS: MemberImportField[] = ["admittedOn", "fullMemberOn"];

/** Looks up the cell a row names, within the import's organisation. */
export class CellDirectory {
  private readonly byCode = new Map<string, CellOrg>();
  private readonly byName = new Map<string, CellOrg[]>();
  readonly defaultCell: CellOrg | null;
  constructor(root: { id: number; holdsMembers: boolean }, cells: CellOrg[]) {
    for (const cell of cells) {
      this.byCode.set(cell.code.toLowerCase(), cell);
      const key = toSearchKey(cell.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), cell]);
    }
    this.defaultCell = root.holdsMembers ? (cells.find((c) => c.id === root.id) ?? null) : null;
  }
  resolve(text: string | null | undefined): { cell: CellOrg } | { code: string; message: string } {
    if (!text) {
      return this.defaultCell
        ? { cell: this.defaultCell }
        : {
            code: "IMPORT_CELL_MISSING",
            message:
              'Thiếu chi bộ: tổ chức được chọn không phải chi bộ, hãy ghi tên hoặc mã chi bộ ở cột "Chi bộ".',
          };
    }
    const byCode = this.byCode.get(text.trim().toLowerCase());
    if (byCode) return { cell: byCode };
    const byName = this.byName.get(toSearchKey(text)) ?? [];
    if (byName.length === 1 && byName[0]) return { cell: byName[0] };
    if (byName.length > 1) {
      return {
        code: "IMPORT_CELL_AMBIGUOUS",
        message: `Có ${byName.length} chi bộ cùng tên "${text}" trong tổ chức được chọn; hãy ghi mã chi bộ.`,
      };
    }
    return {
      code: "IMPORT_CELL_UNKNOWN",
      message: `Không tìm thấy chi bộ "${text}" trong tổ chức được chọn.`,
    };
  }
}

export interface ValidationContext {
  db: Kysely<Database>;
  columns: ImportColumn[];
  encoding: LegacyEncoding | null;
  today: string;
  referenceYear: number;
  cells: CellDirectory;
  canSeeSensitive: boolean;
  /** Subtrees where the actor manages members: a matched member elsewhere cannot be changed. */
  manageScope: string[];
  matchDecision: MatchDecision;
  /** Keys of earlier rows of the file → their row number (grows across batches). */
  seen: Map<string, number>;
  cache: ParseCache;
}

export interface RowInput {
  rowNumber: number;
  raw: StoredCell[];
  decision: MatchDecision | null;
}

const problem = (row: number, column: string, code: string, message: string): MemberImportProblem => ({
  row,
  column,
  code,
  message,
});

// Built with join(), which makes one flat string: a template literal makes a chain of cons strings that
// keeps its parts alive, and these keys stay in `seen` for the whole file (150,000 rows: ~50 MB more live
// heap, which V8 lets grow about threefold before collecting).
function keysOf(values: ImportedRecord): string[] {
  const keys: string[] = [];
  if (values.citizenId) keys.push(["id", values.citizenId].join(":"));
  if (values.cardNumber) keys.push(["card", values.cardNumber].join(":"));
  if (values.fullName && values.birthDate) {
    keys.push(
      ["nb:", toSearchKey(values.fullName), "|", values.birthDate, "|", values.citizenId ?? ""].join(""),
    );
  }
  return keys;
}

/** A batch read and checked row by row, before the lookup of the members its rows may match. */
export interface StagedBatch {
  rows: {
    row: RowInput;
    values: ImportedRecord;
    keep: MemberImportField[];
    problems: MemberImportProblem[];
    duplicateOf: number | null;
  }[];
}

/** Existing members the rows of a batch may match. */
export type Candidates = ExistingMember[];

export async function validateBatch(ctx: ValidationContext, rows: RowInput[]): Promise<ImportRowData[]> {
  const staged = stageBatch(ctx, rows);
  return matchBatch(ctx, staged, await lookupCandidates(ctx, staged));
}

/**
 * Reads and checks each row, and marks rows repeating an earlier row of the file (ctx.seen): no
 * database work, so a reader can stage the next batch while the lookup of this one runs.
 */
export function stageBatch(ctx: ValidationContext, rows: RowInput[]): StagedBatch {
  const mapped: MappedColumn[] = ctx.columns.map((c) => ({
    index: c.index,
    header: c.header,
    field: c.field,
  }));
  const headerOf = (field: MemberImportField) => ctx.columns.find((c) => c.field === field)?.header ?? "";
  const staged = rows.map((row) => {
    const read = readMemberRow(row.raw.map(importCell), mapped, {
      referenceYear: ctx.referenceYear,
      today: ctx.today,
      encoding: ctx.encoding,
      cache: ctx.cache,
    });
    const keep = new Set<MemberImportField>(read.masked);
    if (!ctx.canSeeSensitive) {
      for (const field of SENSITIVE) {
        delete read.record[field];
        keep.add(field);
      }
    }
    const problems = read.problems.map((p) => problem(row.rowNumber, p.column, p.code, p.message));
    let duplicateOf: number | null = null;
    if (problems.length === 0) {
      let duplicateKey = "";
      for (const key of keysOf(read.record)) {
        const earlier = ctx.seen.get(key);
        if (earlier !== undefined && duplicateOf === null) {
          duplicateOf = earlier;
          duplicateKey = key;
        }
      }
      if (duplicateOf !== null) {
        problems.push(
          problem(
            row.rowNumber,
            headerOf(
              duplicateKey.startsWith("id:")
                ? "citizenId"
                : duplicateKey.startsWith("card:")
                  ? "cardNumber"
                  : "fullName",
            ),
            "IMPORT_DUPLICATE_ROW",
            `Trùng với dòng ${duplicateOf} của tệp (cùng số định danh, số thẻ hoặc họ tên và ngày sinh).`,
          ),
        );
      } else for (const key of keysOf(read.record)) ctx.seen.set(key, row.rowNumber);
    }
    return { row, values: read.record, keep: [...keep], problems, duplicateOf };
  });
  return { rows: staged };
}

/** The members the staged rows may match, by citizen ID, card number, or name and birth date. */
export function lookupCandidates(ctx: ValidationContext, batch: StagedBatch): Promise<Candidates> {
  const staged = batch.rows;
  return findCandidates(ctx.db, {
    citizenIds: [
      ...new Set(
        staged.flatMap((s) => (s.problems.length === 0 && s.values.citizenId ? [s.values.citizenId] : [])),
      ),
    ],
    cardNumbers: [
      ...new Set(
        staged.flatMap((s) => (s.problems.length === 0 && s.values.cardNumber ? [s.values.cardNumber] : [])),
      ),
    ],
    nameBirths: staged.flatMap((s) =>
      s.problems.length === 0 && s.values.fullName && s.values.birthDate
        ? [{ k: toSearchKey(s.values.fullName), b: s.values.birthDate }]
        : [],
    ),
  });
}

/** Each staged row's match among the candidates and its outcome (create, update, … or reject). */
export function matchBatch(
  ctx: ValidationContext,
  batch: StagedBatch,
  candidates: Candidates,
): ImportRowData[] {
  const headerOf = (field: MemberImportField) => ctx.columns.find((c) => c.field === field)?.header ?? "";
  const byCitizenId = new Map<string, ExistingMember>();
  const byCard = new Map<string, ExistingMember>();
  const byNameBirth = new Map<string, ExistingMember[]>();
  for (const member of candidates) {
    if (member.citizenId) byCitizenId.set(member.citizenId, member);
    if (member.cardNumber) byCard.set(member.cardNumber, member);
    const key = `${member.searchKey}|${member.birthDate}`;
    byNameBirth.set(key, [...(byNameBirth.get(key) ?? []), member]);
  }

  return batch.rows.map(({ row, values, keep, problems, duplicateOf }): ImportRowData => {
    const base = { rowNumber: row.rowNumber, raw: row.raw, problems, duplicateOf, decision: row.decision };
    if (problems.length > 0) {
      return {
        ...base,
        record: { values, keep, orgId: null },
        matchKind: null,
        matchMemberId: null,
        outcome: "reject",
      };
    }
    // Matching: the citizen ID decides, then the card number, then name and birth date.
    const byId = values.citizenId ? byCitizenId.get(values.citizenId) : undefined;
    const byCardNumber = values.cardNumber ? byCard.get(values.cardNumber) : undefined;
    let match: ExistingMember | undefined = byId ?? byCardNumber;
    let matchKind: ImportRowData["matchKind"] = byId ? "citizen_id" : byCardNumber ? "card_number" : null;
    // Same card, different citizen IDs on both sides: not safely the same person.
    const cardIdsDiffer =
      !byId && byCardNumber?.citizenId && values.citizenId && byCardNumber.citizenId !== values.citizenId;
    if ((byId && byCardNumber && byId.id !== byCardNumber.id) || cardIdsDiffer) {
      problems.push(
        problem(
          row.rowNumber,
          headerOf("cardNumber"),
          "IMPORT_MATCH_CONFLICT",
          "Số định danh và số thẻ đảng viên thuộc hai đảng viên khác nhau đã có trong hồ sơ.",
        ),
      );
    }
    if (!match && values.fullName && values.birthDate) {
      const sameNameBirth = (
        byNameBirth.get(`${toSearchKey(values.fullName)}|${values.birthDate}`) ?? []
      ).filter((m) => !(m.citizenId && values.citizenId && m.citizenId !== values.citizenId));
      if (sameNameBirth.length > 1) {
        problems.push(
          problem(
            row.rowNumber,
            headerOf("fullName"),
            "IMPORT_MATCH_AMBIGUOUS",
            `Có ${sameNameBirth.length} đảng viên cùng họ tên và ngày sinh; hãy ghi số định danh hoặc số thẻ để phân biệt.`,
          ),
        );
      } else if (sameNameBirth[0]) {
        match = sameNameBirth[0];
        matchKind = "name_birth";
      }
    }
    if (match && !ctx.manageScope.some((root) => isWithin(match.orgPath, root))) {
      problems.push(
        problem(
          row.rowNumber,
          headerOf(
            matchKind === "citizen_id"
              ? "citizenId"
              : matchKind === "card_number"
                ? "cardNumber"
                : "fullName",
          ),
          "IMPORT_MEMBER_OUT_OF_SCOPE",
          "Đảng viên này đã có trong hồ sơ của một tổ chức ngoài phạm vi bạn quản lý.",
        ),
      );
    }
    const decision = row.decision ?? ctx.matchDecision;
    if (match && decision !== "skip" && problems.length === 0) {
      for (const field of HISTORY_FIELDS) {
        const value = values[field] ?? null;
        if (headerOf(field) && value !== null && value !== (match[field as MemberField] ?? null)) {
          problems.push(
            problem(
              row.rowNumber,
              headerOf(field),
              "IMPORT_MEMBERSHIP_DATE_DIFFERS",
              "Ngày vào Đảng/ngày chính thức khác hồ sơ hiện có; sửa trong hồ sơ đảng viên.",
            ),
          );
        }
      }
    }
    let orgId: number | null = null;
    if (!match && problems.length === 0) {
      const resolved = ctx.cells.resolve(values.cell);
      if ("cell" in resolved) orgId = resolved.cell.id;
      else problems.push(problem(row.rowNumber, headerOf("cell"), resolved.code, resolved.message));
    }
    const record: RowRecord = { values, keep, orgId, matchVersion: match ? match.version : null };
    if (problems.length > 0) {
      return { ...base, record, matchKind: null, matchMemberId: null, outcome: "reject" };
    }
    if (!match) return { ...base, record, matchKind: null, matchMemberId: null, outcome: "create" };
    const outcome =
      decision === "skip"
        ? "skip"
        : changedMember(match, record, decision, ctx.columns)
          ? decision
          : "unchanged";
    return { ...base, record, matchKind, matchMemberId: match.id, outcome };
  });
}

// --------------------------------------------------------------------------------------- changes

type MemberField = MemberRecordField;
const MEMBER_FIELDS: readonly MemberField[] = MEMBER_RECORD_FIELDS;
/** Columns that cannot be empty: an empty cell keeps the stored value (or the default for a new member). */
const DEFAULTS: Partial<Record<MemberField, string>> = {
  ethnicity: "Kinh",
  religion: "Không",
  educationProfessional: "none",
  theoryLevel: "none",
};

/**
 * The member after applying the row: `update` writes every mapped field (an empty cell clears an
 * optional field), `merge` fills only fields that are empty. Unmapped and kept fields are untouched.
 * Null when nothing changes.
 */
export function changedMember(
  existing: ExistingMember,
  record: RowRecord,
  decision: "update" | "merge",
  columns: readonly ImportColumn[],
): ExistingMember | null {
  const mapped = new Set(columns.map((c) => c.field));
  const next: ExistingMember = { ...existing };
  let changed = false;
  for (const field of MEMBER_FIELDS) {
    if (!mapped.has(field) || record.keep.includes(field) || HISTORY_FIELDS.includes(field)) continue;
    const value = record.values[field] ?? null;
    const current = existing[field] as string | null;
    if (
      value === null &&
      (field in DEFAULTS || ["fullName", "sex", "birthDate", "admittedOn"].includes(field))
    )
      continue;
    if (decision === "merge" && current !== null && current !== "") continue;
    if (value !== current) {
      (next as unknown as Record<string, string | null>)[field] = value;
      changed = true;
    }
  }
  return changed ? next : null;
}

/** A new member's row for the batched insert, which gives it its id. */
export function newMemberRowOf(
  orgId: number,
  values: Record<MemberField, string | null>,
  status: string,
): Omit<NewMemberRow, "id"> {
  const { id: _id, ...row } = memberRowOf(0, orgId, values, status);
  return row;
}

/** A member row for the batched writes. */
export function memberRowOf(
  id: number,
  orgId: number,
  values: Record<MemberField, string | null> | ExistingMember,
  status: string,
): NewMemberRow {
  const v = values as Record<string, string | null>;
  const fullName = v.fullName as string;
  return {
    id,
    org_id: orgId,
    full_name: fullName,
    search_key: toSearchKey(fullName),
    sort_key: vietnameseNameSortKey(fullName),
    other_names: v.otherNames ?? null,
    sex: v.sex as string,
    birth_date: v.birthDate as string,
    birth_place: v.birthPlace ?? null,
    home_town: v.homeTown ?? null,
    ethnicity: v.ethnicity ?? DEFAULTS.ethnicity ?? "Kinh",
    religion: v.religion ?? DEFAULTS.religion ?? "Không",
    citizen_id: v.citizenId ?? null,
    card_number: v.cardNumber ?? null,
    admitted_on: v.admittedOn as string,
    full_member_on: v.fullMemberOn ?? null,
    education_general: v.educationGeneral ?? null,
    education_professional: v.educationProfessional ?? "none",
    theory_level: v.theoryLevel ?? "none",
    occupation: v.occupation ?? null,
    status,
    status_since: (status === "full" ? v.fullMemberOn : v.admittedOn) ?? (v.admittedOn as string),
    awards: v.awards ?? null,
    discipline: v.discipline ?? null,
  };
}

export { MEMBER_FIELDS };
