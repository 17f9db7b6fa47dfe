// The member spreadsheet template shared by the importer and the exporter: one column per field with its
// Vietnamese header and the other headers offices use for it; which field a header means; and how a
// cell's value (text in NFD or legacy TCVN3/VNI, stray spaces, dates as text, numbers or Excel serials)
// becomes the field's value, or a problem with a code and a Vietnamese message.

import { normalizeCitizenId } from "../identity-numbers.ts";
import { decodeLegacy, detectLegacyEncoding, type LegacyEncoding } from "../legacy-encodings.ts";
import { type DateParseFailure, parseVietnameseDate } from "../vietnamese-dates.ts";
import { normalizeText, toSearchKey } from "../vietnamese-text.ts";
import { canonicalCardNumber, checkMemberRecord, MEMBER_RULE_MESSAGES } from "./member-rules.ts";

/** The fields of a member's record that a person enters (form, import, export), in template order. */
export const MEMBER_RECORD_FIELDS = [
  "fullName",
  "otherNames",
  "sex",
  "birthDate",
  "birthPlace",
  "homeTown",
  "ethnicity",
  "religion",
  "citizenId",
  "cardNumber",
  "admittedOn",
  "fullMemberOn",
  "educationGeneral",
  "educationProfessional",
  "theoryLevel",
  "occupation",
  "awards",
  "discipline",
] as const;
export type MemberRecordField = (typeof MEMBER_RECORD_FIELDS)[number];

/** The template's columns: the record's fields and the cell a row belongs to. */
export const MEMBER_IMPORT_FIELDS = [...MEMBER_RECORD_FIELDS, "cell"] as const;
export type MemberImportField = (typeof MEMBER_IMPORT_FIELDS)[number];

type ColumnKind = "text" | "date" | "sex" | "citizenId" | "cardNumber" | "education" | "theory";

export interface MemberColumn {
  field: MemberImportField;
  /** The header the exporter writes and the template shows. */
  header: string;
  /** Other headers meaning the same field (compared without diacritics, case or punctuation). */
  aliases: readonly string[];
  kind: ColumnKind;
  required: boolean;
  maxLength: number;
  /** Visible only with the permission to see sensitive fields; masked in exports otherwise. */
  sensitive: boolean;
}

const col = (
  field: MemberImportField,
  header: string,
  aliases: string[],
  kind: ColumnKind = "text",
  extra: Partial<Pick<MemberColumn, "required" | "maxLength" | "sensitive">> = {},
): MemberColumn => ({
  field,
  header,
  aliases,
  kind,
  required: extra.required ?? false,
  maxLength: extra.maxLength ?? 300,
  sensitive: extra.sensitive ?? false,
});

/** The template, in the order the exporter writes it. */
export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  col(
    "fullName",
    "Họ và tên",
    ["Họ tên", "Họ và tên đảng viên", "Tên đảng viên", "Họ và tên khai sinh"],
    "text",
    {
      required: true,
      maxLength: 200,
    },
  ),
  col("otherNames", "Tên gọi khác", ["Bí danh", "Tên khác"], "text", { maxLength: 200 }),
  col("sex", "Giới tính", ["Nam/Nữ", "Nam nữ", "Phái"], "sex", { required: true }),
  col("birthDate", "Ngày sinh", ["Ngày tháng năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh"], "date", {
    required: true,
  }),
  col("birthPlace", "Nơi sinh", ["Nơi sinh (xã, huyện, tỉnh)"]),
  col("homeTown", "Quê quán", ["Nguyên quán"]),
  col("ethnicity", "Dân tộc", [], "text", { maxLength: 100 }),
  col("religion", "Tôn giáo", [], "text", { maxLength: 100, sensitive: true }),
  col(
    "citizenId",
    "Số định danh cá nhân",
    [
      "Số CCCD",
      "CCCD",
      "Số căn cước công dân",
      "Số căn cước",
      "Số định danh",
      "Căn cước công dân",
      "Số CMND/CCCD",
    ],
    "citizenId",
    { sensitive: true },
  ),
  col(
    "cardNumber",
    "Số thẻ đảng viên",
    ["Số thẻ", "Số thẻ Đảng", "Thẻ đảng viên", "Số thẻ ĐV"],
    "cardNumber",
  ),
  col("admittedOn", "Ngày vào Đảng", ["Ngày kết nạp", "Ngày kết nạp Đảng", "Vào Đảng ngày"], "date", {
    required: true,
  }),
  col(
    "fullMemberOn",
    "Ngày chính thức",
    ["Ngày vào Đảng chính thức", "Ngày công nhận chính thức", "Ngày chuyển chính thức"],
    "date",
  ),
  col(
    "educationGeneral",
    "Giáo dục phổ thông",
    ["Học vấn", "Trình độ học vấn", "Trình độ văn hóa", "Văn hóa", "Trình độ giáo dục phổ thông"],
    "text",
    { maxLength: 20 },
  ),
  col(
    "educationProfessional",
    "Trình độ chuyên môn",
    ["Chuyên môn", "Trình độ chuyên môn nghiệp vụ", "Chuyên môn nghiệp vụ", "Trình độ đào tạo"],
    "education",
  ),
  col(
    "theoryLevel",
    "Trình độ lý luận chính trị",
    ["Lý luận chính trị", "LLCT", "Trình độ LLCT", "Trình độ chính trị"],
    "theory",
  ),
  col("occupation", "Nghề nghiệp", ["Nghề nghiệp hiện nay", "Công việc", "Chức vụ, nghề nghiệp"], "text", {
    maxLength: 200,
  }),
  col("awards", "Khen thưởng", ["Khen thưởng (huân, huy chương)"], "text", { maxLength: 2000 }),
  col("discipline", "Kỷ luật", [], "text", { maxLength: 2000, sensitive: true }),
  col("cell", "Chi bộ", ["Tên chi bộ", "Mã chi bộ", "Chi bộ sinh hoạt", "Đơn vị", "Chi bộ đang sinh hoạt"]),
];

export const MEMBER_COLUMN_BY_FIELD: Readonly<Record<MemberImportField, MemberColumn>> = Object.fromEntries(
  MEMBER_COLUMNS.map((column) => [column.field, column]),
) as Record<MemberImportField, MemberColumn>;

/** Columns the exporter adds that the importer reads as information only. */
export const MEMBER_INFO_HEADERS = { rowNumber: "STT", status: "Tình trạng" } as const;

// ------------------------------------------------------------------------------------------- headers

/** The comparison form of a header: search key, punctuation as spaces ("Ngày, tháng" = "ngay thang"). */
export function headerKey(header: string): string {
  return toSearchKey(header.replace(/[^\p{L}\p{N}]+/gu, " "));
}

const FIELD_BY_HEADER_KEY = new Map<string, MemberImportField>();
for (const column of MEMBER_COLUMNS) {
  for (const name of [column.header, ...column.aliases])
    FIELD_BY_HEADER_KEY.set(headerKey(name), column.field);
}
const INFO_HEADER_KEYS = new Set(["stt", "so tt", "tt", "so thu tu", "tinh trang", "trang thai"]);

/** The field a header most likely means, or null (unknown or information-only). */
export function proposeField(header: string): MemberImportField | null {
  const key = headerKey(decodeLegacy(header, detectLegacyEncoding(header, { minWords: 1 })));
  if (key === "" || INFO_HEADER_KEYS.has(key)) return null;
  const exact = FIELD_BY_HEADER_KEY.get(key);
  if (exact) return exact;
  // "Họ và tên (ghi chữ in hoa)", "Ngày sinh (dd/mm/yyyy)": the words before a note in brackets.
  const bare = headerKey(header.replace(/\(.*$/, ""));
  return FIELD_BY_HEADER_KEY.get(bare) ?? null;
}

/**
 * Proposes a field for each header; a field goes to the first header that means it (later ones stay
 * unmapped, so two "Ngày sinh" columns do not both write the birth date).
 */
export function proposeMapping(headers: readonly string[]): (MemberImportField | null)[] {
  const used = new Set<MemberImportField>();
  return headers.map((header) => {
    const field = proposeField(header);
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** How many of the cells look like template headers: used to find the header row under a title. */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((cell) => proposeField(cell) !== null).length;
}

// ---------------------------------------------------------------------------------------- code lists

export const SEX_LABELS = { male: "Nam", female: "Nữ" } as const;
const SEX_BY_KEY: Record<string, "male" | "female"> = {
  nam: "male",
  m: "male",
  male: "male",
  trai: "male",
  nu: "female",
  f: "female",
  female: "female",
  gai: "female",
};

export const EDUCATION_PROFESSIONAL_LABELS = {
  none: "Chưa qua đào tạo",
  so_cap: "Sơ cấp",
  trung_cap: "Trung cấp",
  cao_dang: "Cao đẳng",
  dai_hoc: "Đại học",
  thac_si: "Thạc sĩ",
  tien_si: "Tiến sĩ",
} as const;
export type EducationProfessional = keyof typeof EDUCATION_PROFESSIONAL_LABELS;
const EDUCATION_BY_KEY: Record<string, EducationProfessional> = {
  ...keysOf(EDUCATION_PROFESSIONAL_LABELS),
  khong: "none",
  "khong co": "none",
  "cu nhan": "dai_hoc",
  "ky su": "dai_hoc",
  "bac si": "dai_hoc",
  "thac sy": "thac_si",
  "tien sy": "tien_si",
  "pho giao su": "tien_si",
  "giao su": "tien_si",
};

export const THEORY_LEVEL_LABELS = {
  none: "Chưa qua đào tạo",
  so_cap: "Sơ cấp",
  trung_cap: "Trung cấp",
  cao_cap: "Cao cấp",
  cu_nhan: "Cử nhân",
} as const;
export type TheoryLevel = keyof typeof THEORY_LEVEL_LABELS;
const THEORY_BY_KEY: Record<string, TheoryLevel> = {
  ...keysOf(THEORY_LEVEL_LABELS),
  khong: "none",
  "khong co": "none",
  "cu nhan chinh tri": "cu_nhan",
  "cao cap chinh tri": "cao_cap",
  "trung cap chinh tri": "trung_cap",
  "so cap chinh tri": "so_cap",
};

function keysOf<T extends string>(labels: Record<T, string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    out[headerKey(label)] = code;
    out[code.replace("_", " ")] = code;
  }
  return out;
}

// ------------------------------------------------------------------------------------------- values

/** A cell as a spreadsheet reader hands it over. */
export type CellValue = string | number | boolean | Date | null;

export const IMPORT_PROBLEM_MESSAGES = {
  IMPORT_REQUIRED_MISSING: "Thiếu giá trị bắt buộc.",
  IMPORT_DATE_INVALID: "Không đọc được ngày (viết dd/mm/yyyy, ví dụ 25/10/1980).",
  IMPORT_DATE_NO_SUCH_DAY: "Ngày không có thật (ví dụ 31/02).",
  IMPORT_DATE_OUT_OF_RANGE: "Năm nằm ngoài khoảng 1900–2100.",
  IMPORT_DATE_YEAR_ONLY: "Chỉ có năm, thiếu ngày và tháng.",
  IMPORT_SEX_INVALID: "Giới tính phải là Nam hoặc Nữ.",
  IMPORT_VALUE_UNKNOWN: "Giá trị không có trong danh mục.",
  IMPORT_TEXT_TOO_LONG: "Nội dung quá dài.",
  IMPORT_FORMULA_NO_VALUE:
    "Ô chứa công thức chưa có kết quả tính sẵn; hãy mở tệp bằng Excel, lưu lại rồi tải lên.",
  IMPORT_CITIZEN_ID_LEADING_ZEROS:
    "Số định danh thiếu chữ số 0 ở đầu (ô định dạng số); hãy định dạng cột là văn bản và nhập đủ 12 chữ số.",
} as const;
export type ImportValueProblemCode = keyof typeof IMPORT_PROBLEM_MESSAGES;

export type FieldValueResult =
  | { ok: true; value: string | null }
  /** A masked sensitive value from an export ("00123*****90"): keep what is stored. */
  | { ok: true; value: null; masked: true }
  | { ok: false; code: ImportValueProblemCode; message: string };

export interface ParseOptions {
  /** Resolves two-digit years (the current year in Vietnam). */
  referenceYear: number;
  /** Legacy encoding of the file (from detectSheetEncoding); cells with Unicode letters are left alone. */
  encoding?: LegacyEncoding | null;
}

const problem = (code: ImportValueProblemCode): FieldValueResult => ({
  ok: false,
  code,
  message: IMPORT_PROBLEM_MESSAGES[code],
});

const DATE_FAILURE_CODE: Record<DateParseFailure, ImportValueProblemCode> = {
  EMPTY: "IMPORT_REQUIRED_MISSING",
  FORMAT: "IMPORT_DATE_INVALID",
  INVALID_DATE: "IMPORT_DATE_NO_SUCH_DAY",
  OUT_OF_RANGE: "IMPORT_DATE_OUT_OF_RANGE",
  AMBIGUOUS_YEAR: "IMPORT_DATE_INVALID",
  YEAR_ONLY: "IMPORT_DATE_YEAR_ONLY",
};

// Windows-1252 characters above U+00FF: legacy text read as 1252 may contain them.
const WINDOWS_1252_EXTRAS = new Set("ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™");

/** Whether the text holds a character no 8-bit legacy encoding produces (so it is already Unicode). */
function hasUnicodeOnlyCharacter(text: string): boolean {
  for (const char of text) {
    if ((char.codePointAt(0) ?? 0) > 0xff && !WINDOWS_1252_EXTRAS.has(char)) return true;
  }
  return false;
}

/** Cell text as Unicode NFC with single spaces: legacy-encoded cells converted, NFD composed. */
export function cellText(value: CellValue, encoding: LegacyEncoding | null = null): string {
  if (value === null) return "";
  if (value instanceof Date) return isoOfDate(value);
  const text = String(value);
  // A cell that already holds letters only Unicode has is Unicode, whatever the rest of the file is.
  const decoded = encoding && !hasUnicodeOnlyCharacter(text) ? decodeLegacy(text, encoding) : text;
  return normalizeText(decoded.replace(/[\u00a0\u202f\u200b\ufeff]/g, " "));
}

/** Which legacy encoding a sample of a sheet's text cells is in (null: Unicode or plain ASCII). */
export function detectSheetEncoding(sample: readonly string[]): LegacyEncoding | null {
  return detectLegacyEncoding(sample.join(" "));
}

function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell's value read into `field`: null when empty, or a problem. */
export function parseFieldValue(
  field: MemberImportField,
  value: CellValue,
  options: ParseOptions,
): FieldValueResult {
  const column = MEMBER_COLUMN_BY_FIELD[field];
  if (value instanceof Date) {
    if (column.kind === "date") return { ok: true, value: isoOfDate(value) };
  }
  if (typeof value === "number" && column.kind === "date") {
    const parsed = parseVietnameseDate(value, { referenceYear: options.referenceYear });
    return parsed.ok ? { ok: true, value: parsed.iso } : problem(DATE_FAILURE_CODE[parsed.reason]);
  }
  const text = cellText(value, options.encoding ?? null);
  if (text === "") return column.required ? problem("IMPORT_REQUIRED_MISSING") : { ok: true, value: null };
  if (column.sensitive && text.includes("*")) return { ok: true, value: null, masked: true };
  switch (column.kind) {
    case "date": {
      const parsed = parseVietnameseDate(text, { referenceYear: options.referenceYear });
      return parsed.ok ? { ok: true, value: parsed.iso } : problem(DATE_FAILURE_CODE[parsed.reason]);
    }
    case "sex": {
      const sex = SEX_BY_KEY[headerKey(text)];
      return sex ? { ok: true, value: sex } : problem("IMPORT_SEX_INVALID");
    }
    case "education": {
      const code = EDUCATION_BY_KEY[headerKey(text)];
      return code ? { ok: true, value: code } : problem("IMPORT_VALUE_UNKNOWN");
    }
    case "theory": {
      const code = THEORY_BY_KEY[headerKey(text)];
      return code ? { ok: true, value: code } : problem("IMPORT_VALUE_UNKNOWN");
    }
    case "citizenId": {
      const id = normalizeCitizenId(text);
      // A number cell drops leading zeros ("1234567890" for "001234567890"); the count of zeros is lost.
      if (typeof value === "number" && /^\d{9,11}$/.test(id))
        return problem("IMPORT_CITIZEN_ID_LEADING_ZEROS");
      return { ok: true, value: id };
    }
    case "cardNumber":
      return { ok: true, value: canonicalCardNumber(text) };
    case "text":
      return text.length > column.maxLength ? problem("IMPORT_TEXT_TOO_LONG") : { ok: true, value: text };
  }
}

/** A field's stored value as the exporter writes it (labels for codes, dd/mm/yyyy for dates). */
export function formatFieldValue(field: MemberImportField, value: string | null): string {
  if (value === null || value === "") return "";
  const column = MEMBER_COLUMN_BY_FIELD[field];
  switch (column.kind) {
    case "date": {
      const [y, m, d] = value.split("-");
      return `${d}/${m}/${y}`;
    }
    case "sex":
      return SEX_LABELS[value as keyof typeof SEX_LABELS] ?? value;
    case "education":
      return EDUCATION_PROFESSIONAL_LABELS[value as EducationProfessional] ?? value;
    case "theory":
      return THEORY_LEVEL_LABELS[value as TheoryLevel] ?? value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------- rows

/** A cell whose formula has no stored result: never evaluated, reported instead. */
export interface FormulaCell {
  formulaWithoutResult: true;
}
export type ImportCell = CellValue | FormulaCell;

export interface MappedColumn {
  index: number;
  /** As written in the file, for messages. */
  header: string;
  field: MemberImportField | null;
}

export interface RowProblem {
  /** The header as written ("" when the problem concerns no single column). */
  column: string;
  code: string;
  message: string;
}

/** Field values of one row: ISO dates, codes, NFC text; null when empty. */
export type ImportedRecord = Partial<Record<MemberImportField, string | null>>;

export interface ReadRowResult {
  record: ImportedRecord;
  /** Sensitive fields given masked (from an export for someone without the permission). */
  masked: MemberImportField[];
  problems: RowProblem[];
}

export interface ReadRowOptions extends ParseOptions {
  /** Today in Vietnam, for the rule that dates are not in the future. */
  today: string;
  /**
   * Reuse of parsed values across rows (from createParseCache): columns such as sex, ethnicity, cell
   * or dates repeat the same few values over thousands of rows.
   */
  cache?: ParseCache;
}

/** Parsed values by field and cell text; each field keeps at most `limit` entries. */
export interface ParseCache {
  get(field: MemberImportField, cell: string | number): FieldValueResult | undefined;
  set(field: MemberImportField, cell: string | number, result: FieldValueResult): void;
}

export function createParseCache(limit = 5000): ParseCache {
  const byField = new Map<MemberImportField, Map<string | number, FieldValueResult>>();
  return {
    get: (field, cell) => byField.get(field)?.get(cell),
    set(field, cell, result) {
      let entries = byField.get(field);
      if (!entries) {
        entries = new Map();
        byField.set(field, entries);
      }
      if (entries.size < limit) entries.set(cell, result);
    },
  };
}

const isFormulaCell = (cell: ImportCell): cell is FormulaCell =>
  typeof cell === "object" && cell !== null && !(cell instanceof Date) && "formulaWithoutResult" in cell;

/** Reads one row through the mapping and checks the member rules; every problem names its column. */
export function readMemberRow(
  cells: readonly ImportCell[],
  columns: readonly MappedColumn[],
  options: ReadRowOptions,
): ReadRowResult {
  const record: ImportedRecord = {};
  const masked: MemberImportField[] = [];
  const problems: RowProblem[] = [];
  const headerOf = new Map<MemberImportField, string>();
  for (const column of columns) {
    if (column.field === null) continue;
    headerOf.set(column.field, column.header);
    const cell = cells[column.index] ?? null;
    if (isFormulaCell(cell)) {
      problems.push({
        column: column.header,
        code: "IMPORT_FORMULA_NO_VALUE",
        message: IMPORT_PROBLEM_MESSAGES.IMPORT_FORMULA_NO_VALUE,
      });
      record[column.field] = null;
      continue;
    }
    const cacheable = options.cache && (typeof cell === "string" || typeof cell === "number");
    let parsed = cacheable ? options.cache?.get(column.field, cell as string | number) : undefined;
    if (!parsed) {
      parsed = parseFieldValue(column.field, cell, options);
      if (cacheable) options.cache?.set(column.field, cell as string | number, parsed);
    }
    if (!parsed.ok) {
      problems.push({ column: column.header, code: parsed.code, message: parsed.message });
      record[column.field] = null;
    } else if ("masked" in parsed) masked.push(column.field);
    else record[column.field] = parsed.value;
  }
  for (const column of MEMBER_COLUMNS) {
    if (column.required && !headerOf.has(column.field)) {
      problems.push({
        column: column.header,
        code: "IMPORT_REQUIRED_MISSING",
        message: `Thiếu cột bắt buộc "${column.header}".`,
      });
    }
  }
  const { fullName, birthDate, admittedOn } = record;
  if (fullName && birthDate && admittedOn) {
    for (const violation of checkMemberRecord(
      {
        fullName,
        birthDate,
        admittedOn,
        fullMemberOn: record.fullMemberOn ?? null,
        citizenId: record.citizenId ?? null,
        cardNumber: record.cardNumber ?? null,
      },
      options.today,
    )) {
      problems.push({
        column: headerOf.get(violation.field) ?? "",
        code: violation.code,
        message: MEMBER_RULE_MESSAGES[violation.code].vi,
      });
    }
  }
  return { record, masked, problems };
}
