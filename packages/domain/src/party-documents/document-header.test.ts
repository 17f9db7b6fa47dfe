import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DocumentHeader, proposeDocumentHeader, proposedRelationKind } from "./document-header.ts";
import { DEFAULT_DOCUMENT_TABLES, DEFAULT_PARTY_DOCUMENT_TYPES } from "./document-types.ts";
import { extractReferences } from "./reference-extractor.ts";

type Fields = Omit<DocumentHeader, "numberSpan" | "subjectSpan">;

const fieldsOf = (text: string): Fields => {
  const { numberSpan: _n, subjectSpan: _s, ...fields } = proposeDocumentHeader(text);
  return fields;
};

const lines = (...text: string[]) => text.join("\n");

/** A provincial plan as a .docx reads out: left header column, right header column, then the body. */
const DOCX_PLAN = lines(
  "TỈNH ỦY BẮC NINH",
  "*",
  "Số 12-KH/TU",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "Bắc Ninh, ngày 05 tháng 02 năm 2026",
  "KẾ HOẠCH",
  "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư",
  "Ban Chấp hành Trung ương Đảng khóa XIII",
  "-----",
  "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII; Quy định số 37-QĐ/TW, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "1. Tiếp tục triển khai Đề án số 02-ĐA/TU; thực hiện Nghị định 30/2020/NĐ-CP của Chính phủ.",
  "2. Quy định này thay thế Quy định số 08-QĐ/TU; sửa đổi, bổ sung một số điều của Quy chế số 05-QC/TU.",
  "Nơi nhận:",
  "- Ban Bí thư Trung ương Đảng (để b/c),",
  "- Lưu Văn phòng Tỉnh ủy.",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "(Đã ký)",
  "Nguyễn Văn Hùng",
);

/** The same plan as a PDF reads out: both columns of the header and the footer on one line. */
const PDF_PLAN = lines(
  "TỈNH ỦY BẮC NINH ĐẢNG CỘNG SẢN VIỆT NAM",
  "* Bắc Ninh, ngày 05 tháng 02 năm 2026",
  "Số 12-KH/TU",
  "KẾ HOẠCH",
  "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư",
  "Ban Chấp hành Trung ương Đảng khóa XIII",
  "-----",
  "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4",
  "Nơi nhận: T/M BAN THƯỜNG VỤ",
  "- Ban Bí thư Trung ương Đảng (để b/c), BÍ THƯ",
  "- Các đảng ủy trực thuộc Tỉnh ủy, (Đã ký)",
  "- Các ban đảng, Văn phòng Tỉnh ủy, Nguyễn Văn Hùng",
  "- Lưu Văn phòng Tỉnh ủy.",
);

const PLAN_FIELDS: Fields = {
  system: "party",
  typeAbbreviation: "KH",
  typeName: "Kế hoạch",
  number: "12",
  issuerCodes: ["TU"],
  place: "Bắc Ninh",
  issuedOn: "2026-02-05",
  subject:
    "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII",
  signer: "Nguyễn Văn Hùng",
};

/** Pieces of headers and signature blocks, mixed with arbitrary text for the property test. */
const PIECES = [
  "Số 12-KH/TU",
  "Số: 30/2020/NĐ-CP",
  "KẾ HOẠCH",
  "NGHỊ QUYẾT",
  "-----",
  "Bắc Ninh, ngày 05 tháng 02 năm 2026",
  "ngày 31/02/2026",
  "V/v ",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "Nguyễn Văn Hùng",
  "\n",
  "\r\n",
  " ",
  ",",
  "(",
  "Thực hiện ",
];

const headerLikeText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: "binary" })), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("proposeDocumentHeader", () => {
  it.each([
    ["a plan read from a .docx", DOCX_PLAN],
    ["the plan read from a PDF (columns side by side)", PDF_PLAN],
    ["decomposed (NFD) text", DOCX_PLAN.normalize("NFD")],
    ["extra spaces, tabs and blank lines", DOCX_PLAN.replace(/ /g, "  ").replace(/\n/g, " \t\n\n")],
    ["Windows line breaks", DOCX_PLAN.replace(/\n/g, "\r\n")],
  ])("reads %s", (_, text) => {
    expect(fieldsOf(text)).toEqual(PLAN_FIELDS);
  });

  it.each<[string, string, Partial<Fields>]>([
    [
      "a joint regulation",
      lines(
        "TỈNH ỦY QUẢNG NINH",
        "BAN TỔ CHỨC - BAN DÂN VẬN",
        "*",
        "Số 05-QC/BTCTU-BDVTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hạ Long, ngày 05 tháng 02 năm 2026",
        "QUY CHẾ",
        "phối hợp giữa Ban Tổ chức và Ban Dân vận Tỉnh ủy",
        "-----",
        "Chương I",
      ),
      {
        typeAbbreviation: "QC",
        number: "05",
        issuerCodes: ["BTCTU", "BDVTU"],
        place: "Hạ Long",
        subject: "phối hợp giữa Ban Tổ chức và Ban Dân vận Tỉnh ủy",
      },
    ],
    [
      "a government decree",
      lines(
        "CHÍNH PHỦ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 30/2020/NĐ-CP",
        "Hà Nội, ngày 05 tháng 3 năm 2020",
        "NGHỊ ĐỊNH",
        "Về công tác văn thư",
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
        "TM. CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "Nguyễn Xuân Phúc",
      ),
      {
        system: "state",
        typeAbbreviation: "NĐ",
        number: "30/2020",
        issuerCodes: ["CP"],
        place: "Hà Nội",
        issuedOn: "2020-03-05",
        subject: "Về công tác văn thư",
        signer: "Nguyễn Xuân Phúc",
      },
    ],
    [
      "a provincial decision",
      lines(
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "Số: 1234/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Bắc Ninh, ngày 12 tháng 3 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc ban hành Quy chế làm việc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
      ),
      {
        system: "state",
        typeAbbreviation: "QĐ",
        number: "1234",
        issuerCodes: ["UBND"],
        issuedOn: "2025-03-12",
        subject: "Về việc ban hành Quy chế làm việc CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
      },
    ],
    [
      "an official letter with V/v and no type line",
      lines(
        "TỈNH ỦY BẮC NINH",
        "*",
        "Số 345-CV/TU",
        "V/v triển khai thực hiện",
        "Kết luận số 21-KL/TW",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Bắc Ninh, ngày 5/2/2026",
        "Kính gửi: Các đảng ủy trực thuộc Tỉnh ủy",
        "K/T BÍ THƯ",
        "PHÓ BÍ THƯ",
        "Lê Thị Hoa",
      ),
      {
        typeAbbreviation: "CV",
        number: "345",
        issuerCodes: ["TU"],
        issuedOn: "2026-02-05",
        subject: "triển khai thực hiện",
        signer: "Lê Thị Hoa",
      },
    ],
    [
      "a date in dots and a city abbreviation",
      lines(
        "THÀNH ỦY HỒ CHÍ MINH",
        "Số 07-CT/TU",
        "TP. Hồ Chí Minh, 25.10.2021",
        "CHỈ THỊ",
        "về tăng cường công tác kiểm tra",
      ),
      { typeAbbreviation: "CT", place: "TP. Hồ Chí Minh", issuedOn: "2021-10-25" },
    ],
    [
      "an action programme named by its type line only",
      lines(
        "ĐẢNG ỦY XÃ TIÊN DU",
        "ngày 02 tháng 3 năm 2026",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "thực hiện Nghị quyết Đại hội XIV của Đảng",
        "I. QUAN ĐIỂM",
      ),
      {
        system: "party",
        typeAbbreviation: "CTHĐ",
        number: null,
        issuerCodes: [],
        place: null,
        issuedOn: "2026-03-02",
        subject: "thực hiện Nghị quyết Đại hội XIV của Đảng",
      },
    ],
  ])("reads %s", (_, text, expected) => {
    expect(fieldsOf(text)).toMatchObject(expected);
  });

  it("leaves fields it cannot find empty", () => {
    expect(fieldsOf("Biên bản họp chi bộ tháng 3\nCó mặt 12 đồng chí.")).toEqual({
      system: null,
      typeAbbreviation: null,
      typeName: null,
      number: null,
      issuerCodes: [],
      place: null,
      issuedOn: null,
      subject: null,
      signer: null,
    });
    expect(fieldsOf("")).toMatchObject({ number: null, subject: null });
  });

  it("does not take a date or a number from the subject or the body for the header's", () => {
    const text = lines(
      "KẾ HOẠCH",
      "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021",
      "Số 99-KH/TU ngày 1/1/2020",
    );
    expect(fieldsOf(text)).toMatchObject({ number: null, issuedOn: null, typeAbbreviation: "KH" });
  });

  it("refuses an impossible date", () => {
    expect(
      fieldsOf(lines("Số 12-KH/TU", "Bắc Ninh, ngày 31 tháng 02 năm 2026", "KẾ HOẠCH")).issuedOn,
    ).toBeNull();
  });

  it("gives the offsets of the number's line and of the subject in the input", () => {
    const header = proposeDocumentHeader(DOCX_PLAN);
    expect(DOCX_PLAN.slice(header.numberSpan?.start, header.numberSpan?.end)).toBe("Số 12-KH/TU");
    expect(DOCX_PLAN.slice(header.subjectSpan?.start, header.subjectSpan?.end)).toBe(
      "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư\nBan Chấp hành Trung ương Đảng khóa XIII",
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(headerLikeText, (text) => {
        const header = proposeDocumentHeader(text);
        for (const reference of extractReferences(text)) proposedRelationKind(reference, text, header);
      }),
      { numRuns: 500 },
    );
  });

  it("recognises every default Party type by its type line", () => {
    for (const type of DEFAULT_PARTY_DOCUMENT_TYPES.filter((t) => !t.legacy)) {
      const header = proposeDocumentHeader(
        lines("TỈNH ỦY BẮC NINH", type.name.toUpperCase(), "về công tác cán bộ"),
      );
      expect(header.typeAbbreviation, type.name).toBe(type.abbreviation);
      expect(header.typeName, type.name).toBe(type.name);
    }
  });
});

describe("proposedRelationKind", () => {
  const header = proposeDocumentHeader(DOCX_PLAN, DEFAULT_DOCUMENT_TABLES);
  const kinds = (text: string, of: Pick<DocumentHeader, "typeAbbreviation" | "subjectSpan">) =>
    extractReferences(text).map((reference) => [
      reference.number ?? reference.text,
      proposedRelationKind(reference, text, of),
    ]);

  it("proposes what a plan implements, replaces and amends, and what it only cites", () => {
    expect(kinds(DOCX_PLAN, header)).toEqual([
      ["12", "refers_to"],
      ["21", "implements"],
      ["21", "implements"],
      ["37", "refers_to"],
      ["02", "implements"],
      ["30/2020", "refers_to"],
      ["08", "replaces"],
      ["05", "amends"],
    ]);
  });

  it("proposes implements only in plans, and guides in a guide about the document", () => {
    const guide = lines(
      "BAN TỔ CHỨC TRUNG ƯƠNG",
      "Số 43-HD/BTCTW",
      "HƯỚNG DẪN",
      "thực hiện Quy định số 366-QĐ/TW của Bộ Chính trị",
      "-----",
      "Thực hiện Chỉ thị 05-CT/TW, Ban Tổ chức Trung ương hướng dẫn như sau:",
    );
    expect(kinds(guide, proposeDocumentHeader(guide))).toEqual([
      ["43", "refers_to"],
      ["366", "guides"],
      ["05", "refers_to"],
    ]);
  });

  it("takes the register's list of plan types", () => {
    const text = lines("ĐỀ ÁN", "thực hiện Chỉ thị 05-CT/TW", "-----");
    const header = proposeDocumentHeader(text);
    const [reference] = extractReferences(text);
    expect(reference && proposedRelationKind(reference, text, header)).toBe("implements");
    expect(reference && proposedRelationKind(reference, text, header, ["KH"])).toBe("refers_to");
  });

  it("reads the clause before the reference whatever its marks and case", () => {
    const text = lines(
      "CHƯƠNG TRÌNH",
      "-----",
      "a) Quán triệt và thực hiện Nghị quyết số 04-NQ/TW; cụ thể hóa Chỉ thị 05-CT/TW.",
    );
    expect(kinds(text.normalize("NFD"), proposeDocumentHeader(text))).toEqual([
      ["04", "implements"],
      ["05", "implements"],
    ]);
  });
});
