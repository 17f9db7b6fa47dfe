// Import of a 150,000-row workbook into the demo province (the "Chi bộ" column names each row's cell by
// code): upload (multipart, in process with app.inject), reading and validation in the background until
// the import is ready, then the commit — as the national administrator. The rows are new members planned
// like the seed's, written as the exporter writes them. Peak RSS of this process is sampled throughout
// (with PGlite the database runs in this process; PostgreSQL's server memory is not included). Baseline:
// COPY of the same members (with their cell rows) in a transaction rolled back (member-copy.ts).
// Afterwards the imported members are deleted again, so the dataset can be reused.
import { execFileSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayInVietnam } from "@namro/domain";
import { sql } from "kysely";
import { provinceCells } from "../../apps/api/src/seed/seed-members.ts";
import type { Dataset } from "../datasets.ts";
import type { Measurement } from "../stats.ts";
import type { AppFixture } from "./app-fixture.ts";
import { type CopyBaseline, copyBaseline } from "./member-copy.ts";
import { IMPORT_ROWS, importedMembers } from "./member-import-workbook.ts";

function multipart(fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----namro-bench-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const snapshotOf = (dataset: Dataset, ids: number[]) =>
  dataset.database.db.selectFrom("members").selectAll().where("id", "in", ids).execute();

async function importPlan(dataset: Dataset) {
  const { cells, communes } = await dataset.database.db
    .transaction()
    .execute((trx) => provinceCells(trx, "BN"));
  return { cells, communes, today: todayInVietnam(new Date()) };
}

/**
 * The workbook as bytes, planned and written by a child process, so that the plan's memory is not in
 * this process's RSS when the import's peak is sampled.
 */
async function workbook(dataset: Dataset): Promise<Buffer> {
  const file = join(tmpdir(), `namro-bench-import-${process.pid}.xlsx`);
  const input = JSON.stringify({ ...(await importPlan(dataset)), file });
  execFileSync(process.execPath, [join(import.meta.dirname, "member-import-workbook.ts")], {
    input,
    stdio: ["pipe", "inherit", "inherit"],
  });
  const content = await readFile(file);
  await rm(file, { force: true });
  return content;
}

/**
 * Baseline: COPY of the same members and cell rows, rolled back. Run after the import (and its
 * clean-up): PGlite's memory does not shrink again, so running it first would inflate the import's
 * peak RSS.
 */
async function baselineCopy(dataset: Dataset): Promise<CopyBaseline> {
  const { cells, communes, today } = await importPlan(dataset);
  return copyBaseline(dataset, importedMembers(cells, communes, today));
}

/**
 * `alone`: no other benchmark ran in this process before; otherwise their garbage is in the RSS and
 * the peak is reported without a verdict.
 */
export async function memberImport(
  dataset: Dataset,
  fixture: AppFixture,
  alone: boolean,
): Promise<{ rows: Measurement[]; notes: string[] }> {
  const db = dataset.database.db;
  const root = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("code", "=", "BN")
    .executeTakeFirstOrThrow();
  const content = await workbook(dataset);

  const before = await sql<{ maxId: number | null }>`SELECT max(id) AS max_id FROM members`.execute(db);
  const maxBefore = Number(before.rows[0]?.maxId ?? 0);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  // Where the peak comes from: the main thread's V8 heap and buffers (the database's worker is not
  // in these), per phase.
  let peakHeap = 0;
  let peakExternal = 0;
  let peakRssValidation = rssBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakExternal = Math.max(peakExternal, usage.external);
  }, 50);
  const headers = { cookie: fixture.admin.cookie, "x-csrf-token": fixture.admin.csrfToken };
  let snapshot: Awaited<ReturnType<typeof snapshotOf>> = [];
  let outcome:
    | {
        seconds: number;
        totalMs: number;
        validatedMs: number;
        rowsPerSecond: number;
        rssMb: number;
        result: { created: number; rejected: number } | null;
        targetSeconds: number;
      }
    | undefined;
  let pausedMs = 0;
  const importStarted = new Date();
  try {
    const started = performance.now();
    const upload = multipart("dang-vien-150000.xlsx", content);
    const created = await fixture.app.inject({
      method: "POST",
      url: `/api/member-imports?orgId=${root.id}`,
      headers: { ...headers, "content-type": upload.contentType },
      payload: upload.body,
    });
    if (created.statusCode !== 201)
      throw new Error(`upload: ${created.statusCode} ${created.body.slice(0, 300)}`);
    const id = (created.json() as { id: number }).id;
    let state: { status: string; counts: Record<string, number>; errorMessage?: string | null };
    for (;;) {
      const response = await fixture.app.inject({ method: "GET", url: `/api/member-imports/${id}`, headers });
      state = response.json() as typeof state;
      if (state.status === "ready" || state.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (state.status === "failed") throw new Error(`import failed: ${state.errorMessage ?? "?"}`);
    const validatedMs = performance.now() - started;
    peakRssValidation = Math.max(peakRss, process.memoryUsage().rss);
    // Rows matching an existing member (same name and birth date, by chance) update it: keep those
    // members as they are now, to put them back afterwards (not timed).
    const snapshotStarted = performance.now();
    const { rows: matched } = await sql<{ id: number }>`
      SELECT match_member_id AS id FROM member_import_rows
      WHERE import_id = ${id} AND outcome IN ('update', 'merge') AND match_member_id IS NOT NULL`.execute(db);
    snapshot = matched.length
      ? await snapshotOf(
          dataset,
          matched.map((m) => Number(m.id)),
        )
      : [];
    pausedMs += performance.now() - snapshotStarted;
    const commit = await fixture.app.inject({
      method: "POST",
      url: `/api/member-imports/${id}/commit`,
      headers,
    });
    if (commit.statusCode !== 200)
      throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
    const result = (commit.json() as { result: { created: number; rejected: number } | null }).result;
    const totalMs = performance.now() - started - pausedMs;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const seconds = totalMs / 1000;
    const targetSeconds = dataset.label === "postgres" ? 30 : 60;
    const rowsPerSecond = Math.round(IMPORT_ROWS / seconds);
    const rssMb = Math.round(peakRss / 1e6);
    outcome = { seconds, totalMs, validatedMs, rowsPerSecond, rssMb, result, targetSeconds };
  } finally {
    clearInterval(sampler);
    // Leave the dataset as it was: the imported members and their rows go again.
    await db.transaction().execute(async (trx) => {
      for (const table of ["member_cells", "member_events", "member_posts"]) {
        await sql`DELETE FROM ${sql.table(table)} WHERE member_id > ${maxBefore}`.execute(trx);
      }
      await sql`DELETE FROM members WHERE id > ${maxBefore}`.execute(trx);
      // Members the import updated: their import events go, their records come back as they were.
      const ids = snapshot.map((m) => m.id);
      if (ids.length > 0) {
        await sql`DELETE FROM member_events WHERE member_id = ANY(${ids}::bigint[]) AND created_at >= ${importStarted}`.execute(
          trx,
        );
        for (const { id: memberId, ...row } of snapshot) {
          await trx.updateTable("members").set(row).where("id", "=", memberId).execute();
        }
      }
    });
  }
  const baseline = await baselineCopy(dataset);
  const baselineMs = baseline.ms;
  const { seconds, totalMs, validatedMs, rowsPerSecond, rssMb, result, targetSeconds } = outcome;
  return {
    rows: [
      {
        name: `member import ${IMPORT_ROWS.toLocaleString("en")} rows (${(content.length / 1e6).toFixed(1)} MB .xlsx; validation ${(validatedMs / 1000).toFixed(1)} s + commit ${((totalMs - validatedMs) / 1000).toFixed(1)} s; ${rowsPerSecond.toLocaleString("en")} rows/s; created ${result?.created ?? "?"}, rejected ${result?.rejected ?? "?"})`,
        database: dataset.label,
        samples: 1,
        medianMs: seconds,
        p95Ms: seconds,
        baselineName: baseline.name,
        baselineMedianMs: baselineMs / 1000,
        target: `≤ ${targetSeconds} s`,
        met: seconds <= targetSeconds,
        unit: "s",
      },
      {
        name: `member import peak RSS (this process${dataset.label === "pglite" ? ", database included" : "; the PostgreSQL server not included"})`,
        database: dataset.label,
        samples: 1,
        medianMs: rssMb,
        p95Ms: rssMb,
        baselineName: "RSS before the upload",
        baselineMedianMs: Math.round(rssBefore / 1e6),
        target: alone ? "≤ 1000 MB" : "— (run member-import alone)",
        met: alone ? rssMb <= 1000 : null,
        unit: "MB",
      },
    ],
    notes: [
      `Import (${dataset.label}): ${IMPORT_ROWS} rows in ${seconds.toFixed(1)} s = ${rowsPerSecond} rows/s; COPY ${(baselineMs / 1000).toFixed(1)} s = ${Math.round(IMPORT_ROWS / (baselineMs / 1000))} rows/s; ratio ${(totalMs / baselineMs).toFixed(1)}×; peak RSS ${rssMb} MB (before ${Math.round(rssBefore / 1e6)} MB; ${Math.round(peakRssValidation / 1e6)} MB by the end of validation; main thread's peak V8 heap ${Math.round(peakHeap / 1e6)} MB, external ${Math.round(peakExternal / 1e6)} MB).`,
    ],
  };
}
