// What a backup covers, read from the database's own catalogue so that tables added by later
// migrations are included without touching this code: every table of the current schema except the
// migrator's bookkeeping, with its columns, primary key, identity columns and foreign keys.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface ColumnInfo {
  name: string;
  /** SQL type as format_type() spells it, used to cast text back: "bigint", "timestamp with time zone". */
  type: string;
  identity: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key column names in key order; empty when the table has none. */
  primaryKey: string[];
}

export interface ForeignKeyInfo {
  name: string;
  table: string;
  referencedTable: string;
  definition: string;
}

const MIGRATOR_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * Tables whose rows triggers derive from other tables (migration 0014: where each document reaches).
 * A backup leaves their rows out; restoring the source rows rebuilds them, and a restore empties them
 * with everything else so no row of the data it replaces survives.
 */
// Also the precomputed task roll-ups (migration 0017), rebuilt by the first read after a restore.
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  "document_reach",
  "task_rollup_orgs",
  "task_rollup_nodes",
  "task_rollup_plans",
  "task_rollup_plan_nodes",
  "task_rollup_reviews",
  "task_rollup_review_nodes",
  "task_rollup_state",
  "task_rollup_dirty",
  // Versions of cached answers (migration 0025): meaningless in another database; a restore bumps them.
  "data_versions",
]);

/** The tables whose rows a backup holds. */
export function backedUpTables(tables: readonly TableInfo[]): TableInfo[] {
  return tables.filter((table) => !DERIVED_TABLES.has(table.name));
}

/** Quotes an identifier for SQL text. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function listForeignKeys(executor: Executor): Promise<ForeignKeyInfo[]> {
  const { rows } = await sql<{ name: string; tbl: string; ref: string; def: string }>`
    SELECT con.conname AS name, rel.relname AS tbl, ref.relname AS ref, pg_get_constraintdef(con.oid) AS def
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_class ref ON ref.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()
    ORDER BY rel.relname, con.conname
  `.execute(executor);
  return rows
    .filter((row) => !MIGRATOR_TABLES.has(row.tbl))
    .map((row) => ({ name: row.name, table: row.tbl, referencedTable: row.ref, definition: row.def }));
}

/** Referenced tables before the tables that reference them (self references ignored), then by name. */
function foreignKeyOrder(names: string[], foreignKeys: ForeignKeyInfo[]): string[] {
  const pending = new Set(names);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((table) =>
        foreignKeys.every(
          (fk) => fk.table !== table || fk.referencedTable === table || !pending.has(fk.referencedTable),
        ),
      )
      .sort();
    // A cycle between tables: take them by name (restore drops the foreign keys while it loads anyway).
    const next = ready.length > 0 ? ready : [[...pending].sort()[0] as string];
    for (const table of next) {
      pending.delete(table);
      ordered.push(table);
    }
  }
  return ordered;
}

export async function listApplicationTables(executor: Executor): Promise<TableInfo[]> {
  const { rows: tableRows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  `.execute(executor);
  const names = tableRows.map((row) => row.name).filter((name) => !MIGRATOR_TABLES.has(name));
  const { rows: columnRows } = await sql<{
    tbl: string;
    name: string;
    type: string;
    ident: string;
    gen: string;
  }>`
    SELECT c.relname AS tbl, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attidentity AS ident, a.attgenerated AS gen
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum
  `.execute(executor);
  const { rows: keyRows } = await sql<{ tbl: string; name: string }>`
    SELECT c.relname AS tbl, a.attname AS name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND i.indisprimary
    ORDER BY c.relname, k.ord
  `.execute(executor);
  const ordered = foreignKeyOrder(names, await listForeignKeys(executor));
  return ordered.map((name) => ({
    name,
    // Generated columns are computed again on insert; they are neither saved nor restored.
    columns: columnRows
      .filter((row) => row.tbl === name && row.gen === "")
      .map((row) => ({ name: row.name, type: row.type, identity: row.ident === "a" || row.ident === "d" })),
    primaryKey: keyRows.filter((row) => row.tbl === name).map((row) => row.name),
  }));
}

/** Names of the migrations applied to this database, in order. */
export async function listAppliedMigrations(executor: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    executor,
  );
  return rows.map((row) => row.name);
}
