// Member imports: an upload is checked and its header read at once; its rows are then read, validated and
// stored in the background (the web polls the import for progress), a corrected mapping or match
// decision validates them again, and the commit lands every accepted row in one transaction.
import { rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import {
  ERROR_CATALOGUE,
  MEMBER_IMPORT_MAX_ROWS,
  type MemberImport,
  type MemberImportMatchDecision,
  type MemberImportRow,
} from "@namro/contracts";
import {
  createParseCache,
  type MemberImportField,
  maskSensitiveMemberFields,
  maskSensitiveMemberValue,
  sensitiveMemberFieldOf,
  todayInVietnam,
} from "@namro/domain";
import type { AuditContext } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt, isWithin, scopePaths } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { createXlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";
import { commitImportRows, notEditableError } from "./members.import.commit.ts";
import {
  displayCell,
  type ImportColumn,
  type ImportFileReader,
  importErrorOf,
  openImportFile,
  type StoredCell,
} from "./members.import.reader.ts";
import {
  cellsInSubtree,
  countRows,
  deleteRows,
  findImport,
  findOrgForImport,
  findOrgIdByCode,
  type ImportRowData,
  insertImport,
  pageOfRows,
  type RowFilter,
  rowsAfter,
  type StoredImport,
  setRowDecisions,
  updateImport,
  updateImportIf,
  upsertRows,
} from "./members.import.repository.ts";
import {
  type Candidates,
  CellDirectory,
  lookupCandidates,
  type MatchDecision,
  matchBatch,
  type RowRecord,
  SENSITIVE,
  type StagedBatch,
  stageBatch,
  type ValidationContext,
  validateBatch,
} from "./members.import.validation.ts";
import { maySeeSensitiveIn } from "./members.policy.ts";

// Rows per statement. Each statement's JSON is a few MB that the embedded database's socket server
// gathers by repeated Buffer.concat and the main thread's V8 keeps until a full collection: 500 (reading)
// and 1,000 (commit) keep a 150,000-row import near 1 GB peak RSS with PGlite in this process, and are
// not slower than twice those sizes (measured, docs/BENCHMARKS.md).
const BATCH = 500;
const COMMIT_BATCH = 1000;

export interface UploadedFile {
  /** A temporary file the service owns from now on (it deletes it). */
  path: string;
  fileName: string;
  sha256: string;
}

export interface ImportSummary {
  rows: number;
  accepted: number;
  problems: { row: number; column: string; code: string; message: string }[];
  /** Accepted rows: what they would create or change. */
  members: (RowRecord & { outcome: string })[];
}

export class MemberImportsService {
  private readonly tasks = new Map<number, Promise<void>>();
  private readonly deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.deps = deps;
  }

  private get db() {
    return this.deps.db;
  }

  private today(): string {
    return todayInVietnam(this.deps.clock.now());
  }

  /** Checks the file, reads its header and starts reading the rows in the background. */
  async create(actor: Actor, orgId: number, file: UploadedFile): Promise<MemberImport> {
    let reader: ImportFileReader;
    let org: Awaited<ReturnType<typeof findOrgForImport>>;
    try {
      org = await findOrgForImport(this.db, orgId);
      if (!org?.active || !holdsPermissionAt(actor, "member.manage", org.path)) {
        throw new AppError("NOT_FOUND");
      }
      reader = await openImportFile(file.path, MEMBER_IMPORT_MAX_ROWS);
    } catch (error) {
      await rm(file.path, { force: true });
      throw error;
    }
    const cells = await cellsInSubtree(this.db, org.path);
    if (cells.length === 0) {
      await rm(file.path, { force: true });
      throw new AppError("MEMBER_IMPORT_ORG_HAS_NO_CELLS");
    }
    const { header } = reader;
    const id = await insertImport(this.db, {
      orgId,
      accountId: actor.accountId > 0 ? actor.accountId : null,
      fileName: file.fileName,
      sha256: file.sha256,
      format: header.format,
    });
    // Claimed at once, so a status read in between never takes the import for an interrupted one.
    this.tasks.set(id, Promise.resolve());
    await updateImport(this.db, id, {
      sheetName: header.sheetName,
      notes: header.notes,
      headerRow: header.headerRow,
      headerCells: header.headerCells,
      encoding: header.encoding,
      mapping: header.columns,
    });
    const context = this.context(actor, { ...org, cells }, header.columns, header.encoding, "update");
    this.track(
      id,
      this.readRows(id, reader, context, header.totalRows).finally(() => {
        void rm(file.path, { force: true });
      }),
    );
    return this.get(actor, id);
  }

  /** Resolves when the background work on the import (if any) is over. */
  async settled(id: number): Promise<void> {
    await this.tasks.get(id);
  }

  private track(id: number, work: Promise<void>): void {
    const task = work
      .catch(async (error: unknown) => {
        const known = importErrorOf(error);
        if (!known) console.error(error);
        const code = known?.code ?? "MEMBER_IMPORT_CORRUPTED";
        const issues = known?.issues?.map((i) => i.message).join(" ") ?? "";
        await deleteRows(this.db, id).catch(() => undefined);
        await updateImport(this.db, id, {
          status: "failed",
          errorCode: code,
          errorMessage: `${ERROR_CATALOGUE[code].vi}${issues ? ` ${issues}` : ""}`,
        }).catch(() => undefined);
      })
      .finally(() => this.tasks.delete(id));
    this.tasks.set(id, task);
  }

  private context(
    actor: Actor,
    org: {
      id: number;
      path: string;
      holdsMembers: boolean;
      cells: Awaited<ReturnType<typeof cellsInSubtree>>;
    },
    columns: ImportColumn[],
    encoding: "tcvn3" | "vni" | null,
    matchDecision: MatchDecision,
  ): ValidationContext {
    const today = this.today();
    return {
      db: this.db,
      columns,
      encoding,
      today,
      referenceYear: Number(today.slice(0, 4)),
      cells: new CellDirectory(org, org.cells),
      canSeeSensitive: holdsPermissionAt(actor, "member.sensitive", org.path),
      manageScope: scopePaths(actor, "member.manage"),
      matchDecision,
      seen: new Map(),
      cache: createParseCache(),
    };
  }

  private async readRows(
    id: number,
    reader: ImportFileReader,
    context: ValidationContext,
    totalRows: number | null,
  ): Promise<void> {
    let done = 0;
    // One write in flight while the next batch is read and validated (the file and the database
    // work in parallel); writes stay in order. Likewise the lookup of a batch's possible matches runs
    // while the next batch is read and staged (a province's 150,000 rows wait ~300 lookups otherwise).
    let writing: Promise<void> = Promise.resolve();
    let pending: { staged: StagedBatch; candidates: Promise<Candidates>; size: number } | null = null;
    const finish = async (batch: { staged: StagedBatch; candidates: Promise<Candidates>; size: number }) => {
      const rows = matchBatch(context, batch.staged, await batch.candidates);
      await writing;
      done += batch.size;
      const progress = totalRows ? Math.min(0.99, done / totalRows) : 0;
      writing = upsertRows(this.db, id, rows).then(() => updateImport(this.db, id, { progress }));
      // Handled here so a failed write never counts as unhandled; the next await still throws.
      writing.catch(() => undefined);
    };
    try {
      for await (const batch of reader.batches(BATCH)) {
        const staged = stageBatch(
          context,
          batch.map((r) => ({ ...r, decision: null })),
        );
        const candidates = lookupCandidates(context, staged);
        candidates.catch(() => undefined);
        if (pending) await finish(pending);
        pending = { staged, candidates, size: batch.length };
      }
      if (pending) await finish(pending);
    } finally {
      await pending?.candidates.catch(() => undefined);
      await writing.catch(() => undefined);
    }
    await writing;
    await this.finishValidation(id);
  }

  private async finishValidation(id: number): Promise<void> {
    await updateImport(this.db, id, { status: "ready", progress: 1, counts: await countRows(this.db, id) });
  }

  /** Validates every stored row again (after a mapping or decision change). */
  private async revalidate(id: number, context: ValidationContext): Promise<void> {
    let after = 0;
    for (;;) {
      const rows = await rowsAfter(this.db, id, after, BATCH);
      if (rows.length === 0) break;
      const validated = await validateBatch(
        context,
        rows.map((r) => ({ rowNumber: r.rowNumber, raw: r.raw as StoredCell[], decision: r.decision })),
      );
      await upsertRows(this.db, id, validated);
      after = rows[rows.length - 1]?.rowNumber ?? after;
    }
    await this.finishValidation(id);
  }

  /**
   * Whether this reader sees the import's citizen IDs, religion and discipline: managing the
   * organisation is not enough (an import's rows are read by whoever manages it, not only its uploader).
   */
  private seesSensitive(actor: Actor, stored: StoredImport): boolean {
    return maySeeSensitiveIn(actor, stored.orgPath);
  }

  private async load(actor: Actor, id: number): Promise<StoredImport> {
    const stored = await findImport(this.db, id);
    if (!stored || !scopePaths(actor, "member.manage").some((root) => isWithin(stored.orgPath, root))) {
      throw new AppError("MEMBER_IMPORT_NOT_FOUND");
    }
    return stored;
  }

  async get(actor: Actor, id: number): Promise<MemberImport> {
    const stored = await this.load(actor, id);
    // Reading or validating with no task in this process: the server stopped midway (the upload's
    // temporary file is gone with it). Say so instead of showing a progress bar that never moves.
    if ((stored.status === "parsing" || stored.status === "validating") && !this.tasks.has(id)) {
      await deleteRows(this.db, id);
      const patch = {
        status: "failed" as const,
        errorCode: "MEMBER_IMPORT_INTERRUPTED",
        errorMessage: ERROR_CATALOGUE.MEMBER_IMPORT_INTERRUPTED.vi,
      };
      await updateImport(this.db, id, patch);
      return presentImport({ ...stored, ...patch }, this.seesSensitive(actor, stored));
    }
    return presentImport(stored, this.seesSensitive(actor, stored));
  }

  async listRows(
    actor: Actor,
    id: number,
    query: { show: RowFilter; page: number; pageSize: number },
  ): Promise<{ items: MemberImportRow[]; page: number; pageSize: number; total: number }> {
    const stored = await this.load(actor, id);
    const { rows, total } = await pageOfRows(this.db, id, query.show, query.page, query.pageSize);
    const columns = stored.mapping as ImportColumn[];
    const sees = this.seesSensitive(actor, stored);
    return {
      items: rows.map((row) => presentRow(row, columns, stored.encoding, sees)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /**
   * Claims a ready import for re-validation (with the change that calls for it) and starts it. The
   * claim is conditional: an import committed or claimed by someone else meanwhile is refused.
   */
  private async restart(
    actor: Actor,
    stored: StoredImport,
    columns: ImportColumn[],
    decision: MatchDecision,
    patch: { mapping?: ImportColumn[]; matchDecision?: MatchDecision },
    beforeValidation?: () => Promise<void>,
  ) {
    const org = await findOrgForImport(this.db, stored.orgId);
    if (!org) throw new AppError("MEMBER_IMPORT_NOT_FOUND");
    const cells = await cellsInSubtree(this.db, org.path);
    const context = this.context(actor, { ...org, cells }, columns, stored.encoding, decision);
    // Registered before the claim, so a status read in between never takes it for an interrupted one.
    const running = this.tasks.has(stored.id);
    this.tasks.set(stored.id, Promise.resolve());
    if (
      !(await updateImportIf(this.db, stored.id, "ready", { ...patch, status: "validating", progress: 0 }))
    ) {
      if (!running) this.tasks.delete(stored.id);
      throw await notEditableError(this.db, stored.id);
    }
    this.track(
      stored.id,
      (async () => {
        await beforeValidation?.();
        await this.revalidate(stored.id, context);
      })(),
    );
  }

  private assertEditable(stored: StoredImport): void {
    if (stored.status === "committed") throw new AppError("MEMBER_IMPORT_COMMITTED");
    if (stored.status !== "ready") throw new AppError("MEMBER_IMPORT_NOT_READY");
  }

  async updateMapping(
    actor: Actor,
    id: number,
    body: { columns: { index: number; field: MemberImportField | null }[] },
  ): Promise<MemberImport> {
    const stored = await this.load(actor, id);
    this.assertEditable(stored);
    const columns = (stored.mapping as ImportColumn[]).map((c) => ({ ...c }));
    for (const change of body.columns) {
      const column = columns.find((c) => c.index === change.index);
      if (!column) throw new AppError("MEMBER_IMPORT_MAPPING_INVALID");
      column.field = change.field;
    }
    const fields = columns.flatMap((c) => (c.field ? [c.field] : []));
    if (new Set(fields).size !== fields.length) throw new AppError("MEMBER_IMPORT_MAPPING_INVALID");
    await this.restart(actor, stored, columns, stored.matchDecision, { mapping: columns });
    return this.get(actor, id);
  }

  async updateDecisions(
    actor: Actor,
    id: number,
    body: {
      matchDecision?: MemberImportMatchDecision | undefined;
      rows?: { row: number; decision: MatchDecision | null }[] | undefined;
    },
  ): Promise<MemberImport> {
    const stored = await this.load(actor, id);
    this.assertEditable(stored);
    const decision = body.matchDecision ?? stored.matchDecision;
    await this.restart(
      actor,
      stored,
      stored.mapping as ImportColumn[],
      decision,
      { matchDecision: decision },
      () => setRowDecisions(this.db, id, body.rows ?? []),
    );
    return this.get(actor, id);
  }

  /** Lands every accepted row in one transaction: new members, updates of matched ones, one audit row. */
  async commit(actor: Actor, id: number, audit: AuditContext): Promise<MemberImport> {
    const loaded = await this.load(actor, id);
    this.assertEditable(loaded);
    try {
      await this.db.transaction().execute((trx) =>
        commitImportRows(trx, {
          id,
          fileName: loaded.fileName,
          today: this.today(),
          now: this.deps.clock.now(),
          accountId: actor.accountId > 0 ? actor.accountId : null,
          // What the committing actor may write, whoever uploaded the file: without member.sensitive the
          // citizen ID, religion and discipline columns are ignored (new members get the defaults).
          canSetSensitive: this.seesSensitive(actor, loaded),
          audit,
          batchSize: COMMIT_BATCH,
        }),
      );
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
    return this.get(actor, id);
  }

  /** The file's rows as read, with an added error column ("Lỗi"), as .xlsx. */
  async writeReport(actor: Actor, id: number, output: Writable): Promise<void> {
    const stored = await this.load(actor, id);
    const headers = [...stored.headerCells, "Lỗi"];
    const sensitive = this.seesSensitive(actor, stored)
      ? new Map<number, MemberImportField>()
      : sensitiveColumns(stored.mapping as ImportColumn[]);
    const writer = createXlsxWriter(output);
    const sheet = writer.addSheet(stored.sheetName ?? "Danh sách", headers);
    for (let after = 0; ; ) {
      const rows = await rowsAfter(this.db, id, after, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        const raw = row.raw as StoredCell[];
        const cells = stored.headerCells.map((_, i) => {
          const cell = raw[i];
          const field = sensitive.get(i);
          if (field) return maskText(field, displayCell(cell, stored.encoding));
          return typeof cell === "number" ? cell : displayCell(cell, stored.encoding);
        });
        const problems = (row.problems as { column: string; message: string }[])
          .map((p) => (p.column ? `${p.column}: ${p.message}` : p.message))
          .join("; ");
        sheet.addRow([...cells, problems]);
      }
      after = rows[rows.length - 1]?.rowNumber ?? after;
    }
    sheet.end();
    await writer.finish();
  }

  // --------------------------------------------------------------------------------- command line

  /** The organisation named on the command line by id or code. */
  async orgIdOf(codeOrId: string): Promise<number> {
    if (/^\d+$/.test(codeOrId)) return Number(codeOrId);
    const id = await findOrgIdByCode(this.db, codeOrId);
    if (id === undefined) throw new AppError("NOT_FOUND", { detail: `organisation ${codeOrId}` });
    return id;
  }

  /** The outcome of a finished (ready) import as the command line prints it. */
  async summary(actor: Actor, id: number): Promise<ImportSummary> {
    const stored = await this.load(actor, id);
    if (stored.status === "failed") {
      throw new AppError((stored.errorCode ?? "MEMBER_IMPORT_CORRUPTED") as keyof typeof ERROR_CATALOGUE, {
        issues: [{ path: "file", message: stored.errorMessage ?? "" }],
      });
    }
    const sees = this.seesSensitive(actor, stored);
    const summary: ImportSummary = { rows: 0, accepted: 0, problems: [], members: [] };
    for (let after = 0; ; ) {
      const rows = await rowsAfter(this.db, id, after, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        summary.rows++;
        summary.problems.push(...(row.problems as ImportSummary["problems"]));
        if (row.outcome === "reject") continue;
        summary.accepted++;
        const record = row.record as RowRecord;
        summary.members.push({
          ...record,
          values: sees ? record.values : maskRecord(record.values),
          outcome: row.outcome,
        });
      }
      after = rows[rows.length - 1]?.rowNumber ?? after;
    }
    return summary;
  }
}

function uniqueViolation(error: unknown): AppError | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return null;
  const text = `${e.constraint ?? ""} ${e.message ?? ""}`;
  if (text.includes("citizen_id")) return new AppError("MEMBER_CITIZEN_ID_TAKEN");
  if (text.includes("card_number")) return new AppError("MEMBER_CARD_NUMBER_TAKEN");
  return null;
}

// ------------------------------------------------------------------------------------------ present

const EMPTY_COUNTS = { rows: 0, accepted: 0, rejected: 0, new: 0, matched: 0, duplicates: 0, problems: 0 };

export function presentImport(stored: StoredImport, seesSensitive: boolean): MemberImport {
  const result = stored.result as MemberImport["result"];
  const columns = stored.mapping as ImportColumn[];
  const sensitive = seesSensitive ? new Map<number, MemberImportField>() : sensitiveColumns(columns);
  return {
    id: stored.id,
    orgId: stored.orgId,
    orgName: stored.orgName,
    fileName: stored.fileName,
    status: stored.status,
    progress: Number(stored.progress),
    error: stored.errorCode ? { code: stored.errorCode, message: stored.errorMessage ?? "" } : null,
    sheetName: stored.sheetName,
    notes: stored.notes,
    headerRow: stored.headerRow,
    encoding: stored.encoding,
    columns,
    ignoredSensitiveColumns: columns.filter((c) => sensitive.has(c.index)).map((c) => c.header),
    matchDecision: stored.matchDecision,
    counts: { ...EMPTY_COUNTS, ...stored.counts },
    result: result ?? null,
    createdAt: new Date(stored.createdAt).toISOString(),
    committedAt: stored.committedAt ? new Date(stored.committedAt).toISOString() : null,
  };
}

/** Columns holding sensitive fields (as mapped or as proposed from the header): index → field. */
function sensitiveColumns(columns: ImportColumn[]): Map<number, MemberImportField> {
  const found = new Map<number, MemberImportField>();
  for (const c of columns) {
    const field = [c.field, c.proposed].find((f) => f !== null && SENSITIVE.includes(f));
    if (field) found.set(c.index, field);
  }
  return found;
}

/**
 * A sensitive cell as a reader without member.sensitive sees it: the shared masking rule, and "***" for
 * a hidden value (as the export writes it), so a masked cell never reads as an empty one.
 */
function maskText(field: MemberImportField, text: string): string {
  const sensitive = sensitiveMemberFieldOf(field);
  if (text === "" || sensitive === null) return text;
  const masked = maskSensitiveMemberValue(sensitive, text);
  return typeof masked === "string" ? masked : "***";
}

function maskRecord<T extends object>(values: T): T {
  return maskSensitiveMemberFields(values, false);
}

function presentRow(
  row: ImportRowData & { memberName: string | null },
  columns: ImportColumn[],
  encoding: "tcvn3" | "vni" | null,
  seesSensitive: boolean,
): MemberImportRow {
  const raw = row.raw as StoredCell[];
  const record = row.record as RowRecord | null;
  const sensitive = seesSensitive ? new Map<number, MemberImportField>() : sensitiveColumns(columns);
  return {
    row: row.rowNumber,
    values: columns.map((c) => {
      const text = displayCell(raw[c.index], encoding);
      const field = sensitive.get(c.index);
      return field ? maskText(field, text) : text;
    }),
    record: record ? (seesSensitive ? { ...record.values } : maskRecord(record.values)) : null,
    problems: row.problems as MemberImportRow["problems"],
    match:
      row.matchKind && row.matchMemberId !== null
        ? { kind: row.matchKind, memberId: row.matchMemberId, memberName: row.memberName ?? "" }
        : null,
    duplicateOf: row.duplicateOf,
    decision: row.decision,
    outcome: row.outcome,
  };
}
