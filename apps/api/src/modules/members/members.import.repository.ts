// SQL of member imports: the import and its rows, the cells a file may name, existing members a row may
// match, and the batched writes of a commit (one statement per 1,000 rows through jsonb_to_recordset,
// so a row costs no round trip and no bind parameters).
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

export type Db = Kysely<Database> | Transaction<Database>;

export interface StoredImport {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  accountId: number | null;
  fileName: string;
  sha256: string;
  format: "xlsx" | "csv";
  status: "parsing" | "validating" | "ready" | "committing" | "committed" | "failed";
  progress: number;
  errorCode: string | null;
  errorMessage: string | null;
  sheetName: string | null;
  notes: string[];
  headerRow: number | null;
  headerCells: string[];
  encoding: "tcvn3" | "vni" | null;
  mapping: unknown[];
  matchDecision: "update" | "skip" | "merge";
  counts: Record<string, number>;
  result: Record<string, number> | null;
  createdAt: Date;
  committedAt: Date | null;
}

export type ImportPatch = Partial<{
  status: StoredImport["status"];
  progress: number;
  errorCode: string | null;
  errorMessage: string | null;
  sheetName: string | null;
  notes: string[];
  headerRow: number | null;
  headerCells: string[];
  encoding: "tcvn3" | "vni" | null;
  mapping: unknown[];
  matchDecision: StoredImport["matchDecision"];
  counts: Record<string, number>;
  result: Record<string, number> | null;
  committedAt: Date | null;
}>;

const JSON_COLUMNS = new Set(["notes", "headerCells", "mapping", "counts", "result"]);

export async function insertImport(
  db: Db,
  values: {
    orgId: number;
    accountId: number | null;
    fileName: string;
    sha256: string;
    format: "xlsx" | "csv";
  },
): Promise<number> {
  const row = await db.insertInto("memberImports").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImport(db: Db, id: number, patch: ImportPatch): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    values[key] = JSON_COLUMNS.has(key) && value !== null ? JSON.stringify(value) : value;
  }
  if (Object.keys(values).length === 0) return;
  await db.updateTable("memberImports").set(values).where("id", "=", id).execute();
}

/**
 * Changes the import only while it has status `from`: answers false when someone else moved it on
 * meanwhile (a commit, another re-validation), so a check-then-write never overwrites their change.
 */
export async function updateImportIf(
  db: Db,
  id: number,
  from: StoredImport["status"],
  patch: ImportPatch,
): Promise<boolean> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    values[key] = JSON_COLUMNS.has(key) && value !== null ? JSON.stringify(value) : value;
  }
  const result = await db
    .updateTable("memberImports")
    .set(values)
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Drops the rows of an import that failed: nothing of it can be committed. */
export async function deleteRows(db: Db, importId: number): Promise<void> {
  await db.deleteFrom("memberImportRows").where("importId", "=", importId).execute();
}

export async function deleteImport(db: Db, importId: number): Promise<void> {
  await db.deleteFrom("memberImports").where("id", "=", importId).execute();
}

/**
 * For the command line: the root above an organisation and the first system administrator of that
 * root (who is recorded as the author), if any.
 */
export async function installerOf(
  db: Db,
  orgId: number,
): Promise<
  { accountId: number | null; root: { id: number; code: string; name: string; path: string } } | undefined
> {
  const rows = await sql<{ id: number; code: string; name: string; path: string; accountId: number | null }>`
    SELECT r.id, r.code, r.name, r.path::text AS path,
      (SELECT ra.account_id FROM role_assignments ra
        WHERE ra.org_id = r.id AND ra.role = 'system_admin' ORDER BY ra.account_id LIMIT 1) AS "accountId"
    FROM organisations o JOIN organisations r ON r.path = subpath(o.path, 0, 1)
    WHERE o.id = ${orgId}`.execute(db);
  const row = rows.rows[0];
  if (!row) return undefined;
  return {
    accountId: row.accountId === null ? null : Number(row.accountId),
    root: { id: row.id, code: row.code, name: row.name, path: row.path },
  };
}

export async function findImport(db: Db, id: number): Promise<StoredImport | undefined> {
  const row = await db
    .selectFrom("memberImports as i")
    .innerJoin("organisations as o", "o.id", "i.orgId")
    .selectAll("i")
    .select(["o.name as orgName", "o.path as orgPath"])
    .where("i.id", "=", id)
    .executeTakeFirst();
  return row as StoredImport | undefined;
}

// ------------------------------------------------------------------------------------------------ rows

export interface ImportRowData {
  rowNumber: number;
  raw: unknown[];
  record: unknown;
  problems: unknown[];
  matchKind: "citizen_id" | "card_number" | "name_birth" | null;
  matchMemberId: number | null;
  duplicateOf: number | null;
  decision: "update" | "skip" | "merge" | null;
  outcome: "create" | "update" | "merge" | "skip" | "unchanged" | "reject";
}

/** Writes (or rewrites) a batch of rows in one statement. */
export async function upsertRows(db: Db, importId: number, rows: ImportRowData[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO member_import_rows
      (import_id, row_number, raw, record, problems, match_kind, match_member_id, duplicate_of, decision, outcome)
    SELECT ${importId}, r.row_number, r.raw, r.record, r.problems, r.match_kind, r.match_member_id,
      r.duplicate_of, r.decision, r.outcome
    FROM jsonb_to_recordset(${JSON.stringify(rows.map(snakeRow))}::jsonb) AS r(
      row_number integer, raw jsonb, record jsonb, problems jsonb, match_kind text, match_member_id bigint,
      duplicate_of integer, decision text, outcome text)
    ON CONFLICT (import_id, row_number) DO UPDATE SET
      record = excluded.record, problems = excluded.problems, match_kind = excluded.match_kind,
      match_member_id = excluded.match_member_id, duplicate_of = excluded.duplicate_of,
      decision = excluded.decision, outcome = excluded.outcome`.execute(db);
}

function snakeRow(row: ImportRowData) {
  return {
    row_number: row.rowNumber,
    raw: row.raw,
    record: row.record,
    problems: row.problems,
    match_kind: row.matchKind,
    match_member_id: row.matchMemberId,
    duplicate_of: row.duplicateOf,
    decision: row.decision,
    outcome: row.outcome,
  };
}

/** What a commit reads of accepted rows (not the cells as written). */
export async function rowsToCommit(
  db: Db,
  importId: number,
  afterRow: number,
  limit: number,
  outcomes: readonly ImportRowData["outcome"][],
): Promise<Pick<ImportRowData, "rowNumber" | "record" | "matchMemberId" | "decision">[]> {
  return db
    .selectFrom("memberImportRows")
    .select(["rowNumber", "record", "matchMemberId", "decision"])
    .where("importId", "=", importId)
    .where("rowNumber", ">", afterRow)
    .where("outcome", "in", outcomes)
    .orderBy("rowNumber")
    .limit(limit)
    .execute();
}

/** Rows after `afterRow` in row order (keyset), optionally only some outcomes. */
export async function rowsAfter(
  db: Db,
  importId: number,
  afterRow: number,
  limit: number,
  outcomes?: readonly ImportRowData["outcome"][],
): Promise<ImportRowData[]> {
  let query = db
    .selectFrom("memberImportRows")
    .select([
      "rowNumber",
      "raw",
      "record",
      "problems",
      "matchKind",
      "matchMemberId",
      "duplicateOf",
      "decision",
      "outcome",
    ])
    .where("importId", "=", importId)
    .where("rowNumber", ">", afterRow)
    .orderBy("rowNumber")
    .limit(limit);
  if (outcomes) query = query.where("outcome", "in", outcomes);
  return (await query.execute()) as ImportRowData[];
}

export type RowFilter = "all" | "problems" | "matched" | "new";

export async function pageOfRows(
  db: Db,
  importId: number,
  show: RowFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: (ImportRowData & { memberName: string | null })[]; total: number }> {
  let base = db.selectFrom("memberImportRows as r").where("r.importId", "=", importId);
  if (show === "problems") base = base.where("r.outcome", "=", "reject");
  if (show === "matched")
    base = base.where("r.matchMemberId", "is not", null).where("r.outcome", "!=", "reject");
  if (show === "new") base = base.where("r.outcome", "=", "create");
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("members as m", "m.id", "r.matchMemberId")
    .select([
      "r.rowNumber",
      "r.raw",
      "r.record",
      "r.problems",
      "r.matchKind",
      "r.matchMemberId",
      "r.duplicateOf",
      "r.decision",
      "r.outcome",
      "m.fullName as memberName",
    ])
    .orderBy("r.rowNumber")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows as (ImportRowData & { memberName: string | null })[], total: Number(total.n) };
}

export async function countRows(db: Db, importId: number): Promise<Record<string, number>> {
  const row = await sql<Record<string, string | number>>`
    SELECT count(*) AS rows,
      count(*) FILTER (WHERE outcome <> 'reject') AS accepted,
      count(*) FILTER (WHERE outcome = 'reject') AS rejected,
      count(*) FILTER (WHERE outcome = 'create') AS new,
      count(*) FILTER (WHERE outcome <> 'reject' AND match_member_id IS NOT NULL) AS matched,
      count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates,
      coalesce(sum(jsonb_array_length(problems)), 0) AS problems
    FROM member_import_rows WHERE import_id = ${importId}`.execute(db);
  const counts = row.rows[0] ?? {};
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
}

/** Rows the user chose to skip. */
export async function countSkippedRows(db: Db, importId: number): Promise<number> {
  const row = await db
    .selectFrom("memberImportRows")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("importId", "=", importId)
    .where("outcome", "=", "skip")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setRowDecisions(
  db: Db,
  importId: number,
  rows: { row: number; decision: "update" | "skip" | "merge" | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE member_import_rows t SET decision = r.decision
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(row integer, decision text)
    WHERE t.import_id = ${importId} AND t.row_number = r.row`.execute(db);
}

// ------------------------------------------------------------------------------------ cells, members

export interface CellOrg {
  id: number;
  code: string;
  name: string;
  path: string;
  holdsMembers: boolean;
}

/** The organisation and the active cells of its subtree. */
export async function cellsInSubtree(db: Db, path: string): Promise<CellOrg[]> {
  const rows = await sql<CellOrg>`
    SELECT o.id, o.code, o.name, o.path::text AS path, t.holds_members AS "holdsMembers"
    FROM organisations o JOIN org_types t ON t.code = o.type_code
    WHERE o.path <@ ${path}::ltree AND o.status = 'active' AND t.holds_members`.execute(db);
  return rows.rows;
}

export async function findOrgForImport(
  db: Db,
  id: number,
): Promise<{ id: number; name: string; path: string; holdsMembers: boolean; active: boolean } | undefined> {
  const rows = await sql<{ id: number; name: string; path: string; holdsMembers: boolean; active: boolean }>`
    SELECT o.id, o.name, o.path::text AS path, t.holds_members AS "holdsMembers", o.status = 'active' AS active
    FROM organisations o JOIN org_types t ON t.code = o.type_code WHERE o.id = ${id}`.execute(db);
  return rows.rows[0];
}

export async function findOrgIdByCode(db: Db, code: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("organisations")
    .select("id")
    .where(sql`lower(code)`, "=", code.toLowerCase())
    // A code may have been reused after a merge or split: the active organisation first.
    .orderBy(sql`status = 'active'`, "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id;
}

/** The member fields an import reads and writes, as stored. */
export interface ExistingMember {
  id: number;
  orgPath: string;
  fullName: string;
  otherNames: string | null;
  sex: string;
  birthDate: string;
  birthPlace: string | null;
  homeTown: string | null;
  ethnicity: string;
  religion: string;
  citizenId: string | null;
  cardNumber: string | null;
  admittedOn: string;
  fullMemberOn: string | null;
  educationGeneral: string | null;
  educationProfessional: string;
  theoryLevel: string;
  occupation: string | null;
  awards: string | null;
  discipline: string | null;
  searchKey: string;
  status: string;
  orgId: number;
  version: number;
}

const MEMBER_COLUMNS_SQL = sql`m.id, o.path::text AS "orgPath", m.full_name AS "fullName",
  m.other_names AS "otherNames", m.sex, m.birth_date::text AS "birthDate", m.birth_place AS "birthPlace",
  m.home_town AS "homeTown", m.ethnicity, m.religion, m.citizen_id AS "citizenId",
  m.card_number AS "cardNumber", m.admitted_on::text AS "admittedOn", m.full_member_on::text AS "fullMemberOn",
  m.education_general AS "educationGeneral", m.education_professional AS "educationProfessional",
  m.theory_level AS "theoryLevel", m.occupation, m.awards, m.discipline, m.search_key AS "searchKey",
  m.status, m.org_id AS "orgId", m.version`;

/** Members with any of these citizen IDs, card numbers or (name key, birth date) pairs. */
export async function findCandidates(
  db: Db,
  keys: { citizenIds: string[]; cardNumbers: string[]; nameBirths: { k: string; b: string }[] },
): Promise<ExistingMember[]> {
  if (keys.citizenIds.length + keys.cardNumbers.length + keys.nameBirths.length === 0) return [];
  // Three index lookups joined by UNION (an OR across them would defeat the indexes).
  const rows = await sql<ExistingMember>`
    SELECT ${MEMBER_COLUMNS_SQL}
    FROM members m JOIN organisations o ON o.id = m.org_id
    WHERE m.id IN (
      SELECT id FROM members WHERE citizen_id = ANY(${keys.citizenIds}::text[])
      UNION SELECT id FROM members WHERE card_number = ANY(${keys.cardNumbers}::text[])
      UNION SELECT mm.id FROM members mm
        JOIN jsonb_to_recordset(${JSON.stringify(keys.nameBirths)}::jsonb) AS r(k text, b date)
          ON mm.search_key = r.k AND mm.birth_date = r.b)`.execute(db);
  return rows.rows;
}

export async function membersByIdForUpdate(db: Db, ids: number[]): Promise<ExistingMember[]> {
  if (ids.length === 0) return [];
  const rows = await sql<ExistingMember>`
    SELECT ${MEMBER_COLUMNS_SQL}
    FROM members m JOIN organisations o ON o.id = m.org_id
    WHERE m.id = ANY(${ids}::bigint[]) FOR UPDATE OF m`.execute(db);
  return rows.rows;
}

// ---------------------------------------------------------------------------------------------- commit

export interface NewMemberRow {
  id: number;
  org_id: number;
  full_name: string;
  search_key: string;
  sort_key: string;
  other_names: string | null;
  sex: string;
  birth_date: string;
  birth_place: string | null;
  home_town: string | null;
  ethnicity: string;
  religion: string;
  citizen_id: string | null;
  card_number: string | null;
  admitted_on: string;
  full_member_on: string | null;
  education_general: string | null;
  education_professional: string;
  theory_level: string;
  occupation: string | null;
  status: string;
  status_since: string;
  awards: string | null;
  discipline: string | null;
}

const MEMBER_RECORD_TYPES = sql`id bigint, org_id bigint, full_name text, search_key text, sort_key text,
  other_names text, sex text, birth_date date, birth_place text, home_town text, ethnicity text, religion text,
  citizen_id text, card_number text, admitted_on date, full_member_on date, education_general text,
  education_professional text, theory_level text, occupation text, status text, status_since date, awards text,
  discipline text`;

/** The member_import_rows columns of a new member, as jsonb_to_recordset reads them. */
const NEW_MEMBER_RECORD_TYPES = sql`org_id bigint, full_name text, search_key text, sort_key text,
  other_names text, sex text, birth_date date, birth_place text, home_town text, ethnicity text, religion text,
  citizen_id text, card_number text, admitted_on date, full_member_on date, education_general text,
  education_professional text, theory_level text, occupation text, status text, status_since date, awards text,
  discipline text`;

export async function insertMembers(
  db: Db,
  rows: Omit<NewMemberRow, "id">[],
  event: { occurredOn: string; accountId: number | null; note: string },
): Promise<void> {
  if (rows.length === 0) return;
  // One statement: the member rows (their ids drawn here, in the rows' order), their import event and
  // their open cell span. Foreign keys are checked at the end of the statement, when the members exist.
  await sql`
    WITH r AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('members', 'id')) AS id, x.*
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${NEW_MEMBER_RECORD_TYPES})),
    m AS (
      INSERT INTO members (id, org_id, full_name, search_key, sort_key, other_names, sex, birth_date, birth_place,
        home_town, ethnicity, religion, citizen_id, card_number, admitted_on, full_member_on, education_general,
        education_professional, theory_level, occupation, status, status_since, awards, discipline)
      OVERRIDING SYSTEM VALUE
      SELECT id, org_id, full_name, search_key, sort_key, other_names, sex, birth_date, birth_place, home_town,
        ethnicity, religion, citizen_id, card_number, admitted_on, full_member_on, education_general,
        education_professional, theory_level, occupation, status, status_since, awards, discipline
      FROM r),
    ev AS (
      INSERT INTO member_events (member_id, kind, occurred_on, to_org_id, status_after, recorded_by, note)
      SELECT r.id, 'import', ${event.occurredOn}::date, r.org_id, r.status, ${event.accountId}::bigint, ${event.note}
      FROM r RETURNING id, member_id)
    INSERT INTO member_cells (member_id, org_id, valid_from, event_id)
    SELECT r.id, r.org_id, r.admitted_on, ev.id FROM r JOIN ev ON ev.member_id = r.id`.execute(db);
}

/**
 * Writes matched members at the version the preview saw. Answers how many were written: fewer than
 * given means a member changed meanwhile (the caller refuses the commit).
 */
export async function updateMembers(
  db: Db,
  rows: (NewMemberRow & { version: number })[],
  event: { occurredOn: string; accountId: number | null; note: string },
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows);
  const written = await sql`
    UPDATE members m SET full_name = r.full_name, search_key = r.search_key, sort_key = r.sort_key,
      other_names = r.other_names, sex = r.sex, birth_date = r.birth_date, birth_place = r.birth_place,
      home_town = r.home_town, ethnicity = r.ethnicity, religion = r.religion, citizen_id = r.citizen_id,
      card_number = r.card_number, admitted_on = r.admitted_on, full_member_on = r.full_member_on,
      education_general = r.education_general, education_professional = r.education_professional,
      theory_level = r.theory_level, occupation = r.occupation, awards = r.awards, discipline = r.discipline,
      version = m.version + 1, updated_at = now()
    FROM jsonb_to_recordset(${json}::jsonb) AS r(${MEMBER_RECORD_TYPES}, version integer)
    WHERE m.id = r.id AND m.version = r.version`.execute(db);
  if (Number(written.numAffectedRows ?? 0) !== rows.length) return Number(written.numAffectedRows ?? 0);
  await sql`
    INSERT INTO member_events (member_id, kind, occurred_on, status_before, status_after, recorded_by, note)
    SELECT r.id, 'import', ${event.occurredOn}::date, r.status, r.status, ${event.accountId}::bigint, ${event.note}
    FROM jsonb_to_recordset(${json}::jsonb) AS r(${MEMBER_RECORD_TYPES})`.execute(db);
  return rows.length;
}
