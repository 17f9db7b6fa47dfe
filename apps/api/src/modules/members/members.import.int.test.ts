// Member import over HTTP: upload → background read → preview with problems → mapping correction →
// commit (all or nothing) → idempotent re-import; every bad file refused with a message and no change;
// legacy-encoded and NFD workbooks built here; export → import round trip, masked for non-sensitive roles.
import { MEMBER_STATISTICS_LABELS, type MemberImport, type MemberImportRow } from "@namro/contracts";
import { encodeTcvn3, toExcelSerial } from "@namro/domain";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { multipartFile } from "../../../test/multipart.ts";
import {
  corruptedWorkbookBytes,
  oleBytes,
  pngBytes,
  simpleWorkbook,
  workbookBytes,
  zipBombBytes,
  zipBytes,
} from "../../../test/spreadsheet-fixtures.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { MemberExportService } from "./members.export.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province: manages, sees sensitive fields
let secretary: TestSession; // cell_secretary of cell A: manages, no sensitive fields
let secretaryWithSensitive: TestSession; // cell_secretary and committee_leader of cell A

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  p = await createProvince(t.database.db);
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  secretary = await t.actor([{ role: "cell_secretary", orgId: p.cellA.id }]);
  secretaryWithSensitive = await t.actor([
    { role: "cell_secretary", orgId: p.cellA.id },
    { role: "committee_leader", orgId: p.cellA.id },
  ]);
});
afterAll(async () => {
  await t.close();
});

async function upload(session: TestSession, orgId: number, bytes: Buffer, fileName = "danh-sach.xlsx") {
  return t.call(session, {
    method: "POST",
    url: `/api/member-imports?orgId=${orgId}`,
    ...multipartFile(fileName, bytes),
  });
}

/** Uploads and waits for the background read; returns the import. */
async function imported(
  session: TestSession,
  orgId: number,
  bytes: Buffer,
  fileName?: string,
): Promise<MemberImport> {
  const response = await upload(session, orgId, bytes, fileName);
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json() as MemberImport;
  return settledImport(session, created.id);
}

async function settledImport(session: TestSession, id: number): Promise<MemberImport> {
  await t.app.services.memberImports.settled(id);
  const response = await t.call(session, { method: "GET", url: `/api/member-imports/${id}` });
  expect(response.statusCode).toBe(200);
  return response.json() as MemberImport;
}

async function rows(session: TestSession, id: number, show = "all"): Promise<MemberImportRow[]> {
  const response = await t.call(session, {
    method: "GET",
    url: `/api/member-imports/${id}/rows?show=${show}&pageSize=200`,
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: MemberImportRow[] }).items;
}

async function commit(session: TestSession, id: number): Promise<MemberImport> {
  const response = await t.call(session, { method: "POST", url: `/api/member-imports/${id}/commit` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MemberImport;
}

async function memberCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom("members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const HEADERS = [
  "STT",
  "Họ và tên",
  "Giới tính",
  "Ngày sinh",
  "Số CCCD",
  "Số thẻ đảng viên",
  "Ngày vào Đảng",
  "Ngày chính thức",
  "Dân tộc",
  "Trình độ lý luận chính trị",
  "Chi bộ",
];

let serial = 100;
function citizenId(): string {
  serial += 1;
  return `0011900${String(serial).padStart(5, "0")}`;
}

describe("import a workbook", () => {
  it("reads a title row, mixed dates and NFD, lists every problem, commits the accepted rows, and a re-import changes nothing", async () => {
    const ids = [citizenId(), citizenId(), citizenId()];
    const bytes = await simpleWorkbook([
      ["DANH SÁCH ĐẢNG VIÊN CHI BỘ"],
      [],
      HEADERS,
      [
        1,
        "Nguyễn Thị Hoà".normalize("NFD"),
        "Nữ",
        "12/04/1990",
        ids[0],
        "93.012.001",
        new Date(Date.UTC(2015, 2, 2)),
        "2/3/16",
        "Kinh",
        "Trung cấp",
        p.cellA.name,
      ],
      [
        2,
        "  Trần   Văn Bình ",
        "nam",
        toExcelSerial("1985-07-20"),
        ids[1],
        "93012002",
        "ngày 19 tháng 5 năm 2010",
        "19/05/2011",
        "Tày",
        "Cao cấp",
        p.cellB.code,
      ],
      [
        3,
        "Lê Văn Cường",
        "Nam",
        "31/02/1980",
        ids[2],
        null,
        "01/01/2010",
        null,
        "Kinh",
        "Sơ cấp",
        p.cellA.name,
      ],
      [
        4,
        "Phạm Thị Dung",
        "Khác",
        "01/01/1980",
        null,
        null,
        "01/01/2010",
        null,
        "Kinh",
        "giỏi",
        "Chi bộ không có",
      ],
      [
        5,
        "Nguyễn Thị Hoà",
        "Nữ",
        "12/04/1990",
        ids[0],
        "93.012.001",
        "02/03/2015",
        "02/03/2016",
        "Kinh",
        "Trung cấp",
        p.cellA.name,
      ],
    ]);
    const before = await memberCount();
    const result = await imported(staff, p.province.id, bytes);
    expect(result.status).toBe("ready");
    expect(result.headerRow).toBe(3);
    expect(result.notes.join(" ")).toContain("dòng 3");
    expect(result.columns.map((c) => c.proposed)).toEqual([
      null,
      "fullName",
      "sex",
      "birthDate",
      "citizenId",
      "cardNumber",
      "admittedOn",
      "fullMemberOn",
      "ethnicity",
      "theoryLevel",
      "cell",
    ]);
    expect(result.counts).toMatchObject({ rows: 5, accepted: 2, rejected: 3, new: 2, duplicates: 1 });

    const problems = (await rows(staff, result.id, "problems")).flatMap((r) => r.problems);
    expect(problems.map((x) => [x.row, x.column, x.code])).toEqual([
      [6, "Ngày sinh", "IMPORT_DATE_NO_SUCH_DAY"],
      [7, "Giới tính", "IMPORT_SEX_INVALID"],
      [7, "Trình độ lý luận chính trị", "IMPORT_VALUE_UNKNOWN"],
      // The column that identifies the repeat (here the citizen ID).
      [8, "Số CCCD", "IMPORT_DUPLICATE_ROW"],
    ]);
    expect(problems.every((x) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(x.message))).toBe(
      true,
    );
    const accepted = await rows(staff, result.id, "new");
    expect(accepted.map((r) => r.record?.fullName)).toEqual(["Nguyễn Thị Hoà", "Trần Văn Bình"]);
    expect(accepted.map((r) => [r.record?.birthDate, r.record?.admittedOn, r.record?.fullMemberOn])).toEqual([
      ["1990-04-12", "2015-03-02", "2016-03-02"],
      ["1985-07-20", "2010-05-19", "2011-05-19"],
    ]);

    // The report: the rows as read with an added "Lỗi" column.
    const report = await t.call(staff, { method: "GET", url: `/api/member-imports/${result.id}/report` });
    expect(report.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(HEADERS.length + 1).value).toBe("Lỗi");
    // Data rows in file order: Hoà and Bình are fine, Cường's birth date is not.
    expect(sheet.getRow(2).getCell(HEADERS.length + 1).value ?? "").toBe("");
    expect(sheet.getRow(4).getCell(HEADERS.length + 1).value).toEqual(expect.stringContaining("Ngày sinh"));

    const committed = await commit(staff, result.id);
    expect(committed.status).toBe("committed");
    expect(committed.result).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, rejected: 3 });
    expect(await memberCount()).toBe(before + 2);
    const hoa = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("citizenId", "=", ids[0] as string)
      .executeTakeFirstOrThrow();
    expect(hoa).toMatchObject({
      fullName: "Nguyễn Thị Hoà",
      searchKey: "nguyen thi hoa",
      status: "full",
      cardNumber: "93012001",
      orgId: p.cellA.id,
      version: 1,
    });
    const events = await t.database.db
      .selectFrom("memberEvents")
      .select("kind")
      .where("memberId", "=", hoa.id)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["import"]);
    const audit = await t.database.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "member.import")
      .where("entityId", "=", String(result.id))
      .execute();
    expect(audit).toHaveLength(1);

    // The same file again: both accepted rows match (citizen ID) and nothing changes.
    const again = await imported(staff, p.province.id, bytes);
    expect(again.counts).toMatchObject({ accepted: 2, matched: 2, new: 0 });
    expect((await rows(staff, again.id, "matched")).map((r) => [r.match?.kind, r.outcome])).toEqual([
      ["citizen_id", "unchanged"],
      ["citizen_id", "unchanged"],
    ]);
    const second = await commit(staff, again.id);
    expect(second.result).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0, rejected: 3 });
    expect(await memberCount()).toBe(before + 2);
    const after = await t.database.db
      .selectFrom("members")
      .select("version")
      .where("id", "=", hoa.id)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(1);
    const eventsAfter = await t.database.db
      .selectFrom("memberEvents")
      .select("id")
      .where("memberId", "=", hoa.id)
      .execute();
    expect(eventsAfter).toHaveLength(1);

    // Committing twice is refused.
    const twice = await t.call(staff, { method: "POST", url: `/api/member-imports/${result.id}/commit` });
    expect(twice.statusCode).toBe(409);
  });

  it("lets the user correct the mapping and choose update, skip or merge for matched members", async () => {
    const existingId = citizenId();
    const existing = await createMember(t.database.db, p.cellA.id, {
      fullName: "Đỗ Văn Khoa",
      birthDate: "1980-01-01",
      admittedOn: "2005-01-01",
      citizenId: existingId,
    });
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày KN", "Số định danh", "Nghề nghiệp"],
      ["Đỗ Văn Khoa", "Nam", "01/01/1980", "01/01/2005", existingId, "Kỹ sư"],
      ["Vũ Thị Lan", "Nữ", "05/05/1992", "05/05/2020", citizenId(), "Giáo viên"],
    ]);
    const first = await imported(staff, p.cellA.id, bytes);
    expect(first.columns.find((c) => c.header === "Ngày KN")?.field).toBeNull();
    expect(first.counts).toMatchObject({ rows: 2, accepted: 0 });
    const missing = (await rows(staff, first.id)).flatMap((r) => r.problems.map((x) => x.code));
    expect(new Set(missing)).toEqual(new Set(["IMPORT_REQUIRED_MISSING"]));

    const mapped = await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${first.id}/mapping`,
      payload: { columns: [{ index: 3, field: "admittedOn" }] },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const revalidated = await settledImport(staff, first.id);
    expect(revalidated.counts).toMatchObject({ rows: 2, accepted: 2, new: 1, matched: 1 });
    const matched = (await rows(staff, first.id, "matched"))[0];
    expect(matched).toMatchObject({
      match: { kind: "citizen_id", memberId: existing.id },
      outcome: "update",
    });

    // Mapping one field twice is refused.
    const twice = await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${first.id}/mapping`,
      payload: { columns: [{ index: 5, field: "fullName" }] },
    });
    expect(twice.statusCode).toBe(400);

    const skip = await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${first.id}/decisions`,
      payload: { matchDecision: "skip" },
    });
    expect(skip.statusCode).toBe(200);
    expect((await settledImport(staff, first.id)).matchDecision).toBe("skip");
    expect((await rows(staff, first.id, "matched"))[0]?.outcome).toBe("skip");

    await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${first.id}/decisions`,
      payload: { matchDecision: "skip", rows: [{ row: 2, decision: "merge" }] },
    });
    await settledImport(staff, first.id);
    expect((await rows(staff, first.id, "matched"))[0]).toMatchObject({
      decision: "merge",
      outcome: "merge",
    });
    const done = await commit(staff, first.id);
    expect(done.result).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0, rejected: 0 });
    const khoa = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("id", "=", existing.id)
      .executeTakeFirstOrThrow();
    expect(khoa).toMatchObject({ occupation: "Kỹ sư", version: 2 });
  });

  it("matches by name and birth date, and flags conflicting, ambiguous and out-of-scope matches", async () => {
    const [idA, idB, idC] = [citizenId(), citizenId(), citizenId()];
    await createMember(t.database.db, p.cellA.id, {
      fullName: "Tô Văn Sơn",
      citizenId: idA,
      cardNumber: "55500001",
    });
    await createMember(t.database.db, p.cellA.id, { fullName: "Tô Văn Hải", citizenId: idB });
    await createMember(t.database.db, p.cellA.id, { fullName: "Mai Văn Tú", birthDate: "1979-09-09" });
    await createMember(t.database.db, p.cellA.id, { fullName: "Mai Văn Tú", birthDate: "1979-09-09" });
    const named = await createMember(t.database.db, p.cellA.id, {
      fullName: "Kha Thị Uyên",
      sex: "female",
      birthDate: "1981-01-01",
    });
    await createMember(t.database.db, p.cellB.id, { fullName: "Hà Văn Vũ", citizenId: idC });
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số CCCD", "Số thẻ đảng viên"],
      ["Tô Văn Hải", "Nam", "02/03/1985", "19/05/2015", idB, "55500001"],
      ["Mai Văn Tú", "Nam", "09/09/1979", "19/05/2015", null, null],
      ["kha thi uyen", "Nữ", "01/01/1981", "19/05/2015", null, null],
      ["Hà Văn Vũ", "Nam", "02/03/1985", "19/05/2015", idC, null],
    ]);
    const result = await imported(secretaryWithSensitive, p.cellA.id, bytes);
    const read = await rows(secretaryWithSensitive, result.id);
    expect(
      read.map((r) => [r.row, r.outcome, r.match?.kind ?? null, r.problems.map((x) => x.code).join()]),
    ).toEqual([
      [2, "reject", null, "IMPORT_MATCH_CONFLICT"],
      [3, "reject", null, "IMPORT_MATCH_AMBIGUOUS"],
      // Matched without diacritics; "update" would write the name as the file spells it.
      [4, "update", "name_birth", ""],
      [5, "reject", null, "IMPORT_MEMBER_OUT_OF_SCOPE"],
    ]);
    expect(read[2]?.match?.memberId).toBe(named.id);
  });

  it("converts a TCVN3 workbook and reads the first visible sheet", async () => {
    const bytes = await workbookBytes([
      {
        name: "Cũ",
        state: "hidden",
        rows: [
          ["Họ và tên", "Ngày sinh"],
          ["Không đọc", "01/01/1980"],
        ],
      },
      {
        name: encodeTcvn3("Danh sách"),
        rows: [
          ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Quê quán", "Số định danh"].map(
            encodeTcvn3,
          ),
          [
            "Nguyễn Văn Đức",
            "Nam",
            "01/02/1970",
            "03/02/1995",
            "Xã Tân Hưng, huyện Đông Anh",
            citizenId(),
          ].map(encodeTcvn3),
          [
            "Trần Thị Hường",
            "Nữ",
            "14/08/1975",
            "19/05/2000",
            "Phường Bắc Sơn, thị xã Phổ Yên",
            citizenId(),
          ].map(encodeTcvn3),
        ],
      },
    ]);
    const result = await imported(staff, p.cellB.id, bytes);
    expect(result.encoding).toBe("tcvn3");
    expect(result.notes.join(" ")).toContain("Cũ");
    expect(result.columns.map((c) => c.header)).toEqual([
      "Họ và tên",
      "Giới tính",
      "Ngày sinh",
      "Ngày vào Đảng",
      "Quê quán",
      "Số định danh",
    ]);
    const read = await rows(staff, result.id);
    expect(read.map((r) => [r.record?.fullName, r.record?.homeTown, r.record?.sex])).toEqual([
      ["Nguyễn Văn Đức", "Xã Tân Hưng, huyện Đông Anh", "male"],
      ["Trần Thị Hường", "Phường Bắc Sơn, thị xã Phổ Yên", "female"],
    ]);
    expect(read[0]?.values[0]).toBe("Nguyễn Văn Đức");
    const done = await commit(staff, result.id);
    expect(done.result?.created).toBe(2);
    const found = await t.call(staff, { method: "GET", url: "/api/members?q=nguyen%20van%20duc" });
    expect(found.statusCode).toBe(200);
    expect((found.json() as { items: { fullName: string }[] }).items.map((m) => m.fullName)).toContain(
      "Nguyễn Văn Đức",
    );
  });

  it("imports an NFD CSV and a CSV in an 8-bit code page", async () => {
    const csv = [
      "Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Số CCCD",
      `Hoàng Thị Thuỷ;Nữ;03/03/1988;04/04/2012;${citizenId()}`,
    ]
      .join("\r\n")
      .normalize("NFD");
    const result = await imported(staff, p.cellA.id, Buffer.from(csv, "utf8"), "nfd.csv");
    expect((await rows(staff, result.id))[0]?.record?.fullName).toBe("Hoàng Thị Thuỷ".normalize("NFC"));
    const legacy = encodeTcvn3(
      [
        "Họ và tên,Giới tính,Ngày sinh,Ngày vào Đảng",
        "Đặng Văn Hùng,Nam,05/05/1979,06/06/2001",
        "Bùi Thị Mến,Nữ,07/07/1983,08/08/2008",
      ].join("\n"),
    );
    const legacyResult = await imported(staff, p.cellA.id, Buffer.from(legacy, "latin1"), "tcvn3.csv");
    expect(legacyResult.encoding).toBe("tcvn3");
    expect((await rows(staff, legacyResult.id)).map((r) => r.record?.fullName)).toEqual([
      "Đặng Văn Hùng",
      "Bùi Thị Mến",
    ]);
  });

  it("reports formulas without a stored result and uses stored results", async () => {
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
      [{ formula: 'PROPER("ngô văn nam")', result: "Ngô Văn Nam" }, "Nam", "01/01/1980", "01/01/2005"],
      [{ formula: 'PROPER("x")' } as never, "Nam", "01/01/1980", "01/01/2005"],
    ]);
    const result = await imported(staff, p.cellA.id, bytes);
    const read = await rows(staff, result.id);
    expect(read[0]?.record?.fullName).toBe("Ngô Văn Nam");
    expect(read[1]?.problems.map((x) => [x.column, x.code])).toEqual([
      ["Họ và tên", "IMPORT_FORMULA_NO_VALUE"],
    ]);
  });

  it("keeps to the actor's scope", async () => {
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
      ["Ngô Văn Nam", "Nam", "01/01/1980", "01/01/2005"],
    ]);
    expect((await upload(secretary, p.cellB.id, bytes)).statusCode).toBe(404);
    const mine = await imported(staff, p.cellB.id, bytes);
    expect(
      (await t.call(secretary, { method: "GET", url: `/api/member-imports/${mine.id}` })).statusCode,
    ).toBe(404);
    // An organisation without cells beneath it.
    expect((await upload(staff, p.office.id, bytes)).json().error.code).toBe(
      "MEMBER_IMPORT_ORG_HAS_NO_CELLS",
    );
  });
});

/** A sheet of `count` data rows as raw XML in a zip (ExcelJS would take too long to write a million). */
function hugeWorkbookBytes(count: number): Buffer {
  const parts: string[] = [
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>',
  ];
  for (let i = 2; i <= count + 1; i++)
    parts.push(`<row r="${i}"><c r="A${i}"><v>${(i * 7919) % 1000003}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return zipBytes([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    {
      name: "xl/workbook.xml",
      data: Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(parts.join("")) },
  ]);
}

describe("an import of several batches", () => {
  it("reads and commits 2,300 rows: a repeat across batches is rejected, every new member has its event and cell", async () => {
    const count = 2_300;
    const ids = Array.from({ length: count }, (_, i) => `0013${String(i).padStart(8, "0")}`);
    // Row 1,801 (in the fourth batch read, the second committed) repeats the citizen ID of row 400.
    ids[1_800] = ids[399] as string;
    const day = (i: number) => {
      const date = new Date(Date.UTC(1970, 0, 1 + i));
      return `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
    };
    const csv = [
      "Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng;Số CCCD",
      ...ids.map((id, i) => `Lê Văn Nhiều;Nam;${day(i)};01/01/2015;${id}`),
    ].join("\r\n");
    const before = await memberCount();
    const result = await imported(staff, p.cellA.id, Buffer.from(csv, "utf8"), "nhieu-dong.csv");
    expect(result.status).toBe("ready");
    expect(result.counts).toMatchObject({ rows: count, accepted: count - 1, rejected: 1, new: count - 1 });
    const problems = (await rows(staff, result.id, "problems")).flatMap((r) =>
      r.problems.map((x) => [x.row, x.code]),
    );
    expect(problems).toEqual([[1_802, "IMPORT_DUPLICATE_ROW"]]);

    const done = await commit(staff, result.id);
    expect(done.result).toMatchObject({ created: count - 1, rejected: 1 });
    expect(await memberCount()).toBe(before + count - 1);
    const { rows: written } = await sql<{ members: number; ids: number; events: number; cells: number }>`
      SELECT count(*)::int AS members, count(DISTINCT m.id)::int AS ids,
        (SELECT count(*)::int FROM member_events e JOIN members x ON x.id = e.member_id
          WHERE x.citizen_id LIKE '0013%' AND e.kind = 'import' AND e.to_org_id = ${p.cellA.id}) AS events,
        (SELECT count(*)::int FROM member_cells c JOIN members x ON x.id = c.member_id
          JOIN member_events e ON e.id = c.event_id AND e.member_id = c.member_id
          WHERE x.citizen_id LIKE '0013%' AND c.org_id = ${p.cellA.id} AND c.valid_to IS NULL) AS cells
      FROM members m WHERE m.citizen_id LIKE '0013%' AND m.org_id = ${p.cellA.id}`.execute(t.database.db);
    expect(written[0]).toEqual({ members: count - 1, ids: count - 1, events: count - 1, cells: count - 1 });
  });
});

describe("bad files end in a clear message and change nothing", () => {
  async function importCount(): Promise<number> {
    const row = await sql<{ n: string }>`SELECT count(*) AS n FROM member_imports`.execute(t.database.db);
    return Number(row.rows[0]?.n);
  }

  it.each([
    ["an empty file", async () => Buffer.alloc(0), "MEMBER_IMPORT_EMPTY_FILE"],
    ["a file that is not a spreadsheet", async () => pngBytes(), "MEMBER_IMPORT_NOT_SPREADSHEET"],
    ["a password-protected workbook", async () => oleBytes(), "MEMBER_IMPORT_ENCRYPTED"],
    ["a corrupted workbook", corruptedWorkbookBytes, "MEMBER_IMPORT_CORRUPTED"],
    ["a zip bomb", async () => zipBombBytes(200), "MEMBER_IMPORT_ZIP_BOMB"],
    [
      "merged header cells",
      () =>
        workbookBytes([
          {
            name: "S",
            rows: [
              ["Họ và tên", null, "Ngày sinh"],
              ["A", "B", "01/01/1980"],
            ],
            merges: ["A1:B1"],
          },
        ]),
      "MEMBER_IMPORT_MERGED_HEADER",
    ],
    [
      "a file with only headers",
      () => simpleWorkbook([["Họ và tên", "Ngày sinh", "Ngày vào Đảng"]]),
      "MEMBER_IMPORT_NO_DATA_ROWS",
    ],
    [
      "a sheet without a header row",
      () =>
        simpleWorkbook([
          ["x", "y"],
          ["1", "2"],
        ]),
      "MEMBER_IMPORT_NO_HEADER",
    ],
    [
      "only hidden sheets",
      () => workbookBytes([{ name: "A", state: "hidden", rows: [["Họ và tên"]] }]),
      "MEMBER_IMPORT_NO_VISIBLE_SHEET",
    ],
    ["a million rows", async () => hugeWorkbookBytes(1_000_000), "MEMBER_IMPORT_TOO_MANY_ROWS"],
  ] as const)("refuses %s", async (_name, build, code) => {
    const before = { members: await memberCount(), imports: await importCount() };
    const response = await upload(staff, p.cellA.id, await build());
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/i);
    expect({ members: await memberCount(), imports: await importCount() }).toEqual(before);
  });

  it("refuses a 100 MB file", async () => {
    const response = await upload(staff, p.cellA.id, Buffer.alloc(100 * 1024 * 1024, 0x41), "big.csv");
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("MEMBER_IMPORT_FILE_TOO_LARGE");
  });

  it("refuses a CSV of a million rows before reading them", async () => {
    const csv = `Họ và tên,Ngày sinh,Ngày vào Đảng\n${"Nguyễn Văn A,01/01/1980,01/01/2005\n".repeat(1_000_000)}`;
    const before = await memberCount();
    const response = await upload(staff, p.cellA.id, Buffer.from(csv), "trieu-dong.csv");
    expect(response.statusCode).toBe(400);
    const error = response.json().error as { code: string; issues: { message: string }[] };
    expect(error.code).toBe("MEMBER_IMPORT_TOO_MANY_ROWS");
    expect(error.issues[0]?.message).toContain("1.000.001");
    expect(await memberCount()).toBe(before);
  });
});

describe("an import whose reading was interrupted", () => {
  it("is reported as failed, not left reading forever", async () => {
    const row = await t.database.db
      .insertInto("memberImports")
      .values({ orgId: p.cellA.id, accountId: null, fileName: "x.xlsx", sha256: "0", format: "xlsx" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = await t.call(staff, { method: "GET", url: `/api/member-imports/${row.id}` });
    expect(response.statusCode).toBe(200);
    expect((response.json() as MemberImport).error?.code).toBe("MEMBER_IMPORT_INTERRUPTED");
    const commitAttempt = await t.call(staff, {
      method: "POST",
      url: `/api/member-imports/${row.id}/commit`,
    });
    expect(commitAttempt.statusCode).toBe(409);
  });
});

describe("export → import round trip", () => {
  it("exports the import template with a statistics sheet; re-importing changes nothing, masked or not", async () => {
    const cell = await createOrg(t.database.db, p.communeA, {
      name: "Chi bộ xuất nhập",
      typeCode: "chi_bo_truc_thuoc",
    });
    const writer = await t.actor([{ role: "cell_secretary", orgId: cell.id }]);
    const sensitiveId = citizenId();
    await createMember(t.database.db, cell.id, {
      fullName: "Phan Văn Quang",
      citizenId: sensitiveId,
      cardNumber: "01234567",
      religion: "Công giáo",
      discipline: "Khiển trách 2020",
    });
    await createMember(t.database.db, cell.id, {
      fullName: "Lý Thị Rạng",
      sex: "female",
      status: "probationary",
      admittedOn: "2025-09-01",
    });

    for (const session of [staff, writer]) {
      const response = await t.call(session, { method: "GET", url: `/api/members/export?orgId=${cell.id}` });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toContain("spreadsheetml");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(["Danh sách đảng viên", "Thống kê"]);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      expect(sheet.rowCount).toBe(3);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const rowsRead = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      const quang = rowsRead.find((r) => r[header.indexOf("Họ và tên")] === "Phan Văn Quang") ?? [];
      const at = (name: string) => quang[header.indexOf(name)];
      expect(at("Họ và tên")).toBe("Phan Văn Quang");
      if (session === staff) {
        expect(at("Số định danh cá nhân")).toBe(sensitiveId);
        expect(at("Tôn giáo")).toBe("Công giáo");
      } else {
        expect(at("Số định danh cá nhân")).not.toBe(sensitiveId);
        expect(String(at("Số định danh cá nhân"))).toContain("*");
        expect(at("Tôn giáo")).toBe("***");
        expect(at("Kỷ luật")).toBe("***");
      }

      const again = await imported(session, cell.id, Buffer.from(response.rawPayload), "xuat.xlsx");
      expect(again.counts, JSON.stringify(await rows(session, again.id, "problems"))).toMatchObject({
        rows: 2,
        accepted: 2,
        matched: 2,
        new: 0,
      });
      const done = await commit(session, again.id);
      expect(done.result).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0, rejected: 0 });
    }
    const stored = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("citizenId", "=", sensitiveId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      religion: "Công giáo",
      discipline: "Khiển trách 2020",
      cardNumber: "01234567",
      version: 1,
    });
  });

  it("refuses an export larger than one import reads back, before writing anything; labels statuses as the statistics sheet does", async () => {
    const services = t.app.services as { memberExport: MemberExportService };
    const original = services.memberExport;
    const deps = (t.app.services.memberImports as unknown as { deps: ServiceDeps }).deps;
    services.memberExport = new MemberExportService(
      deps,
      t.app.services.members,
      t.app.services.memberStatistics,
      {
        maxRows: 1,
      },
    );
    try {
      const cell = await createOrg(t.database.db, p.communeA, {
        name: "Chi bộ xuất giới hạn",
        typeCode: "chi_bo_truc_thuoc",
      });
      await createMember(t.database.db, cell.id, { fullName: "Sầm Văn Tài", status: "transferred_out" });
      await createMember(t.database.db, cell.id, { fullName: "Sầm Thị Tâm", status: "transferred_out" });
      const tooMany = await t.call(staff, {
        method: "GET",
        url: `/api/members/export?orgId=${cell.id}&status=transferred_out`,
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.code).toBe("MEMBER_EXPORT_TOO_MANY_ROWS");
      expect(tooMany.json().error.message).toContain("lọc");

      // A narrower filter (one member) goes through, with the statistics sheet's label for its status.
      const one = await t.call(staff, {
        method: "GET",
        url: `/api/members/export?orgId=${cell.id}&status=transferred_out&q=${encodeURIComponent("Sầm Văn Tài")}`,
      });
      expect(one.statusCode, one.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row[header.length - 1]).toBe(MEMBER_STATISTICS_LABELS.vi.status.transferred_out);
    } finally {
      services.memberExport = original;
    }
  });

  it("offers an empty template", async () => {
    const response = await t.call(staff, { method: "GET", url: "/api/member-imports/template" });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["STT", "Họ và tên"]);
  });
});

describe("what a reader sees and what a commit writes", () => {
  it("masks sensitive cells for a reader without member.sensitive, and a commit by such an actor writes none", async () => {
    const id = citizenId();
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số CCCD", "Tôn giáo", "Kỷ luật"],
      ["Lò Văn Mạnh", "Nam", "01/02/1984", "03/02/2012", id, "Phật giáo", "Khiển trách 2019"],
    ]);
    // Uploaded by someone who sees sensitive fields; read and committed by a secretary who does not.
    const result = await imported(staff, p.cellA.id, bytes);
    expect(result.ignoredSensitiveColumns).toEqual([]);
    const mine = (await rows(staff, result.id))[0];
    expect(mine?.values).toContain(id);
    expect(mine?.record?.religion).toBe("Phật giáo");

    const theirs = (await rows(secretary, result.id))[0];
    expect(JSON.stringify(theirs)).not.toContain(id);
    expect(JSON.stringify(theirs)).not.toContain("Phật giáo");
    expect(JSON.stringify(theirs)).not.toContain("Khiển trách");
    expect(theirs?.values).toContain("***");
    expect(String(theirs?.record?.citizenId)).toContain("*");
    const seen = await t.call(secretary, { method: "GET", url: `/api/member-imports/${result.id}` });
    expect((seen.json() as MemberImport).ignoredSensitiveColumns).toEqual(["Số CCCD", "Tôn giáo", "Kỷ luật"]);

    const report = await t.call(secretary, { method: "GET", url: `/api/member-imports/${result.id}/report` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const line = JSON.stringify((book.worksheets[0] as ExcelJS.Worksheet).getRow(2).values);
    expect(line).toContain("Lò Văn Mạnh");
    expect(line).not.toContain(id);
    expect(line).not.toContain("Phật giáo");

    const done = await commit(secretary, result.id);
    expect(done.result).toMatchObject({ created: 1 });
    const manh = await t.database.db
      .selectFrom("members")
      .selectAll()
      .where("fullName", "=", "Lò Văn Mạnh")
      .executeTakeFirstOrThrow();
    expect(manh).toMatchObject({ citizenId: null, religion: "Không", discipline: null });
  });

  it("says which sensitive columns an importer without member.sensitive cannot import", async () => {
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số CCCD"],
      ["Lò Thị Hoa", "Nữ", "01/02/1986", "03/02/2012", citizenId()],
    ]);
    const result = await imported(secretary, p.cellA.id, bytes);
    expect(result.ignoredSensitiveColumns).toEqual(["Số CCCD"]);
  });

  it("refuses a commit when a matched member changed since the preview, and writes nothing", async () => {
    const existingId = citizenId();
    const member = await createMember(t.database.db, p.cellA.id, {
      fullName: "Đinh Văn Phúc",
      birthDate: "1979-03-03",
      admittedOn: "2004-04-04",
      citizenId: existingId,
    });
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Số CCCD", "Nghề nghiệp"],
      ["Đinh Văn Phúc", "Nam", "03/03/1979", "04/04/2004", existingId, "Bác sĩ"],
      ["Đinh Thị Mơ", "Nữ", "03/03/1991", "04/04/2019", citizenId(), "Y tá"],
    ]);
    const result = await imported(staff, p.cellA.id, bytes);
    expect(result.counts).toMatchObject({ accepted: 2, matched: 1, new: 1 });
    // Someone edits the member between the preview and the commit.
    await t.database.db
      .updateTable("members")
      .set({ occupation: "Dược sĩ", version: 2 })
      .where("id", "=", member.id)
      .execute();
    const count = await memberCount();
    const refused = await t.call(staff, { method: "POST", url: `/api/member-imports/${result.id}/commit` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("MEMBER_IMPORT_STALE");
    expect(await memberCount()).toBe(count);
    const untouched = await t.database.db
      .selectFrom("members")
      .select(["occupation", "version"])
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ occupation: "Dược sĩ", version: 2 });
    expect((await settledImport(staff, result.id)).status).toBe("ready");

    // Validating again takes the current record; the commit then goes through.
    const again = await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${result.id}/decisions`,
      payload: { matchDecision: "update" },
    });
    expect(again.statusCode, again.body).toBe(200);
    await settledImport(staff, result.id);
    const done = await commit(staff, result.id);
    expect(done.result).toMatchObject({ created: 1, updated: 1 });

    // One member.update audit row for the updated member, with what changed.
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["before", "after"])
      .where("action", "=", "member.update")
      .where("entityId", "=", String(member.id))
      .execute();
    expect(audit).toHaveLength(1);
    const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
    expect(parse(audit[0]?.before)).toEqual({ occupation: "Dược sĩ" });
    expect(parse(audit[0]?.after)).toEqual({ occupation: "Bác sĩ" });
    // Written in bulk, the audit rows still chain like rows written one by one.
    expect((await t.app.services.audit.verifyChain()).ok).toBe(true);

    // A committed import can no longer be changed or committed again.
    const mapping = await t.call(staff, {
      method: "PUT",
      url: `/api/member-imports/${result.id}/mapping`,
      payload: { columns: [{ index: 5, field: null }] },
    });
    expect(mapping.statusCode).toBe(409);
    expect(mapping.json().error.code).toBe("MEMBER_IMPORT_COMMITTED");
  });

  it("never changes the membership dates of an existing member", async () => {
    const existingId = citizenId();
    const member = await createMember(t.database.db, p.cellA.id, {
      fullName: "Cầm Văn Tiến",
      birthDate: "1978-05-05",
      admittedOn: "2003-03-03",
      citizenId: existingId,
    });
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày kết nạp", "Ngày chính thức", "Số CCCD"],
      ["Cầm Văn Tiến", "Nam", "05/05/1978", "03/03/2002", "03/03/2004", existingId],
      ["Cầm Thị Vân", "Nữ", "05/05/1990", "03/03/2020", "03/03/2021", citizenId()],
    ]);
    const result = await imported(staff, p.cellA.id, bytes);
    const read = await rows(staff, result.id);
    expect(read.map((r) => [r.row, r.outcome, r.problems.map((x) => [x.column, x.code])])).toEqual([
      [2, "reject", [["Ngày kết nạp", "IMPORT_MEMBERSHIP_DATE_DIFFERS"]]],
      [3, "create", []],
    ]);
    expect(read[0]?.problems[0]?.message).toBe(
      "Ngày vào Đảng/ngày chính thức khác hồ sơ hiện có; sửa trong hồ sơ đảng viên.",
    );
    await commit(staff, result.id);
    const stored = await t.database.db
      .selectFrom("members")
      .select(["admittedOn", "version"])
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1);
  });

  it("refuses a mapping or decision change when the import was committed after it was read", async () => {
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
      ["Quàng Thị Yến", "Nữ", "01/01/1988", "01/01/2012"],
    ]);
    const result = await imported(staff, p.cellA.id, bytes);
    // The race made certain: the import is committed right after the service has read it as ready.
    const service = t.app.services.memberImports as unknown as {
      load: (actor: unknown, id: number) => Promise<unknown>;
    };
    const load = service.load;
    service.load = async function (this: unknown, actor: unknown, id: number) {
      const stored = await load.call(this, actor, id);
      await t.database.db
        .updateTable("memberImports")
        .set({ status: "committed" })
        .where("id", "=", id)
        .execute();
      return stored;
    };
    try {
      const mapping = await t.call(staff, {
        method: "PUT",
        url: `/api/member-imports/${result.id}/mapping`,
        payload: { columns: [{ index: 0, field: "fullName" }] },
      });
      expect(mapping.statusCode).toBe(409);
      expect(mapping.json().error.code).toBe("MEMBER_IMPORT_COMMITTED");
      await t.database.db
        .updateTable("memberImports")
        .set({ status: "ready" })
        .where("id", "=", result.id)
        .execute();
      const decisions = await t.call(staff, {
        method: "PUT",
        url: `/api/member-imports/${result.id}/decisions`,
        payload: { matchDecision: "skip" },
      });
      expect(decisions.statusCode).toBe(409);
    } finally {
      service.load = load;
    }
    const stored = await t.database.db
      .selectFrom("memberImports")
      .select(["status", "matchDecision"])
      .where("id", "=", result.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "committed", matchDecision: "update" });
  });

  it("lets only one of two simultaneous commits through", async () => {
    const bytes = await simpleWorkbook([
      ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
      ["Quàng Văn Xuân", "Nam", "01/01/1983", "01/01/2010"],
    ]);
    const result = await imported(staff, p.cellA.id, bytes);
    const [a, b] = await Promise.all([
      t.call(staff, { method: "POST", url: `/api/member-imports/${result.id}/commit` }),
      t.call(staff, { method: "POST", url: `/api/member-imports/${result.id}/commit` }),
    ]);
    expect([a.statusCode, b.statusCode].sort((x, y) => x - y)).toEqual([200, 409]);
    const named = await t.database.db
      .selectFrom("members")
      .select("id")
      .where("fullName", "=", "Quàng Văn Xuân")
      .execute();
    expect(named).toHaveLength(1);
  });
});
