// The backup file: gzip of newline-delimited JSON, the same whatever database wrote or reads it.
//   line 1     header  { format, version, createdAt, migrations, tables: [{ name, columns, types }] }
//   then       rows    { t: table, r: [column values as PostgreSQL text, or null] }, tables in
//                      foreign-key order, each table's rows in primary-key order
//   last line  trailer { end: true, counts: { table: rows } } — a file without it is incomplete.
// Values travel as PostgreSQL's own text form and are cast back on restore, so every type (timestamps
// to the microsecond, jsonb, ltree, arrays) round-trips exactly.

export const BACKUP_FORMAT = "namro-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTableHeader {
  name: string;
  columns: string[];
  types: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: BackupTableHeader[];
}

export interface BackupRowLine {
  t: string;
  r: (string | null)[];
}

export interface BackupTrailer {
  end: true;
  counts: Record<string, number>;
}

/** A refused or failed backup/restore, with its message in Vietnamese and English. */
export class BackupError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(vi: string, en: string, options?: { cause?: unknown }) {
    super(`${vi} (${en})`, options);
    this.name = "BackupError";
    this.vi = vi;
    this.en = en;
  }
}
