// The `namro` command as a person runs it: a child process on an embedded data folder of its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/database.ts";

const BIN = resolve(import.meta.dirname, "../bin/namro.js");
const dataDir = mkdtempSync(join(tmpdir(), "namro-cli-test-"));

function namro(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NAMRO_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("namro CLI", () => {
  it("has Vietnamese and English help on every command", () => {
    const top = namro("--help");
    expect(top.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "backup", "restore", "audit"])
      expect(top.out).toContain(command);
    expect(namro("seed", "--help").out).toMatch(/--scale.*demo.*province.*national/s);
    expect(namro("restore", "--help").out).toMatch(/--force.*XÓA.*ERASE/s);
    expect(namro("backup", "--help").out).toContain("<file>");
    expect(namro("audit", "verify", "--help").out).toMatch(/chuỗi băm.*hash chain/s);
    expect(namro("migrate", "--help").out).toContain("schema");
    expect(namro("serve", "--help").out).toContain("PORT");
  });

  // Three child processes, one of them seeding the demo (~30 s on a loaded machine): more than the
  // default per-test limit.
  it("seeds, verifies the audit chain, and reports a tampered row with exit code 1", {
    timeout: 180_000,
  }, async () => {
    const seeded = namro("seed", "--scale", "demo");
    expect(seeded.code, seeded.out).toBe(0);
    expect(seeded.out).toContain("bithu.tanhung");
    // The closing summary: per part what was added, the total time and the data folder's size.
    expect(seeded.out).toMatch(/tỉnh mẫu Bắc Ninh \(demo province\) +[\d.]+ s/);
    expect(seeded.out).toMatch(/tổ chức \(organisations\) +\+(15\d\d) +— +tổng \1 \(total\)/);
    expect(seeded.out).toMatch(/đảng viên \(members\) +\+2\d{4} /);
    expect(seeded.out).toMatch(/nhiệm vụ \(tasks\) +\+\d{4} /);
    expect(seeded.out).toMatch(/Tổng thời gian \(total time\): [\d.]+ s/);
    expect(seeded.out).toMatch(
      /Dung lượng cơ sở dữ liệu \(database size\): [\d.]+ (MB|GB) — \d+ bytes, thư mục dữ liệu \(data folder\)/,
    );
    const ok = namro("audit", "verify");
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/^OK: \d+/m);

    const handle = await openDatabase({ kind: "embedded", dataDir });
    try {
      // While another process holds the data folder, the command refuses with the lock message.
      const locked = namro("audit", "verify");
      expect(locked.code).toBe(1);
      expect(locked.out).toContain("data folder is in use");
      await sql`UPDATE audit_log SET action = 'org.tampered' WHERE id = (SELECT min(id) FROM audit_log)`.execute(
        handle.db,
      );
      const { rows } = await sql<{ id: number }>`SELECT min(id) AS id FROM audit_log`.execute(handle.db);
      await handle.close();
      const broken = namro("audit", "verify");
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`row id ${rows[0]?.id}`);
      expect(broken.out).toContain("dòng đã bị sửa");
    } finally {
      await handle.close();
    }
  });

  it("backs up and refuses to restore over data without --force", () => {
    const file = join(dataDir, "manual.ndjson.gz");
    const backup = namro("backup", file);
    expect(backup.code, backup.out).toBe(0);
    const refused = namro("restore", file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--force");
    const forced = namro("restore", file, "--force");
    expect(forced.code, forced.out).toBe(0);
  });
});
