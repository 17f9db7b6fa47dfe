import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeTcvn3, encodeVni } from "../legacy-encodings.ts";
import { toExcelSerial } from "../vietnamese-dates.ts";
import {
  cellText,
  detectSheetEncoding,
  formatFieldValue,
  type MappedColumn,
  MEMBER_COLUMNS,
  parseFieldValue,
  proposeField,
  proposeMapping,
  readMemberRow,
} from "./member-columns.ts";

const options = { referenceYear: 2026 };

describe("header matching", () => {
  it.each([
    ["Họ và tên", "fullName"],
    ["HỌ VÀ TÊN", "fullName"],
    ["  họ   và tên ", "fullName"],
    ["Ho va ten", "fullName"],
    ["Họ và tên (ghi chữ in hoa)", "fullName"],
    ["Ngày, tháng, năm sinh", "birthDate"],
    ["Số thẻ đảng viên", "cardNumber"],
    ["Số CCCD", "citizenId"],
    ["Số định danh", "citizenId"],
    ["Ngày vào Đảng", "admittedOn"],
    ["Ngày chính thức", "fullMemberOn"],
    ["Dân tộc", "ethnicity"],
    ["Tôn giáo", "religion"],
    ["Quê quán", "homeTown"],
    ["Nơi sinh", "birthPlace"],
    ["Trình độ lý luận chính trị", "theoryLevel"],
    ["Trình độ chuyên môn", "educationProfessional"],
    ["Học vấn", "educationGeneral"],
    ["Giáo dục phổ thông", "educationGeneral"],
    ["Nghề nghiệp", "occupation"],
    ["Chi bộ", "cell"],
    ["Giới tính", "sex"],
  ])("%s → %s", (header, field) => {
    expect(proposeField(header)).toBe(field);
  });

  it("reads headers written in NFD, TCVN3 and VNI", () => {
    expect(proposeField("Họ và tên".normalize("NFD"))).toBe("fullName");
    expect(proposeField(encodeTcvn3("Ngày vào Đảng"))).toBe("admittedOn");
    expect(proposeField(encodeVni("Số thẻ đảng viên"))).toBe("cardNumber");
  });

  it("leaves information and unknown columns unmapped, and maps a field once", () => {
    expect(proposeMapping(["STT", "Họ và tên", "Tình trạng", "Ghi chú", "Họ tên"])).toEqual([
      null,
      "fullName",
      null,
      null,
      null,
    ]);
  });

  it("proposes every template header for its own field", () => {
    expect(proposeMapping(MEMBER_COLUMNS.map((c) => c.header))).toEqual(MEMBER_COLUMNS.map((c) => c.field));
  });
});

describe("cell values", () => {
  it("reads dates as dd/mm/yyyy, d/m/yy, Excel serials, Date cells and words", () => {
    const iso = (value: string | number | Date) => parseFieldValue("birthDate", value, options);
    expect(iso("25/10/1980")).toEqual({ ok: true, value: "1980-10-25" });
    expect(iso("5/1/80")).toEqual({ ok: true, value: "1980-01-05" });
    expect(iso(toExcelSerial("1975-04-30"))).toEqual({ ok: true, value: "1975-04-30" });
    expect(iso(new Date(Date.UTC(1990, 0, 2)))).toEqual({ ok: true, value: "1990-01-02" });
    expect(iso("ngày 2 tháng 9 năm 1945")).toEqual({ ok: true, value: "1945-09-02" });
    expect(iso("31/02/1980")).toMatchObject({ ok: false, code: "IMPORT_DATE_NO_SUCH_DAY" });
    expect(iso("1980")).toMatchObject({ ok: false, code: "IMPORT_DATE_YEAR_ONLY" });
    expect(iso("hôm qua")).toMatchObject({ ok: false, code: "IMPORT_DATE_INVALID" });
    expect(iso("")).toMatchObject({ ok: false, code: "IMPORT_REQUIRED_MISSING" });
  });

  it("normalises NFD, stray spaces and legacy encodings", () => {
    expect(cellText("  Nguyễn\u00a0 Văn   A ".normalize("NFD"))).toBe("Nguyễn Văn A");
    expect(cellText(encodeTcvn3("Trần Thị Hoà"), "tcvn3")).toBe("Trần Thị Hoà");
    expect(cellText(encodeVni("Lê Văn Đức"), "vni")).toBe("Lê Văn Đức");
    // A cell already in Unicode in a legacy file is left as it is.
    expect(cellText("Nguyễn Văn Đức", "tcvn3")).toBe("Nguyễn Văn Đức");
    expect(detectSheetEncoding([encodeTcvn3("Nguyễn Văn Bình"), encodeTcvn3("Hà Nội, Việt Nam")])).toBe(
      "tcvn3",
    );
    expect(detectSheetEncoding(["Nguyễn Văn Bình", "Hà Nội"])).toBeNull();
  });

  it("reads sex, education and theory labels in any case and without diacritics", () => {
    expect(parseFieldValue("sex", "NỮ", options)).toEqual({ ok: true, value: "female" });
    expect(parseFieldValue("sex", "nam", options)).toEqual({ ok: true, value: "male" });
    expect(parseFieldValue("sex", "khác", options)).toMatchObject({ ok: false, code: "IMPORT_SEX_INVALID" });
    expect(parseFieldValue("educationProfessional", "Đại học", options)).toEqual({
      ok: true,
      value: "dai_hoc",
    });
    expect(parseFieldValue("educationProfessional", "cu nhan", options)).toEqual({
      ok: true,
      value: "dai_hoc",
    });
    expect(parseFieldValue("theoryLevel", "Cao cấp", options)).toEqual({ ok: true, value: "cao_cap" });
    // The label written by the export and the short form older lists use.
    for (const none of ["Chưa qua đào tạo", "Không"]) {
      expect(parseFieldValue("theoryLevel", none, options)).toEqual({ ok: true, value: "none" });
      expect(parseFieldValue("educationProfessional", none, options)).toEqual({ ok: true, value: "none" });
    }
    expect(parseFieldValue("theoryLevel", "giỏi", options)).toMatchObject({
      ok: false,
      code: "IMPORT_VALUE_UNKNOWN",
    });
  });

  it("keeps ID and card numbers as digits, flags dropped zeros and recognises masked values", () => {
    expect(parseFieldValue("citizenId", " 001 234 567 890 ", options)).toEqual({
      ok: true,
      value: "001234567890",
    });
    expect(parseFieldValue("citizenId", 1234567890, options)).toMatchObject({
      ok: false,
      code: "IMPORT_CITIZEN_ID_LEADING_ZEROS",
    });
    expect(parseFieldValue("citizenId", "00123*****90", options)).toEqual({
      ok: true,
      value: null,
      masked: true,
    });
    expect(parseFieldValue("cardNumber", "12.345.678", options)).toEqual({ ok: true, value: "12345678" });
  });

  it("formats values back as the importer reads them (round trip)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-03-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseFieldValue("admittedOn", formatFieldValue("admittedOn", iso), options)).toEqual({
            ok: true,
            value: iso,
          });
          // Serials 1900–2100 (dates in 1905) read as a bare year when they come as plain numbers.
          const serial = toExcelSerial(iso);
          if (serial > 2100) {
            expect(parseFieldValue("admittedOn", serial, options)).toEqual({ ok: true, value: iso });
          }
        },
      ),
    );
    for (const field of ["sex", "educationProfessional", "theoryLevel"] as const) {
      const codes = {
        sex: ["male", "female"],
        educationProfessional: ["none", "so_cap", "trung_cap", "cao_dang", "dai_hoc", "thac_si", "tien_si"],
        theoryLevel: ["none", "so_cap", "trung_cap", "cao_cap", "cu_nhan"],
      }[field];
      for (const code of codes) {
        expect(parseFieldValue(field, formatFieldValue(field, code), options)).toEqual({
          ok: true,
          value: code,
        });
      }
    }
  });
});

describe("Unicode → TCVN3 → Unicode through the importer", () => {
  const LOWER = Array.from(
    "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđbcghklmnpqrstvx",
  );
  const CAPITALS = Array.from("ABCDEGHIKLMNOPQRSTUVXYĂÂÊÔƠƯĐ");
  const word = fc
    .tuple(
      fc.option(fc.constantFrom(...CAPITALS), { nil: "" }),
      fc.array(fc.constantFrom(...LOWER), { minLength: 1, maxLength: 6 }),
    )
    .map(([first, rest]) => first + rest.join(""));
  it("is the identity on Vietnamese text in a TCVN3 file", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(" ");
        expect(cellText(encodeTcvn3(text), "tcvn3")).toBe(text);
      }),
    );
  });
});

describe("readMemberRow", () => {
  const columns: MappedColumn[] = [
    { index: 0, header: "Họ và tên", field: "fullName" },
    { index: 1, header: "Giới tính", field: "sex" },
    { index: 2, header: "Ngày sinh", field: "birthDate" },
    { index: 3, header: "Ngày vào Đảng", field: "admittedOn" },
    { index: 4, header: "Số CCCD", field: "citizenId" },
    { index: 5, header: "Ghi chú", field: null },
  ];
  const read = (cells: (string | number | null | { formulaWithoutResult: true })[]) =>
    readMemberRow(cells, columns, { referenceYear: 2026, today: "2026-11-22" });

  it("reads a good row", () => {
    expect(read(["Nguyễn Văn A", "Nam", "01/02/1980", "3/2/2005", "001080000001", "x"])).toEqual({
      record: {
        fullName: "Nguyễn Văn A",
        sex: "male",
        birthDate: "1980-02-01",
        admittedOn: "2005-02-03",
        citizenId: "001080000001",
      },
      masked: [],
      problems: [],
    });
  });

  it("names the column of every problem, rule problems included", () => {
    const result = read(["A", "X", "01/02/2010", "3/2/2027", "12", null]);
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([
      ["Giới tính", "IMPORT_SEX_INVALID"],
      ["Họ và tên", "MEMBER_NAME_INVALID"],
      ["Ngày vào Đảng", "MEMBER_DATE_IN_FUTURE"],
      ["Ngày vào Đảng", "MEMBER_ADMISSION_AGE"],
      ["Số CCCD", "MEMBER_CITIZEN_ID_INVALID"],
    ]);
    expect(result.problems.every((p) => p.message.length > 5)).toBe(true);
  });

  it("reports a formula without a stored result, and missing required columns", () => {
    const result = readMemberRow(
      [{ formulaWithoutResult: true }],
      [{ index: 0, header: "Tên", field: "fullName" }],
      {
        referenceYear: 2026,
        today: "2026-11-22",
      },
    );
    expect(result.problems.map((p) => p.code)).toEqual([
      "IMPORT_FORMULA_NO_VALUE",
      "IMPORT_REQUIRED_MISSING",
      "IMPORT_REQUIRED_MISSING",
      "IMPORT_REQUIRED_MISSING",
    ]);
  });
});
