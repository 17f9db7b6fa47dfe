import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database.ts";
import type { DatabaseHandle } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { AuditService } from "../modules/audit/audit.service.ts";
import { OrganisationsService } from "../modules/organisations/organisations.service.ts";
import { systemClock } from "../platform/clock.ts";
import { seedDemoIfEmpty } from "../seed/demo-seed.ts";
import { startAutomaticBackups } from "./automatic-backups.ts";
import { BackupError } from "./backup-format.ts";
import { restoreBackup } from "./restore-backup.ts";
import { listApplicationTables } from "./table-catalogue.ts";
import { writeBackup } from "./write-backup.ts";

/**
 * The stale-organisation marks of the task roll-ups are a queue of pending work, appended by triggers
 * as rows are written (a restore writes them in its own order): which marks wait is no data of anyone's.
 * The versions of cached answers (migration 0025) are new numbers in every database, by design.
 */
const PENDING_WORK_TABLES = new Set(["task_rollup_dirty", "data_versions"]);

/** Every application table's rows as text, in a stable order. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listApplicationTables(db)) {
    if (PENDING_WORK_TABLES.has(table.name)) continue;
    const { rows } = await sql
      .raw<{ line: string }>(`SELECT t::text AS line FROM "${table.name}" t ORDER BY 1`)
      .execute(db);
    result[table.name] = rows.map((row) => row.line);
  }
  return result;
}

/** Every byte value, so the bytea round trip is checked on more than text. */
const FILE_BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

/** A committee term, two documents with a file (binary), a text and a relation between them. */
async function addRegisterEntries(db: Kysely<Database>): Promise<void> {
  const org = await db.selectFrom("organisations").select("id").orderBy("id").executeTakeFirstOrThrow();
  const type = await db
    .selectFrom("documentTypes")
    .select("id")
    .where("system", "=", "party")
    .where("abbreviation", "=", "KH")
    .executeTakeFirstOrThrow();
  const term = await db
    .insertInto("committeeTerms")
    .values({ orgId: org.id, label: "Nhiệm kỳ sao lưu thử", startsOn: "2025-10-01", endsOn: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const number of ["01", "02"]) {
    const row = await db
      .insertInto("documents")
      .values({
        ownerOrgId: org.id,
        issuingOrgId: org.id,
        system: "party",
        typeId: type.id,
        typeAbbreviation: "KH",
        number,
        issuerCodes: ["TU"],
        symbol: `${number}-KH/TU`,
        termId: term.id,
        numberKey: `party|KH|${Number(number)}|TU|t:${term.id}`,
        issuedOn: "2026-01-05",
        subject: "Kế hoạch sao lưu thử",
        textSource: "txt",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    await db
      .insertInto("documentTexts")
      .values({ documentId: row.id, body: "Thực hiện Kết luận số 21-KL/TW." })
      .execute();
    await sql`UPDATE documents SET search_tsv = to_tsvector('namro_vi', 'ke hoach saoluuthu') WHERE id = ${row.id}`.execute(
      db,
    );
  }
  const [from, to] = ids as [number, number];
  await db
    .insertInto("documentFiles")
    .values({
      documentId: from,
      fileName: "ke-hoach.pdf",
      mediaType: "application/pdf",
      kind: "pdf",
      sizeBytes: FILE_BYTES.length,
      sha256: "0".repeat(64),
      hasTextLayer: true,
      pageCount: 1,
      content: FILE_BYTES,
    })
    .execute();
  await db
    .insertInto("documentRelations")
    .values({
      fromDocumentId: from,
      toDocumentId: to,
      kind: "implements",
      origin: "text",
      quote: "Kế hoạch số 02-KH/TU",
    })
    .execute();
}

function verifyChain(db: Kysely<Database>) {
  const deps = { db, clock: systemClock };
  return new AuditService(deps, new OrganisationsService(deps)).verifyChain();
}

describe("backup and restore", () => {
  let source: DatabaseHandle;
  let folder: string;
  let file: string;
  const extra: DatabaseHandle[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "namro-backup-test-"));
    file = join(folder, "backup.ndjson.gz");
    source = await openTestDatabase();
    await seedDemoIfEmpty(source.db, () => {});
    // A session and timestamps with microseconds must survive too.
    await sql`INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at, created_at)
              VALUES ('t1', (SELECT min(id) FROM accounts), 'c1', now() + interval '1 hour', '2026-01-02 03:04:05.123456+00')`.execute(
      source.db,
    );
    await addRegisterEntries(source.db);
  });
  afterAll(async () => {
    await source.close();
    for (const handle of extra) await handle.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function freshDatabase(): Promise<DatabaseHandle> {
    const handle = await openTestDatabase();
    extra.push(handle);
    return handle;
  }

  it("round-trips every table exactly, and the audit chain still verifies", async () => {
    const summary = await writeBackup(source.db, file);
    expect(summary.counts.organisations).toBeGreaterThan(1400);
    const target = await freshDatabase();
    const restored = await restoreBackup(target.db, file);
    expect(restored.counts).toEqual(summary.counts);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    expect((await verifyChain(target.db)).ok).toBe(true);
    // Identity sequences continue after the restored rows.
    const next = await target.db
      .insertInto("orgEvents")
      .values({ kind: "create", effectiveDate: "2026-01-01", reason: "test" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { rows } = await sql<{
      max: number;
    }>`SELECT max(id) AS max FROM org_events WHERE id <> ${next.id}`.execute(target.db);
    expect(next.id).toBeGreaterThan(Number(rows[0]?.max));
  });

  it("restores the register: documents, their binary files, texts, relations and terms", async () => {
    const target = await freshDatabase();
    await restoreBackup(target.db, file);
    const files = await target.db.selectFrom("documentFiles").select(["fileName", "content"]).execute();
    expect(files.find((f) => f.fileName === "ke-hoach.pdf")?.content.equals(FILE_BYTES)).toBe(true);
    const relation = await target.db
      .selectFrom("documentRelations as r")
      .innerJoin("documents as f", "f.id", "r.fromDocumentId")
      .innerJoin("documents as t", "t.id", "r.toDocumentId")
      .select(["f.symbol as fromSymbol", "t.symbol as toSymbol", "r.kind"])
      .where("r.quote", "=", "Kế hoạch số 02-KH/TU")
      .executeTakeFirst();
    expect(relation).toEqual({ fromSymbol: "01-KH/TU", toSymbol: "02-KH/TU", kind: "implements" });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM documents WHERE search_tsv @@ to_tsquery('namro_vi', 'saoluuthu')`.execute(
      target.db,
    );
    expect(rows[0]?.n).toBe(2);
    const terms = await target.db
      .selectFrom("committeeTerms")
      .select("label")
      .where("label", "=", "Nhiệm kỳ sao lưu thử")
      .execute();
    expect(terms).toHaveLength(1);
    // Numbers stay unique after a restore.
    const duplicate = target.db
      .insertInto("documents")
      .values({
        ownerOrgId: (await target.db.selectFrom("documents").select("ownerOrgId").executeTakeFirstOrThrow())
          .ownerOrgId,
        system: "party",
        typeId: (await target.db.selectFrom("documents").select("typeId").executeTakeFirstOrThrow()).typeId,
        typeAbbreviation: "KH",
        numberKey: (
          await target.db
            .selectFrom("documents")
            .select("numberKey")
            .where("symbol", "=", "01-KH/TU")
            .executeTakeFirstOrThrow()
        ).numberKey,
      })
      .execute();
    await expect(duplicate).rejects.toThrow();
  });

  it("refuses a database that holds data unless forced", async () => {
    const target = await freshDatabase();
    await seedDemoIfEmpty(target.db, () => {});
    await sql`UPDATE organisations SET name = 'Đổi tên' WHERE code = 'BN-001'`.execute(target.db);
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/already holds data/);
    await restoreBackup(target.db, file, { force: true });
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it("refuses a truncated file and changes nothing", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const truncated = join(folder, "truncated.ndjson.gz");
    writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    const target = await freshDatabase();
    const before = await snapshot(target.db);
    const error = await restoreBackup(target.db, truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).en).toMatch(/corrupt or incomplete/);
    expect(await snapshot(target.db)).toEqual(before);

    const garbage = join(folder, "garbage.ndjson.gz");
    writeFileSync(
      garbage,
      Buffer.concat([readFileSync(file).subarray(0, 2000), Buffer.from("not gzip at all")]),
    );
    await expect(restoreBackup(target.db, garbage)).rejects.toBeInstanceOf(BackupError);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it("refuses a file written with other migrations, with a clear message", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const header = JSON.parse(lines[0] as string) as { migrations: string[] };
    header.migrations = header.migrations.slice(0, 1);
    const mismatched = join(folder, "mismatched.ndjson.gz");
    writeFileSync(mismatched, gzipSync([JSON.stringify(header), ...lines.slice(1)].join("\n")));
    const target = await freshDatabase();
    const before = await snapshot(target.db);
    await expect(restoreBackup(target.db, mismatched)).rejects.toThrow(
      /Lược đồ không khớp.*Schema mismatch/s,
    );
    expect(await snapshot(target.db)).toEqual(before);
  });

  it("writes a daily automatic backup into <dataDir>/backups", async () => {
    const messages: string[] = [];
    const backups = startAutomaticBackups(
      source.db,
      folder,
      (m) => messages.push(m),
      () => new Date("2026-03-01T10:00:00Z"),
    );
    const written = await backups.runNow();
    expect(written).toBe(join(folder, "backups", "namro-2026-03-01.ndjson.gz"));
    expect(await backups.runNow()).toBeNull();
    await backups.stop();
    const target = await freshDatabase();
    await restoreBackup(target.db, written as string);
    expect((await verifyChain(target.db)).ok).toBe(true);
  });
});
