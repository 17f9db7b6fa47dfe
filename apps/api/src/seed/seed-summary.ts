// The closing lines of `namro seed`: per part, what the run added and how long it took, the total
// time, and the size of the database (pg_database_size on a server; the data folder on PGlite).
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { SeedTimings } from "./seed-scale.ts";

export const SEED_PARTS = ["organisations", "accounts", "members", "documents", "tasks"] as const;
export type SeedPart = (typeof SEED_PARTS)[number];
export type SeedCounts = Record<SeedPart, number>;

const PART_LABELS: Record<SeedPart, string> = {
  organisations: "tổ chức (organisations)",
  accounts: "tài khoản (accounts)",
  members: "đảng viên (members)",
  documents: "văn bản (documents)",
  tasks: "nhiệm vụ (tasks)",
};

/** Rows of each part now in the database (before and after a seed: the difference is what it added). */
export async function countSeedParts(db: Kysely<Database>): Promise<SeedCounts> {
  const { rows } = await sql<SeedCounts>`
    SELECT (SELECT count(*) FROM organisations)::float8 AS organisations,
           (SELECT count(*) FROM accounts)::float8 AS accounts,
           (SELECT count(*) FROM members)::float8 AS members,
           (SELECT count(*) FROM documents)::float8 AS documents,
           (SELECT count(*) FROM tasks)::float8 AS tasks`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("no counts");
  return row;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

export interface DatabaseSize {
  bytes: number;
  /** How it was measured, for the reader. */
  method: "pg_database_size" | "data folder";
}

/** A server's pg_database_size; an embedded database's data folder on disk (WAL included). */
export async function databaseSize(database: DatabaseHandle, dataDir: string): Promise<DatabaseSize> {
  if (database.kind === "server") {
    const { rows } = await sql<{ bytes: number }>`
      SELECT pg_database_size(current_database())::float8 AS bytes`.execute(database.db);
    return { bytes: Number(rows[0]?.bytes ?? 0), method: "pg_database_size" };
  }
  return { bytes: await folderBytes(dataDir), method: "data folder" };
}

/** Bytes in the units pg_size_pretty uses (1 GB = 1024³ bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return `${(bytes / 1024).toFixed(0)} kB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const PART_TIMING: Record<SeedPart, keyof SeedTimings | null> = {
  organisations: "organisationsMs",
  accounts: null,
  members: "membersMs",
  documents: "documentsMs",
  tasks: "tasksMs",
};

/** The summary, one line each, Vietnamese first with English. */
export function formatSeedSummary(input: {
  scale: string;
  before: SeedCounts;
  after: SeedCounts;
  timings: SeedTimings;
  size: DatabaseSize;
}): string[] {
  const { before, after, timings, size } = input;
  const lines = [`Tổng kết quy mô ${input.scale} (summary, scale ${input.scale}):`];
  lines.push(`  ${"phần (part)".padEnd(36)} ${"thêm (added)".padStart(12)}  thời gian (time)`);
  // The demo province is seeded as a whole (its organisations, members, register and tasks together).
  if (timings.demoMs >= 50)
    lines.push(
      `  ${"tỉnh mẫu Bắc Ninh (demo province)".padEnd(36)} ${"".padStart(12)}  ${seconds(timings.demoMs).padEnd(10)} mọi phần của tỉnh mẫu (all its parts)`,
    );
  for (const part of SEED_PARTS) {
    const added = after[part] - before[part];
    const timing = PART_TIMING[part];
    // A part with nothing to add in this run (or added with the demo province) has no time of its own.
    const time =
      timing === null
        ? "(cùng tổ chức / with the organisations)"
        : timings[timing] < 50
          ? "—"
          : seconds(timings[timing]);
    lines.push(
      `  ${PART_LABELS[part].padEnd(36)} ${`+${added}`.padStart(12)}  ${time.padEnd(10)} tổng ${after[part]} (total)`,
    );
  }
  const minutes = (timings.totalMs / 60_000).toFixed(1);
  lines.push(`  Tổng thời gian (total time): ${seconds(timings.totalMs)} (${minutes} phút / min)`);
  const how = size.method === "pg_database_size" ? "pg_database_size" : "thư mục dữ liệu (data folder)";
  lines.push(
    `  Dung lượng cơ sở dữ liệu (database size): ${formatBytes(size.bytes)} — ${size.bytes} bytes, ${how}`,
  );
  return lines;
}
