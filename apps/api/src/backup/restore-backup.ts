// Restores a backup into a migrated database, in ONE transaction: either every row lands and the
// counts match the file, or nothing changes. Refuses a file of another format or migration set, and
// a database that already holds data unless `force` (then its application tables are emptied first).
// Foreign keys are dropped while loading and re-created (and so re-checked) at the end, which lets
// rows arrive in any order (a merged-into organisation may have a higher id than its moved children).
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupRowLine,
  type BackupTrailer,
} from "./backup-format.ts";
import {
  backedUpTables,
  type ForeignKeyInfo,
  listApplicationTables,
  listAppliedMigrations,
  listForeignKeys,
  quoteIdent,
  type TableInfo,
} from "./table-catalogue.ts";

const BATCH_ROWS = 2_000;
const BATCH_CHARS = 8_000_000;

/**
 * Filled by migrations (default organisation types and rules, member post types, document types and
 * issuer codes, the Central Committee's terms), so present in a fresh database. Restore replaces them
 * with the file's rows like every other table.
 */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set([
  "org_types",
  "org_type_rules",
  "member_post_types",
  "document_types",
  "document_issuers",
  "committee_terms",
]);

export interface RestoreOptions {
  /** Empty a database that already holds data before restoring into it. */
  force?: boolean;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

type Trx = Transaction<Database>;

function corrupt(detail: string, cause?: unknown): BackupError {
  return new BackupError(
    `Tệp sao lưu bị hỏng hoặc không đầy đủ: ${detail}. Không có thay đổi nào.`,
    `The backup file is corrupt or incomplete: ${detail}. Nothing was changed.`,
    { cause },
  );
}

function checkHeader(header: BackupHeader, migrations: string[], tables: TableInfo[]): void {
  if (header.format !== BACKUP_FORMAT || typeof header.version !== "number") {
    throw new BackupError("Đây không phải tệp sao lưu của Năm Rõ.", "This is not a Năm Rõ backup file.");
  }
  if (header.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Tệp sao lưu dùng định dạng phiên bản ${header.version}, mới hơn phiên bản này hỗ trợ (${BACKUP_FORMAT_VERSION}). Hãy cập nhật Năm Rõ.`,
      `The backup uses format version ${header.version}, newer than this release reads (${BACKUP_FORMAT_VERSION}). Update Năm Rõ.`,
    );
  }
  const same =
    header.migrations.length === migrations.length && header.migrations.every((m, i) => m === migrations[i]);
  if (!same) {
    const missing = header.migrations.filter((m) => !migrations.includes(m));
    const extra = migrations.filter((m) => !header.migrations.includes(m));
    throw new BackupError(
      `Lược đồ không khớp: tệp sao lưu được tạo với các bản chuyển đổi [${header.migrations.join(", ")}], cơ sở dữ liệu có [${migrations.join(", ")}]` +
        `${missing.length ? `; thiếu ${missing.join(", ")}` : ""}${extra.length ? `; thừa ${extra.join(", ")}` : ""}. ` +
        "Hãy khôi phục bằng phiên bản Năm Rõ đã tạo tệp, rồi nâng cấp.",
      `Schema mismatch: the backup was made with migrations [${header.migrations.join(", ")}], the database has [${migrations.join(", ")}]. ` +
        "Restore with the Năm Rõ release that wrote the file, then upgrade.",
    );
  }
  for (const saved of header.tables) {
    const table = tables.find((t) => t.name === saved.name);
    const columns = table?.columns.map((c) => c.name) ?? [];
    if (!table || columns.length !== saved.columns.length || columns.some((c, i) => c !== saved.columns[i])) {
      throw new BackupError(
        `Bảng ${saved.name} trong tệp sao lưu không khớp với cơ sở dữ liệu.`,
        `Table ${saved.name} in the backup does not match the database.`,
      );
    }
  }
}

async function tablesHoldingData(trx: Trx, tables: TableInfo[]): Promise<string[]> {
  const holding: string[] = [];
  for (const table of tables) {
    if (REFERENCE_TABLES.has(table.name)) continue;
    const { rows } = await sql
      .raw<{ one: number }>(`SELECT 1 AS one FROM ${quoteIdent(table.name)} LIMIT 1`)
      .execute(trx);
    if (rows.length > 0) holding.push(table.name);
  }
  return holding;
}

async function insertBatch(trx: Trx, table: TableInfo, rows: (string | null)[][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = table.columns;
  const names = columns.map((c) => quoteIdent(c.name)).join(", ");
  const casts = columns.map((c, i) => sql.raw(`u.c${i}::${c.type}`));
  const arrays = columns.map((_, i) => sql`${rows.map((row) => row[i] ?? null)}::text[]`);
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const overriding = columns.some((c) => c.identity) ? sql.raw("OVERRIDING SYSTEM VALUE") : sql``;
  await sql`
    INSERT INTO ${sql.raw(quoteIdent(table.name))} (${sql.raw(names)}) ${overriding}
    SELECT ${sql.join(casts)} FROM unnest(${sql.join(arrays)}) AS u (${sql.raw(aliases)})
  `.execute(trx);
}

async function resetIdentities(trx: Trx, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.identity)) {
      const t = quoteIdent(table.name);
      const c = quoteIdent(column.name);
      await sql
        .raw(
          `SELECT setval(pg_get_serial_sequence('${t.replaceAll("'", "''")}', '${column.name.replaceAll("'", "''")}'),
                  coalesce((SELECT max(${c}) FROM ${t}), 1), (SELECT max(${c}) FROM ${t}) IS NOT NULL)`,
        )
        .execute(trx);
    }
  }
}

async function loadRows(
  trx: Trx,
  lines: AsyncIterable<string>,
  header: BackupHeader,
  tables: TableInfo[],
): Promise<Record<string, number>> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]));
  let current: TableInfo | null = null;
  let batch: (string | null)[][] = [];
  let batchChars = 0;
  const flush = async () => {
    if (current) await insertBatch(trx, current, batch);
    batch = [];
    batchChars = 0;
  };
  for await (const line of lines) {
    if (line === "") continue;
    let parsed: BackupRowLine | BackupTrailer;
    try {
      parsed = JSON.parse(line) as BackupRowLine | BackupTrailer;
    } catch (error) {
      throw corrupt("một dòng không đọc được (an unreadable line)", error);
    }
    if ("end" in parsed) {
      await flush();
      for (const [name, expected] of Object.entries(parsed.counts)) {
        if (counts[name] !== expected) throw corrupt(`${name}: ${counts[name] ?? 0} ≠ ${expected}`);
      }
      return counts;
    }
    const table = byName.get(parsed.t);
    if (
      !table ||
      counts[parsed.t] === undefined ||
      !Array.isArray(parsed.r) ||
      parsed.r.length !== table.columns.length
    ) {
      throw corrupt(`dòng không hợp lệ cho bảng ${String(parsed.t)} (invalid row)`);
    }
    if (table !== current) {
      await flush();
      current = table;
    }
    batch.push(parsed.r);
    batchChars += line.length;
    counts[parsed.t] = (counts[parsed.t] ?? 0) + 1;
    if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
  }
  throw corrupt("thiếu dòng kết thúc (the end marker is missing)");
}

async function verifyCounts(trx: Trx, counts: Record<string, number>): Promise<void> {
  for (const [name, expected] of Object.entries(counts)) {
    const { rows } = await sql
      .raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(name)}`)
      .execute(trx);
    if (Number(rows[0]?.n) !== expected) throw corrupt(`${name}: ${rows[0]?.n} ≠ ${expected}`);
  }
}

async function withForeignKeysDropped<T>(trx: Trx, work: () => Promise<T>): Promise<T> {
  const foreignKeys: ForeignKeyInfo[] = await listForeignKeys(trx);
  for (const fk of foreignKeys) {
    await sql.raw(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`).execute(trx);
  }
  const result = await work();
  for (const fk of foreignKeys) {
    await sql
      .raw(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`)
      .execute(trx);
  }
  return result;
}

export async function restoreBackup(
  db: Kysely<Database>,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  try {
    await access(file);
  } catch {
    throw new BackupError(`Không tìm thấy tệp ${file}.`, `File ${file} not found.`);
  }
  const gunzip = createGunzip();
  const stream = createReadStream(file).pipe(gunzip);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  // A broken gzip stream surfaces as an error of the line reader's iteration.
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<IteratorResult<string>> => {
    try {
      return await iterator.next();
    } catch (error) {
      throw corrupt("không giải nén được (cannot decompress)", error);
    }
  };
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => ({ next }) };

  try {
    const first = await next();
    let header: BackupHeader;
    try {
      header = JSON.parse(first.done ? "" : first.value) as BackupHeader;
    } catch (error) {
      throw new BackupError("Đây không phải tệp sao lưu của Năm Rõ.", "This is not a Năm Rõ backup file.", {
        cause: error,
      });
    }
    return await db.transaction().execute(async (trx) => {
      const tables = await listApplicationTables(trx);
      checkHeader(header, await listAppliedMigrations(trx), backedUpTables(tables));
      const holding = await tablesHoldingData(trx, tables);
      if (holding.length > 0 && !options.force) {
        throw new BackupError(
          `Cơ sở dữ liệu đã có dữ liệu (${holding.join(", ")}). Khôi phục chỉ vào cơ sở dữ liệu trống, hoặc dùng --force để xóa dữ liệu hiện có rồi khôi phục.`,
          `The database already holds data (${holding.join(", ")}). Restore into an empty database, or use --force to erase the current data first.`,
        );
      }
      const restoredTables = tables.filter((t) => header.tables.some((h) => h.name === t.name));
      const counts = await withForeignKeysDropped(trx, async () => {
        await sql
          .raw(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(", ")} RESTART IDENTITY`)
          .execute(trx);
        return loadRows(trx, rest, header, restoredTables);
      });
      await verifyCounts(trx, counts);
      await resetIdentities(trx, tables);
      return {
        tables: restoredTables.length,
        rows: Object.values(counts).reduce((a, b) => a + b, 0),
        counts,
      };
    });
  } finally {
    lines.close();
    stream.destroy();
  }
}
