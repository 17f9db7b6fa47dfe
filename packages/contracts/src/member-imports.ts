// Importing members from .xlsx/.csv (upload → background parse → mapping → preview → commit) and
// exporting a filtered list in the same template. Field names and Vietnamese headers come from
// @namro/domain (member-columns), so the importer, the exporter and the web wizard agree.
import { MEMBER_IMPORT_FIELDS } from "@namro/domain";
import { z } from "zod";
import { defineRoutes, IdParamsSchema } from "./http.ts";
import { MemberFilterSchema } from "./members.ts";

export {
  MEMBER_COLUMNS,
  MEMBER_IMPORT_FIELDS,
  type MemberColumn,
  type MemberImportField,
} from "@namro/domain";

export const MemberImportFieldSchema = z.enum(MEMBER_IMPORT_FIELDS);

/**
 * uploaded → parsing → ready (preview available) ⇄ validating (after a mapping or decision change)
 * → committing → committed. `failed`: the file could not be read (see `error`); nothing was imported.
 */
export const MemberImportStatusSchema = z.enum([
  "parsing",
  "validating",
  "ready",
  "committing",
  "committed",
  "failed",
]);
export type MemberImportStatus = z.infer<typeof MemberImportStatusSchema>;

/** What to do with a row that matches an existing member. merge = fill only the member's empty fields. */
export const MemberImportMatchDecisionSchema = z.enum(["update", "skip", "merge"]);
export type MemberImportMatchDecision = z.infer<typeof MemberImportMatchDecisionSchema>;

/** How a row matched an existing member. */
export const MemberImportMatchKindSchema = z.enum(["citizen_id", "card_number", "name_birth"]);

/** What the commit does with a row: create a member, update/merge/skip a matched one, or reject it. */
export const MemberImportRowOutcomeSchema = z.enum([
  "create",
  "update",
  "merge",
  "skip",
  "unchanged",
  "reject",
]);
export type MemberImportRowOutcome = z.infer<typeof MemberImportRowOutcomeSchema>;

/** One problem of one row: `column` is the header as written in the file ("" when not tied to a column). */
export const MemberImportProblemSchema = z.object({
  row: z.number(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type MemberImportProblem = z.infer<typeof MemberImportProblemSchema>;

export const MemberImportColumnSchema = z.object({
  /** 0-based position in the header row. */
  index: z.number(),
  /** The header as written (after decoding legacy encodings and NFC). */
  header: z.string(),
  /** The field the column is read into, or null when ignored. */
  field: MemberImportFieldSchema.nullable(),
  /** What the server proposed from the header. */
  proposed: MemberImportFieldSchema.nullable(),
});

export const MemberImportCountsSchema = z.object({
  rows: z.number(),
  /** Rows without problems (they will be created, updated, merged, skipped or left unchanged). */
  accepted: z.number(),
  rejected: z.number(),
  /** Accepted rows that create a member. */
  new: z.number(),
  /** Accepted rows that match an existing member. */
  matched: z.number(),
  /** Rows repeating an earlier row of the file. */
  duplicates: z.number(),
  problems: z.number(),
});

export const MemberImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  rejected: z.number(),
});
export type MemberImportResult = z.infer<typeof MemberImportResultSchema>;

export const MemberImportSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  fileName: z.string(),
  status: MemberImportStatusSchema,
  /** 0..1 while parsing, validating or committing. */
  progress: z.number(),
  /** Why the file could not be read (status failed): a code and a Vietnamese message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The sheet read (the first visible one) and what the reader noticed, in Vietnamese. */
  sheetName: z.string().nullable(),
  notes: z.array(z.string()),
  /** 1-based row of the header in the sheet (title rows above it are skipped). */
  headerRow: z.number().nullable(),
  /** Legacy encoding detected in the file and converted to Unicode. */
  encoding: z.enum(["tcvn3", "vni"]).nullable(),
  columns: z.array(MemberImportColumnSchema),
  /**
   * Headers (as written) of sensitive columns (citizen ID, religion, discipline) this reader may not
   * see: their values are masked and a commit by this reader ignores them.
   */
  ignoredSensitiveColumns: z.array(z.string()),
  matchDecision: MemberImportMatchDecisionSchema,
  counts: MemberImportCountsSchema,
  /** After the commit: what landed. */
  result: MemberImportResultSchema.nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type MemberImport = z.infer<typeof MemberImportSchema>;

/** A row as read: values by field (ISO dates, codes), before it becomes a member record. */
export const MemberImportRecordSchema = z.record(z.string(), z.string().nullable());

export const MemberImportRowSchema = z.object({
  /** 1-based row number in the sheet, as the user sees it in Excel. */
  row: z.number(),
  /** Cell values as written, in column order (see MemberImport.columns). */
  values: z.array(z.string()),
  record: MemberImportRecordSchema.nullable(),
  problems: z.array(MemberImportProblemSchema),
  match: z
    .object({
      kind: MemberImportMatchKindSchema,
      memberId: z.number(),
      memberName: z.string(),
    })
    .nullable(),
  /** Earlier row of the file this one repeats. */
  duplicateOf: z.number().nullable(),
  /** Per-row choice for a matched row; null = the import's matchDecision. */
  decision: MemberImportMatchDecisionSchema.nullable(),
  outcome: MemberImportRowOutcomeSchema,
});
export type MemberImportRow = z.infer<typeof MemberImportRowSchema>;

export const MemberImportRowsQuerySchema = z.object({
  show: z.enum(["all", "problems", "matched", "new"]).default("all"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreateMemberImportQuerySchema = z.object({
  /** Target organisation: a cell, or a higher organisation whose cells the "Chi bộ" column names. */
  orgId: z.coerce.number().int().positive(),
});

export const UpdateMemberImportMappingBodySchema = z.object({
  columns: z
    .array(z.object({ index: z.number().int().min(0), field: MemberImportFieldSchema.nullable() }))
    .max(500),
});

export const UpdateMemberImportDecisionsBodySchema = z.object({
  matchDecision: MemberImportMatchDecisionSchema.optional(),
  /** Per-row overrides; decision null clears the override. */
  rows: z
    .array(
      z.object({ row: z.number().int().positive(), decision: MemberImportMatchDecisionSchema.nullable() }),
    )
    .max(10_000)
    .optional(),
});

export const MemberExportQuerySchema = MemberFilterSchema;

/** Largest upload accepted, in bytes. */
export const MEMBER_IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Largest number of data rows in one import. */
export const MEMBER_IMPORT_MAX_ROWS = 200_000;

const Binary = z.unknown().describe("An .xlsx file");

export const memberImportRoutes = defineRoutes({
  createMemberImport: {
    method: "POST",
    path: "/api/member-imports",
    summary:
      "Upload an .xlsx or .csv of members (multipart/form-data, one part named `file`); parsing continues in the background",
    tags: ["member-imports"],
    querystring: CreateMemberImportQuerySchema,
    response: MemberImportSchema,
    successStatus: 201,
  },
  getMemberImport: {
    method: "GET",
    path: "/api/member-imports/:id",
    summary: "An import: status and progress, columns and mapping, counts, result",
    tags: ["member-imports"],
    params: IdParamsSchema,
    response: MemberImportSchema,
  },
  listMemberImportRows: {
    method: "GET",
    path: "/api/member-imports/:id/rows",
    summary: "The preview: rows with their problems, matches and outcome",
    tags: ["member-imports"],
    params: IdParamsSchema,
    querystring: MemberImportRowsQuerySchema,
    response: z.object({
      items: z.array(MemberImportRowSchema),
      page: z.number(),
      pageSize: z.number(),
      total: z.number(),
    }),
  },
  updateMemberImportMapping: {
    method: "PUT",
    path: "/api/member-imports/:id/mapping",
    summary: "Correct the column mapping; rows are validated again in the background",
    tags: ["member-imports"],
    params: IdParamsSchema,
    body: UpdateMemberImportMappingBodySchema,
    response: MemberImportSchema,
  },
  updateMemberImportDecisions: {
    method: "PUT",
    path: "/api/member-imports/:id/decisions",
    summary: "Choose update, skip or merge for rows matching existing members (whole import and per row)",
    tags: ["member-imports"],
    params: IdParamsSchema,
    body: UpdateMemberImportDecisionsBodySchema,
    response: MemberImportSchema,
  },
  commitMemberImport: {
    method: "POST",
    path: "/api/member-imports/:id/commit",
    summary: "Land every accepted row in one transaction (all or none); rejected rows are left out",
    tags: ["member-imports"],
    params: IdParamsSchema,
    response: MemberImportSchema,
  },
  downloadMemberImportReport: {
    method: "GET",
    path: "/api/member-imports/:id/report",
    summary: "A copy of the file (.xlsx) with an added error column (Lỗi)",
    tags: ["member-imports"],
    params: IdParamsSchema,
    response: Binary,
  },
  downloadMemberImportTemplate: {
    method: "GET",
    path: "/api/member-imports/template",
    summary: "An empty .xlsx in the template the import reads",
    tags: ["member-imports"],
    response: Binary,
  },
  exportMembers: {
    method: "GET",
    path: "/api/members/export",
    summary: "The filtered list as .xlsx in the import template, with a statistics sheet",
    tags: ["members"],
    querystring: MemberExportQuerySchema,
    response: Binary,
  },
});
