// The statistics sheet, written to an in-memory workbook and through the streaming writer, read back.
import { PassThrough } from "node:stream";
import type { MemberStatistics } from "@namro/contracts";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createXlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";
import { writeMemberStatisticsSheet } from "./members.statistics-sheet.ts";

const zeroLosses = { death: 0, name_deletion: 0, expulsion: 0, leaving: 0, transfer_external: 0 };

const STATISTICS: MemberStatistics = {
  orgId: 7,
  orgName: "Đảng ủy xã Tân Hưng",
  referenceDate: "2026-06-15",
  totals: { members: 4, probationary: 1, full: 3, female: 2, under31: 1 },
  byStatus: [
    { key: "probationary", count: 1 },
    { key: "full", count: 3 },
    { key: "deceased", count: 2 },
  ],
  bySex: [
    { key: "male", count: 2 },
    { key: "female", count: 2 },
  ],
  byAgeBand: [{ key: "under_31", count: 1 }],
  byEducation: [{ key: "dai_hoc", count: 4 }],
  byTheoryLevel: [{ key: "cao_cap", count: 1 }],
  byMembershipYears: [{ key: "40_plus", count: 1 }],
  byEthnicity: [
    { key: "Kinh", count: 3 },
    { key: "Tày", count: 1 },
  ],
  ethnicityOther: 0,
  byReligion: [{ key: "Phật giáo", count: 1 }],
  religionOther: 3,
  posts: [
    { postType: "bi_thu", kind: "party", nameVi: "Bí thư cấp ủy", nameEn: "Committee secretary", count: 2 },
  ],
  postCombinations: [
    {
      code: "bi_thu+chu_tich_hdnd",
      postTypes: ["bi_thu", "chu_tich_hdnd"],
      nameVi: "Bí thư cấp ủy kiêm Chủ tịch HĐND",
      nameEn: "Committee secretary who also chairs the People's Council",
      count: 1,
    },
  ],
  flows: {
    period: "year",
    from: "2025-01-01",
    to: "2026-06-15",
    items: [
      {
        key: "2025",
        start: "2025-01-01",
        end: "2025-12-31",
        admissions: 5,
        losses: { ...zeroLosses, death: 2 },
        lossesTotal: 2,
        transfersIn: 1,
        transfersOut: 0,
      },
      {
        key: "2026",
        start: "2026-01-01",
        end: "2026-06-15",
        admissions: 0,
        losses: zeroLosses,
        lossesTotal: 0,
        transfersIn: 0,
        transfersOut: 3,
      },
    ],
  },
  canSeeSensitive: true,
};

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

function find(rows: unknown[][], label: string): unknown[] | undefined {
  return rows.find((row) => row[0] === label);
}

describe("writeMemberStatisticsSheet", () => {
  it("writes every table to an in-memory workbook, in Vietnamese", async () => {
    const workbook = new ExcelJS.Workbook();
    writeMemberStatisticsSheet(workbook, STATISTICS, { locale: "vi" });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await workbook.xlsx.writeBuffer());
    const sheet = back.getWorksheet("Thống kê");
    if (!sheet) throw new Error("no statistics sheet");
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(["Thống kê đảng viên"]);
    expect(find(rows, "Phạm vi")).toEqual(["Phạm vi", "Đảng ủy xã Tân Hưng"]);
    expect(find(rows, "Tính đến ngày")).toEqual(["Tính đến ngày", "15/06/2026"]);
    expect(find(rows, "Tổng số đảng viên")).toEqual(["Tổng số đảng viên", 4, 100]);
    expect(find(rows, "Đảng viên nữ")).toEqual(["Đảng viên nữ", 2, 50]);
    // Shares of the status breakdown are of everyone listed there (6), the others of the members (4).
    expect(find(rows, "Đã từ trần")).toEqual(["Đã từ trần", 2, 33.3]);
    expect(find(rows, "Đại học")).toEqual(["Đại học", 4, 100]);
    expect(find(rows, "Từ 40 năm trở lên")).toEqual(["Từ 40 năm trở lên", 1, 25]);
    expect(find(rows, "Tày")).toEqual(["Tày", 1, 25]);
    expect(find(rows, "Theo tôn giáo")).toBeDefined();
    expect(find(rows, "Khác")).toEqual(["Khác", 3, 75]);
    expect(find(rows, "Bí thư cấp ủy")).toEqual(["Bí thư cấp ủy", 2]);
    expect(find(rows, "Bí thư cấp ủy kiêm Chủ tịch HĐND")).toEqual(["Bí thư cấp ủy kiêm Chủ tịch HĐND", 1]);
    expect(find(rows, "Kỳ")).toEqual([
      "Kỳ",
      "Kết nạp",
      "Từ trần",
      "Xóa tên",
      "Khai trừ",
      "Ra khỏi Đảng",
      "Chuyển ra ngoài hệ thống",
      "Tổng giảm",
      "Chuyển đến",
      "Chuyển đi",
    ]);
    expect(find(rows, "2025")).toEqual(["2025", 5, 2, 0, 0, 0, 0, 2, 1, 0]);
    expect(find(rows, "2026")).toEqual(["2026", 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  it("writes through the streaming WorkbookWriter beside another sheet, and in English", async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false });
    const list = writer.addWorksheet("Members");
    list.addRow(["Nguyễn Văn An"]).commit();
    list.commit();
    writeMemberStatisticsSheet(
      writer,
      { ...STATISTICS, orgName: null, byReligion: null, religionOther: null },
      {
        locale: "en",
        sheetName: "Stats",
        scopeName: "Tỉnh ủy Bình Định",
      },
    );
    await writer.commit();

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(back.worksheets.map((sheet) => sheet.name)).toEqual(["Members", "Stats"]);
    const stats = back.getWorksheet("Stats");
    if (!stats) throw new Error("no statistics sheet");
    const rows = rowsOf(stats);
    expect(rows[0]).toEqual(["Member statistics"]);
    expect(find(rows, "Scope")).toEqual(["Scope", "Tỉnh ủy Bình Định"]);
    expect(find(rows, "Probationary members")).toEqual(["Probationary members", 1, 25]);
    expect(find(rows, "By religion")).toBeUndefined();
    expect(find(rows, "Committee secretary who also chairs the People's Council")?.[1]).toBe(1);
  });

  it("writes through the platform XlsxWriter (the member export's writer)", async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = createXlsxWriter(output);
    const list = writer.addSheet("Danh sách", ["Họ và tên"]);
    list.addRow(["Nguyễn Văn An"]);
    list.end();
    writeMemberStatisticsSheet(writer, STATISTICS, { locale: "vi" });
    await writer.finish();

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(back.worksheets.map((sheet) => sheet.name)).toEqual(["Danh sách", "Thống kê"]);
    const stats = back.getWorksheet("Thống kê");
    if (!stats) throw new Error("no statistics sheet");
    const rows = rowsOf(stats);
    expect(rows[0]).toEqual(["Thống kê đảng viên"]);
    expect(find(rows, "Tổng số đảng viên")).toEqual(["Tổng số đảng viên", 4, 100]);
    expect(find(rows, "2025")).toEqual(["2025", 5, 2, 0, 0, 0, 0, 2, 1, 0]);
  });
});
