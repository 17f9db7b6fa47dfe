import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PARTY_DOCUMENT_TYPES, DEFAULT_PARTY_ISSUERS } from "./document-types.ts";
import { type DocumentReference, extractReferences } from "./reference-extractor.ts";

const NONE = { date: null, plenum: null, term: null, congress: null };

/** The one reference found in `text`, without its position. */
function only(text: string): Omit<DocumentReference, "start" | "end"> {
  const found = extractReferences(text);
  expect(found, text).toHaveLength(1);
  const { start: _s, end: _e, ...rest } = found[0] as DocumentReference;
  return rest;
}

describe("numbered Party documents", () => {
  it.each([
    [
      "Kết luận số 21-KL/TW, ngày 25.10.2021",
      { system: "party", type: "KL", number: "21", issuer: "TW", date: "2021-10-25" },
    ],
    ["Chỉ thị 05-CT/TW", { system: "party", type: "CT", number: "05", issuer: "TW" }],
    ["Đề án số 02-ĐA/TU", { type: "ĐA", number: "02", issuer: "TU" }],
    [
      "Thông báo số 165-TB/UBKTTW ngày 7/12/2021",
      { type: "TB", number: "165", issuer: "UBKTTW", date: "2021-12-07" },
    ],
    ["Quy chế 05-QC/BTCTU-BDVTU", { type: "QC", number: "05", issuer: "BTCTU-BDVTU" }],
    ["Quy định số 366-QĐ/TW", { type: "QĐ", number: "366", issuer: "TW" }],
    ["Hướng dẫn 43-HD/BTCTW", { type: "HD", number: "43", issuer: "BTCTW" }],
    ["Tờ trình số 12-TTr/ThU", { type: "TTr", number: "12", issuer: "ThU" }],
    ["Kế hoạch số 09-KH/ĐU", { type: "KH", number: "09", issuer: "ĐU" }],
    ["Nghị quyết số: 04-NQ/TW", { type: "NQ", number: "04", issuer: "TW" }],
    ["21-KL/TW", { type: "KL", number: "21", issuer: "TW" }],
    ["Số 21-KL/TW", { type: "KL", number: "21", issuer: "TW" }],
  ])("%s", (text, expected) => {
    const found = only(text);
    expect(found).toMatchObject({ ...NONE, system: "party", ...expected });
    expect(found.text).toBe(text === "Số 21-KL/TW" ? "21-KL/TW" : text);
  });

  it("keeps 'của Bộ Chính trị' out of the span unless a date follows it", () => {
    expect(only("theo Chỉ thị 05-CT/TW của Bộ Chính trị về học tập").text).toBe("Chỉ thị 05-CT/TW");
    expect(only("theo Chỉ thị 05-CT/TW của Bộ Chính trị ngày 15/5/2016 về học tập")).toMatchObject({
      text: "Chỉ thị 05-CT/TW của Bộ Chính trị ngày 15/5/2016",
      date: "2016-05-15",
    });
  });

  it("takes the plenum and term that follow a number", () => {
    expect(
      only("Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII về"),
    ).toMatchObject({
      text: "Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII",
      number: "21",
      date: "2021-10-25",
      plenum: 4,
      term: "XIII",
    });
    expect(
      only(
        "Nghị quyết số 18-NQ/TW, ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng (khóa XII)",
      ),
    ).toMatchObject({ number: "18", date: "2017-10-25", plenum: 6, term: "XII" });
    expect(only("Nghị quyết 04-NQ/TW khóa XII")).toMatchObject({ number: "04", plenum: null, term: "XII" });
  });
});

describe("state documents", () => {
  it.each([
    ["Nghị định 30/2020/NĐ-CP", { type: "NĐ", number: "30/2020", issuer: "CP" }],
    ["Quyết định số 1234/QĐ-UBND", { type: "QĐ", number: "1234", issuer: "UBND" }],
    ["Thông tư số 01/2021/TT-BNV", { type: "TT", number: "01/2021", issuer: "BNV" }],
    ["Thông tư liên tịch 05/2019/TTLT-BTC-BNV", { type: "TTLT", number: "05/2019", issuer: "BTC-BNV" }],
    [
      "Quyết định số 138/QĐ-TTg ngày 05/02/2024",
      { type: "QĐ", number: "138", issuer: "TTg", date: "2024-02-05" },
    ],
    ["30/2020/NĐ-CP", { type: "NĐ", number: "30/2020", issuer: "CP" }],
  ])("%s", (text, expected) => {
    expect(only(text)).toMatchObject({ ...NONE, text, system: "state", ...expected });
  });

  it("attaches a date after the issuing body", () => {
    expect(only("Nghị định số 30/2020/NĐ-CP của Chính phủ ngày 05/3/2020 về công tác văn thư")).toMatchObject(
      {
        text: "Nghị định số 30/2020/NĐ-CP của Chính phủ ngày 05/3/2020",
        date: "2020-03-05",
      },
    );
  });
});

describe("documents named by plenum or congress", () => {
  it.each([
    ["Nghị quyết Trung ương 4 (khóa XII)", { plenum: 4, term: "XII" }],
    ["Nghị quyết Trung ương 4 khóa XII", { plenum: 4, term: "XII" }],
    ["Nghị quyết Trung ương 4 khoá XII", { plenum: 4, term: "XII" }],
    ["Nghị quyết Hội nghị Trung ương 8 khóa XIII", { plenum: 8, term: "XIII" }],
    ["Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", { plenum: 4, term: "XII" }],
    [
      "Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương Đảng (khóa XII)",
      { plenum: 12, term: "XII" },
    ],
    ["Nghị quyết Hội nghị Trung ương lần thứ 5 khóa 13", { plenum: 5, term: "XIII" }],
    ["Nghị quyết Trung ương 7", { plenum: 7, term: null }],
    ["Kết luận Hội nghị Trung ương 6 (khóa XIII)", { type: "KL", plenum: 6, term: "XIII" }],
  ])("%s", (text, expected) => {
    expect(only(text)).toMatchObject({
      ...NONE,
      text,
      system: "party",
      type: "NQ",
      number: null,
      issuer: "TW",
      ...expected,
    });
  });

  it.each([
    ["Nghị quyết Đại hội XIV", "XIV"],
    ["Nghị quyết Đại hội XIII của Đảng", "XIII"],
    ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "XIII"],
    ["Nghị quyết Đại hội Đảng toàn quốc lần thứ XII", "XII"],
    ["Nghị quyết Đại hội 13", "XIII"],
  ])("%s", (text, congress) => {
    expect(only(text)).toMatchObject({ ...NONE, text, type: "NQ", number: null, issuer: "TW", congress });
  });

  it("does not take a local congress for a national one", () => {
    expect(extractReferences("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI")).toEqual([]);
    expect(extractReferences("Nghị quyết Đại hội lần thứ XVI Đảng bộ tỉnh")).toEqual([]);
  });

  it("does not take a year for a plenum", () => {
    expect(extractReferences("Nghị quyết Hội nghị Trung ương năm 2016")).toEqual([]);
  });
});

describe("dates", () => {
  it.each([
    ["Kết luận số 21-KL/TW, ngày 25.10.2021", "2021-10-25"],
    ["Kết luận số 21-KL/TW, ngày 25/10/2021", "2021-10-25"],
    ["Kết luận số 21-KL/TW, ngày 25-10-2021", "2021-10-25"],
    ["Kết luận số 21-KL/TW ngày 25 tháng 10 năm 2021", "2021-10-25"],
    ["Kết luận số 21-KL/TW (25/10/2021)", "2021-10-25"],
    ["Kết luận số 21-KL/TW ban hành ngày 05/02/2021", "2021-02-05"],
    ["Kết luận số 21-KL/TW ký ngày 5.2.2021", "2021-02-05"],
    ["Nghị quyết Trung ương 4 (khóa XII) ngày 30/10/2016", "2016-10-30"],
  ])("%s", (text, date) => {
    expect(only(text)).toMatchObject({ text, date });
  });

  it("ignores a date that is not a calendar date or mixes separators", () => {
    expect(only("Kết luận số 21-KL/TW, ngày 31/02/2021 về")).toMatchObject({ date: null });
    expect(only("Kết luận số 21-KL/TW, ngày 25/10.2021 về")).toMatchObject({
      text: "Kết luận số 21-KL/TW",
      date: null,
    });
  });

  it("does not attach a date that a sentence break separates", () => {
    expect(only("Kết luận số 21-KL/TW. Ngày 25/10/2021 chi bộ họp")).toMatchObject({
      text: "Kết luận số 21-KL/TW",
      date: null,
    });
  });
});

describe("no false positives", () => {
  it.each([
    "Tổng số 1234 đảng viên, 56 chi bộ, tỷ lệ 98,5%.",
    "Liên hệ đồng chí Hùng, điện thoại 0912 345 678 hoặc 0912.345.678 hoặc 024-3845-1234.",
    "Kinh phí 1.234.000 đồng, tương đương 1,2 triệu đồng.",
    "Ngày 25/10/2021, ngày 25.10.2021, ngày 25-10-2021 và ngày 25 tháng 10 năm 2021.",
    "Họp lúc 14:30, kết thúc 16h30, từ 7-9 giờ sáng.",
    "Nhiệm kỳ 2025-2030, giai đoạn 2021/2025, mục 3.2.1, trang 12-15.",
    "Nghị quyết của chi bộ được thông qua với 100% đảng viên tán thành.",
    "Hội nghị Trung ương năm 2016 đã bàn nhiều nội dung quan trọng.",
    "Khoản 2 Điều 5, điểm a/b, tỷ lệ 3/4 số phiếu.",
    "",
  ])("%j", (text) => {
    expect(extractReferences(text)).toEqual([]);
  });
});

const PLAN = `ĐẢNG BỘ TỈNH QUẢNG NINH
ĐẢNG ỦY XÃ TÂN HƯNG
*
Số 15-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM
Tân Hưng, ngày 05 tháng 02 năm 2026

KẾ HOẠCH
thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII

Căn cứ Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng; Kế hoạch số 30-KH/TU ngày 12/01/2022 của Ban Thường vụ Tỉnh ủy; Nghị quyết Đại hội XIV của Đảng, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:

1. Các chi bộ tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05-CT/TW của Bộ Chính trị; thực hiện nghiêm Quy định số 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW.
2. Văn phòng Đảng ủy thực hiện công tác văn thư theo Nghị định 30/2020/NĐ-CP và Quyết định số 1234/QĐ-UBND; kinh phí 12.500.000 đồng; liên hệ 0912 345 678.
3. Ủy ban Kiểm tra Đảng ủy thực hiện Thông báo số 165-TB/UBKTTW ngày 7/12/2021; báo cáo trước ngày 30/6/2026 lúc 16:00.`;

describe("a whole plan", () => {
  it("finds each reference once, in order, with its fields", () => {
    const found = extractReferences(PLAN);
    expect(found.map((r) => [r.type, r.number, r.issuer, r.date, r.plenum, r.term, r.congress])).toEqual([
      ["KH", "15", "ĐU", null, null, null, null],
      ["KL", "21", "TW", "2021-10-25", 4, "XIII", null],
      ["KL", "21", "TW", "2021-10-25", 4, "XIII", null],
      ["KH", "30", "TU", "2022-01-12", null, null, null],
      ["NQ", null, "TW", null, null, null, "XIV"],
      ["NQ", null, "TW", null, 4, "XII", null],
      ["CT", "05", "TW", null, null, null, null],
      ["QĐ", "366", "TW", null, null, null, null],
      ["HD", "43", "BTCTW", null, null, null, null],
      ["NĐ", "30/2020", "CP", null, null, null, null],
      ["QĐ", "1234", "UBND", null, null, null, null],
      ["TB", "165", "UBKTTW", "2021-12-07", null, null, null],
    ]);
    for (const r of found) expect(PLAN.slice(r.start, r.end)).toBe(r.text);
  });

  it("gives the same references for NFD input, with offsets into that input", () => {
    const nfd = PLAN.normalize("NFD");
    const found = extractReferences(nfd);
    const strip = ({ text, start: _s, end: _e, ...rest }: DocumentReference) => ({
      ...rest,
      text: text.normalize("NFC"),
    });
    expect(found.map(strip)).toEqual(extractReferences(PLAN).map(strip));
    for (const r of found) expect(nfd.slice(r.start, r.end)).toBe(r.text);
  });
});

// --- properties ---------------------------------------------------------------------------------------

const FILLER_WORDS = [
  "đảng",
  "viên",
  "chi",
  "bộ",
  "xã",
  "thực",
  "hiện",
  "nghiêm",
  "túc",
  "tăng",
  "cường",
  "kiểm",
  "tra",
  "giám",
  "sát",
  "2025",
  "125",
  "0912 345 678",
  "1.234.000 đồng",
  "25/10/2021",
  "14:30",
  "12-15",
  "Ủy",
  "ban",
  "Tỉnh",
  "ủy",
  "(",
  ")",
  ";",
  ":",
  "\n",
];
const filler = fc.array(fc.constantFrom(...FILLER_WORDS), { maxLength: 30 }).map((words) => words.join(" "));

const partyTypes = [...new Set(DEFAULT_PARTY_DOCUMENT_TYPES.map((t) => t.abbreviation))];
const issuers = DEFAULT_PARTY_ISSUERS.map((i) => i.code);
const dateForms = fc.constantFrom(
  "",
  ", ngày 25.10.2021",
  " ngày 25/10/2021",
  " ngày 25-10-2021",
  " ngày 25 tháng 10 năm 2021",
);
const numberedParty = fc
  .record({
    name: fc.constantFrom("", "Nghị quyết ", "Kết luận số ", "Chỉ thị ", "Đề án số ", "Kế hoạch số "),
    number: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(2, "0")),
    type: fc.constantFrom(...partyTypes),
    issuers: fc.uniqueArray(fc.constantFrom(...issuers), { minLength: 1, maxLength: 2 }),
    date: dateForms,
  })
  .map(({ name, number, type, issuers: codes, date }) => ({
    text: `${name}${number}-${type}/${codes.join("-")}${date}`,
    number,
    type,
    issuer: codes.join("-"),
    date: date === "" ? null : "2021-10-25",
  }));
const others = fc.constantFrom(
  { text: "Nghị định 30/2020/NĐ-CP", number: "30/2020", type: "NĐ", issuer: "CP", date: null },
  {
    text: "Quyết định số 1234/QĐ-UBND ngày 25/10/2021",
    number: "1234",
    type: "QĐ",
    issuer: "UBND",
    date: "2021-10-25",
  },
  { text: "Nghị quyết Trung ương 4 (khóa XII)", number: null, type: "NQ", issuer: "TW", date: null },
  { text: "Nghị quyết Đại hội XIV", number: null, type: "NQ", issuer: "TW", date: null },
);
const reference = fc.oneof(numberedParty, others);

describe("properties", () => {
  it("never throws, and every result is its own slice, in order, without overlap", () => {
    const pieces = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "21-KL/TW",
        "Nghị quyết ",
        "ngày 25/10/2021",
        " khóa XII",
        "30/2020/NĐ-CP",
        "Trung ương 4",
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const input = parts.join("");
        for (const text of [input, input.normalize("NFD")]) {
          const found = extractReferences(text);
          let previousEnd = 0;
          for (const r of found) {
            if (r.text !== text.slice(r.start, r.end)) return false;
            if (r.start < previousEnd || r.end <= r.start) return false;
            previousEnd = r.end;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("finds a reference put into filler text at the place it was put", () => {
    fc.assert(
      fc.property(filler, reference, filler, (before, ref, after) => {
        const input = `${before} ${ref.text}. ${after}`;
        const found = extractReferences(input);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({
          text: ref.text,
          start: before.length + 1,
          end: before.length + 1 + ref.text.length,
          number: ref.number,
          type: ref.type,
          issuer: ref.issuer,
          date: ref.date,
        });
      }),
    );
  });

  it("finds the same references in NFD input", () => {
    fc.assert(
      fc.property(filler, reference, filler, (before, ref, after) => {
        const input = `${before} ${ref.text}. ${after}`.normalize("NFD");
        const found = extractReferences(input);
        expect(found).toHaveLength(1);
        const hit = found[0] as DocumentReference;
        expect(hit.text.normalize("NFC")).toBe(ref.text);
        expect(input.slice(hit.start, hit.end)).toBe(hit.text);
        expect(hit).toMatchObject({ number: ref.number, type: ref.type, issuer: ref.issuer, date: ref.date });
      }),
    );
  });
});
