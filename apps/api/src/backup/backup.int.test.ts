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

/** Every application table's rows as text, in a stable order. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listApplicationTables(db)) {
    const { rows } = await sql
      .raw<{ line: string }>(`SELECT t::text AS line FROM "${table.name}" t ORDER BY 1`)
      .execute(db);
    result[table.name] = rows.map((row) => row.line);
  }
  return result;
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
