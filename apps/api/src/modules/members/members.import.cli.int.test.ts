// `namro import members` as an administrator runs it: a child process on an embedded data folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../../test/factories.ts";
import { simpleWorkbook } from "../../../test/spreadsheet-fixtures.ts";
import { openDatabase } from "../../db/database.ts";

const BIN = resolve(import.meta.dirname, "../../../bin/namro.js");
const dataDir = mkdtempSync(join(tmpdir(), "namro-cli-import-"));

function namro(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NAMRO_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, out: `${result.stdout}${result.stderr}` };
}

async function count(table: "members" | "member_imports" | "member_events"): Promise<number> {
  const handle = await openDatabase({ kind: "embedded", dataDir });
  try {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
      handle.db,
    );
    return Number(rows[0]?.n);
  } finally {
    await handle.close();
  }
}

const file = join(dataDir, "danh-sach.xlsx");

beforeAll(async () => {
  const init = namro(
    "init",
    "--name",
    "Tỉnh ủy Thử Nghiệm",
    "--code",
    "TTN",
    "--effective-date",
    "2020-01-01",
  );
  expect(init.code, init.out).toBe(0);
  const handle = await openDatabase({ kind: "embedded", dataDir });
  try {
    const root = await handle.db
      .selectFrom("organisations")
      .selectAll()
      .where("code", "=", "TTN")
      .executeTakeFirstOrThrow();
    const commune = await createOrg(handle.db, root, { code: "XA-1", name: "Đảng ủy xã Thử" });
    await createOrg(handle.db, commune, {
      code: "CB-1",
      name: "Chi bộ thôn Một",
      typeCode: "chi_bo_truc_thuoc",
    });
  } finally {
    await handle.close();
  }
  writeFileSync(
    file,
    await simpleWorkbook([
      [
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Số thẻ đảng viên",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Chi bộ",
      ],
      ["Nguyễn Thị Hoà", "Nữ", "12/04/1990", "93.012.345", "02/03/2015", "02/03/2016", "Chi bộ thôn Một"],
      ["Trần Văn Bình", "Nam", "31/02/1985", "93012346", "19/05/2010", null, "CB-1"],
      ["Lê Văn Cường", "Nam", "20/07/1985", null, "19/05/2010", null, "cb-1"],
    ]),
  );
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("namro import members", () => {
  it("documents itself", () => {
    const help = namro("import", "members", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--org.*--dry-run.*--json/s);
  });

  it("with --dry-run --json prints rows, accepted, problems and the members it would create, and writes nothing", async () => {
    const run = namro("import", "members", file, "--org", "XA-1", "--dry-run", "--json");
    expect(run.code, run.out).toBe(0);
    const report = JSON.parse(run.stdout) as {
      rows: number;
      accepted: number;
      problems: { row: number; column: string; code: string; message: string }[];
      members: Record<string, unknown>[];
    };
    expect(Object.keys(report)).toEqual(["rows", "accepted", "problems", "members"]);
    expect(report.rows).toBe(3);
    expect(report.accepted).toBe(2);
    expect(report.problems).toEqual([
      {
        row: 3,
        column: "Ngày sinh",
        code: "IMPORT_DATE_NO_SUCH_DAY",
        message: "Ngày không có thật (ví dụ 31/02).",
      },
    ]);
    expect(
      report.members.map((m) => [m.fullName, m.birthDate, m.cardNumber, m.admittedOn, m.status]),
    ).toEqual([
      ["Nguyễn Thị Hoà", "1990-04-12", "93012345", "2015-03-02", "full"],
      ["Lê Văn Cường", "1985-07-20", null, "2010-05-19", "probationary"],
    ]);
    expect(await count("members")).toBe(0);
    expect(await count("member_imports")).toBe(0);
  });

  it("imports for real, and a second run changes nothing", async () => {
    const run = namro("import", "members", file, "--org", "XA-1", "--json");
    expect(run.code, run.out).toBe(0);
    expect((JSON.parse(run.stdout) as { result: unknown }).result).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 1,
    });
    expect(await count("members")).toBe(2);
    const events = await count("member_events");
    const again = namro("import", "members", file, "--org", "XA-1");
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain("không đổi 2");
    expect(await count("members")).toBe(2);
    expect(await count("member_events")).toBe(events);
  });

  it("refuses a file that is not a spreadsheet with a Vietnamese message and exit code 1", () => {
    const bad = join(dataDir, "anh.png");
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const run = namro("import", "members", bad, "--org", "XA-1", "--dry-run", "--json");
    expect(run.code).toBe(1);
    expect(run.out).toContain("không phải bảng tính");
  });
});
