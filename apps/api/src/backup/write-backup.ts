// Writes a logical backup of every application table (see backup-format.ts). It reads inside one
// repeatable-read, read-only transaction, so the file is one consistent snapshot, and pages through
// each table by primary key so memory stays flat whatever the size.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTrailer,
} from "./backup-format.ts";
import {
  backedUpTables,
  listApplicationTables,
  listAppliedMigrations,
  quoteIdent,
  type TableInfo,
} from "./table-catalogue.ts";

const PAGE_SIZE = 5_000;

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  counts: Record<string, number>;
}

/** Each page of a table's rows as text, in primary-key order. */
async function* readTable(trx: Transaction<Database>, table: TableInfo): AsyncGenerator<(string | null)[][]> {
  const select = table.columns.map((c, i) => `${quoteIdent(c.name)}::text AS c${i}`).join(", ");
  const keyIndexes = table.primaryKey.map((key) => table.columns.findIndex((c) => c.name === key));
  const keyTypes = keyIndexes.map((i) => table.columns[i]?.type as string);
  const keyList = table.primaryKey.map(quoteIdent).join(", ");
  const from = `SELECT ${select} FROM ${quoteIdent(table.name)}`;
  if (table.primaryKey.length === 0 || keyIndexes.includes(-1)) {
    // No primary key: read it whole, ordered by every column so the file is stable.
    const order = table.columns.map((_, i) => `c${i}`).join(", ");
    const { rows } = await sql.raw<Record<string, string | null>>(`${from} ORDER BY ${order}`).execute(trx);
    if (rows.length > 0) yield rows.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
    return;
  }
  let after: (string | null)[] | null = null;
  for (;;) {
    const keyParams = keyTypes.map((type, i) => sql`${after?.[i] ?? null}::${sql.raw(type)}`);
    const where = after ? sql`WHERE (${sql.raw(keyList)}) > (${sql.join(keyParams)})` : sql``;
    const { rows } = await sql<Record<string, string | null>>`
      ${sql.raw(from)} ${where} ORDER BY ${sql.raw(keyList)} LIMIT ${sql.lit(PAGE_SIZE)}
    `.execute(trx);
    if (rows.length === 0) return;
    const values = rows.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
    yield values;
    const last = values[values.length - 1] as (string | null)[];
    after = keyIndexes.map((i) => last[i] ?? null);
    if (rows.length < PAGE_SIZE) return;
  }
}

export async function writeBackup(db: Kysely<Database>, file: string): Promise<BackupSummary> {
  const temporary = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(temporary);
  gzip.pipe(output);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  try {
    const counts = await db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        const tables = backedUpTables(await listApplicationTables(trx));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          migrations: await listAppliedMigrations(trx),
          tables: tables.map((t) => ({
            name: t.name,
            columns: t.columns.map((c) => c.name),
            types: t.columns.map((c) => c.type),
          })),
        };
        await write(header);
        const result: Record<string, number> = {};
        for (const table of tables) {
          result[table.name] = 0;
          for await (const page of readTable(trx, table)) {
            for (const r of page) await write({ t: table.name, r });
            result[table.name] = (result[table.name] ?? 0) + page.length;
          }
        }
        return result;
      });
    await write({ end: true, counts } satisfies BackupTrailer);
    gzip.end();
    await finished(output);
    await rename(temporary, file);
    return {
      file,
      tables: Object.keys(counts).length,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
    };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
