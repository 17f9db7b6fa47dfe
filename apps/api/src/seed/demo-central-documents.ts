// The central documents the demo register holds (DOMAIN.md names them): subjects as published where
// they are well known; otherwise a plain description of the document's matter and no date.

export type CentralKey =
  | "NQ04"
  | "CT05"
  | "KL21"
  | "QD37"
  | "QD69"
  | "QD296"
  | "QDI11"
  | "KL215"
  | "QC08"
  | "QD366"
  | "HD43"
  | "HD36"
  | "NQDH14"
  | "ND30";

export interface CentralDef {
  key: CentralKey;
  typeAbbreviation: string;
  typeName: string;
  number: string | null;
  issuer: string;
  /** Central Committee term (khóa) whose series the number belongs to; null for other issuers. */
  term: string | null;
  issuedOn: string | null;
  subject: string;
  status?: "in_force" | "amended";
  citation?: { text: string; key: string };
}

export const CENTRAL: readonly CentralDef[] = [
  {
    key: "NQ04",
    typeAbbreviation: "NQ",
    typeName: "Nghị quyết",
    number: "04",
    issuer: "TW",
    term: "XII",
    issuedOn: "2016-10-30",
    subject:
      "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    citation: { text: "Nghị quyết Trung ương 4 (khóa XII)", key: "NQ|plenum:4|term:XII" },
  },
  {
    key: "CT05",
    typeAbbreviation: "CT",
    typeName: "Chỉ thị",
    number: "05",
    issuer: "TW",
    term: "XII",
    issuedOn: "2016-05-15",
    subject: "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  },
  {
    key: "KL21",
    typeAbbreviation: "KL",
    typeName: "Kết luận",
    number: "21",
    issuer: "TW",
    term: "XIII",
    issuedOn: "2021-10-25",
    subject:
      "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”",
  },
  {
    key: "QD37",
    typeAbbreviation: "QĐ",
    typeName: "Quy định",
    number: "37",
    issuer: "TW",
    term: "XIII",
    issuedOn: "2021-10-25",
    subject: "Về những điều đảng viên không được làm",
  },
  {
    key: "QDI11",
    typeAbbreviation: "QĐi",
    typeName: "Quy định",
    number: "11",
    issuer: "TW",
    term: "XII",
    issuedOn: "2019-02-18",
    subject:
      "Về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân",
    status: "amended",
  },
  {
    key: "QD69",
    typeAbbreviation: "QĐ",
    typeName: "Quy định",
    number: "69",
    issuer: "TW",
    term: "XIII",
    issuedOn: "2022-07-06",
    subject: "Về kỷ luật tổ chức đảng, đảng viên vi phạm",
    status: "amended",
  },
  {
    key: "QD296",
    typeAbbreviation: "QĐ",
    typeName: "Quy định",
    number: "296",
    issuer: "TW",
    term: "XIII",
    issuedOn: null,
    subject: "Về công tác kiểm tra, giám sát và kỷ luật của Đảng",
  },
  {
    key: "KL215",
    typeAbbreviation: "KL",
    typeName: "Kết luận",
    number: "215",
    issuer: "TW",
    term: "XIII",
    issuedOn: null,
    subject: "Sửa đổi, bổ sung quy định về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân",
  },
  {
    key: "QC08",
    typeAbbreviation: "QC",
    typeName: "Quy chế",
    number: "08",
    issuer: "TW",
    term: "XIII",
    issuedOn: null,
    subject: "Về theo dõi, đánh giá việc thực hiện nhiệm vụ trên hệ thống dữ liệu số",
  },
  {
    key: "QD366",
    typeAbbreviation: "QĐ",
    typeName: "Quy định",
    number: "366",
    issuer: "TW",
    term: "XIII",
    issuedOn: "2025-08-30",
    subject:
      "Về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
  },
  {
    key: "HD43",
    typeAbbreviation: "HD",
    typeName: "Hướng dẫn",
    number: "43",
    issuer: "BTCTW",
    term: null,
    issuedOn: "2025-10-31",
    subject: "Thực hiện kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân theo Quy định số 366-QĐ/TW",
  },
  {
    key: "HD36",
    typeAbbreviation: "HD",
    typeName: "Hướng dẫn",
    number: "36",
    issuer: "VPTW",
    term: null,
    issuedOn: "2018-04-03",
    subject: "Về thể thức và kỹ thuật trình bày văn bản của Đảng",
  },
  {
    key: "NQDH14",
    typeAbbreviation: "NQ",
    typeName: "Nghị quyết",
    number: null,
    issuer: "TW",
    term: null,
    issuedOn: "2026-01-23",
    subject: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    citation: { text: "Nghị quyết Đại hội XIV", key: "NQ|congress:XIV" },
  },
  {
    key: "ND30",
    typeAbbreviation: "NĐ",
    typeName: "Nghị định",
    number: "30/2020",
    issuer: "CP",
    term: null,
    issuedOn: "2020-03-05",
    subject: "Về công tác văn thư",
  },
];
