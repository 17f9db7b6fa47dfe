// Texts of the demo province's own documents (written for Năm Rõ; no real document is copied): the
// Tỉnh ủy's plans and programmes that carry out central documents, and each commune's implementing
// plan, laid out like sample-document-texts.ts (header columns, type line and subject, body, "Nơi
// nhận:" and the signature block). Commune plans vary by a seeded stream per commune and plan:
// wording, figures, the date forms of the citations, and now and then a guidance that is not in the
// register (it becomes a placeholder when the references are linked).
import type { Random } from "./random.ts";
import type { SampleDocument } from "./sample-document-texts.ts";

const MONTHS_PADDED = (month: number) => (month < 3 ? String(month).padStart(2, "0") : String(month));

/** "Bắc Ninh, ngày 05 tháng 02 năm 2026": day below 10 and months 01–02 zero-padded. */
export function placeAndDate(place: string, isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return `${place}, ngày ${String(day).padStart(2, "0")} tháng ${MONTHS_PADDED(month)} năm ${year}`;
}

/** A date as running text writes it, in one of the forms of DOMAIN.md §3. */
export function citedDate(isoDate: string, random: Random): string {
  const [year, month, day] = isoDate.split("-") as [string, string, string];
  switch (random.int(0, 3)) {
    case 0:
      return `${day}/${month}/${year}`;
    case 1:
      return `${day}.${month}.${year}`;
    case 2:
      return `${Number(day)}-${Number(month)}-${year}`;
    default:
      return `${Number(day)} tháng ${Number(month)} năm ${year}`;
  }
}

export interface CitedPlan {
  /** "Kế hoạch số 03-KH/TU" — how the commune text names the provincial plan. */
  citation: string;
  issuedOn: string;
  /** What the provincial plan is about, after "về" ("kiểm điểm, đánh giá, xếp loại chất lượng năm 2025"). */
  about: string;
}

/** One implementing plan the province asks its communes for, and what a commune's plan says. */
export interface CommunePlanTheme {
  key: string;
  /** Type line of the commune's document. */
  typeLine: "KẾ HOẠCH" | "CHƯƠNG TRÌNH";
  /** The central document(s) the provincial plan carries out, as the commune text cites them. */
  centralCitations: (random: Random) => string;
  /** Tasks (section II), several chosen per commune. */
  tasks: readonly string[];
}

export interface CommunePlanInput {
  theme: CommunePlanTheme;
  provincePlan: CitedPlan;
  communeName: string;
  /** "xã" or "phường". */
  communeWord: string;
  symbol: string;
  issuedOn: string;
  signer: string;
  /** A provincial guidance that is not registered, cited in the text (or null). */
  unregisteredGuidance: string | null;
  random: Random;
}

const AIMS = [
  "Quán triệt sâu sắc, đầy đủ đến 100% cán bộ, đảng viên trong Đảng bộ {word} nội dung {central} và {plan}; tạo sự thống nhất cao về nhận thức và hành động.",
  "Cụ thể hóa nhiệm vụ phù hợp với tình hình thực tế của địa phương; mỗi nhiệm vụ rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả.",
  "Gắn việc thực hiện Kế hoạch với nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của {word} năm {year}; phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu.",
  "Các chi bộ trực thuộc tổ chức quán triệt nghiêm túc, xây dựng chương trình thực hiện sát với nhiệm vụ chính trị của từng chi bộ.",
];

const CLOSINGS = [
  "Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Đảng ủy định kỳ 6 tháng, hằng năm.",
  "Ủy ban Kiểm tra Đảng ủy {word} kiểm tra, giám sát việc thực hiện Kế hoạch ở các chi bộ; kịp thời phát hiện, chấn chỉnh những hạn chế.",
  "Các chi bộ trực thuộc căn cứ Kế hoạch này xây dựng chương trình thực hiện, báo cáo kết quả về Đảng ủy {word} trước ngày {reportDate}.",
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

/** The implementing plan of one commune, as a laid-out document. */
export function communePlanDocument(input: CommunePlanInput): SampleDocument {
  const { theme, provincePlan, random, communeWord } = input;
  const year = input.issuedOn.slice(0, 4);
  const committee = `Đảng ủy ${communeWord} ${input.communeName}`;
  const planCitation = `${provincePlan.citation}, ngày ${citedDate(provincePlan.issuedOn, random)} của Ban Thường vụ Tỉnh ủy`;
  const central = theme.centralCitations(random);
  const values = {
    word: communeWord,
    central,
    plan: provincePlan.citation,
    year,
    reportDate: `${random.int(10, 28)}/${random.int(6, 11)}/${year}`,
  };
  const aims = random.shuffle(AIMS).slice(0, random.int(2, 3));
  const tasks = random.shuffle(theme.tasks).slice(0, random.int(3, Math.min(5, theme.tasks.length)));
  const share = random.int(90, 100);
  const body = [
    `Thực hiện ${planCitation} về ${provincePlan.about}; căn cứ ${central}, Ban Thường vụ Đảng ủy ${communeWord} xây dựng ${theme.typeLine === "KẾ HOẠCH" ? "Kế hoạch" : "Chương trình"} thực hiện như sau:`,
    "I. MỤC ĐÍCH, YÊU CẦU",
    ...aims.map((aim, i) => `${i + 1}. ${fill(aim, values)}`),
    "II. NHIỆM VỤ, GIẢI PHÁP",
    ...tasks.map((task, i) => `${i + 1}. ${fill(task, values)}`),
    `${tasks.length + 1}. Phấn đấu ${share}% chi bộ hoàn thành tốt nhiệm vụ; không có tổ chức đảng, đảng viên vi phạm phải xử lý kỷ luật.`,
    "III. TỔ CHỨC THỰC HIỆN",
    ...(input.unregisteredGuidance
      ? [`1. Thực hiện theo ${input.unregisteredGuidance} của Tỉnh ủy và các văn bản hướng dẫn có liên quan.`]
      : []),
    ...random
      .shuffle(CLOSINGS)
      .slice(0, 2)
      .map((closing, i) => `${i + 1 + (input.unregisteredGuidance ? 1 : 0)}. ${fill(closing, values)}`),
  ];
  return {
    headerLeft: ["ĐẢNG BỘ TỈNH BẮC NINH", committee.toUpperCase(), "*", `Số ${input.symbol}`],
    headerRight: ["ĐẢNG CỘNG SẢN VIỆT NAM", placeAndDate(input.communeName, input.issuedOn)],
    title: [theme.typeLine, `thực hiện ${planCitation}`, `về ${provincePlan.about}`, "-----"],
    body,
    footerLeft: [
      "Nơi nhận:",
      "- Ban Thường vụ Tỉnh ủy (để b/c),",
      "- Các chi bộ trực thuộc,",
      "- Lưu Văn phòng Đảng ủy.",
    ],
    footerRight: random.chance(0.7)
      ? ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", input.signer]
      : ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", input.signer],
  };
}

export interface ProvinceDocumentInput {
  symbol: string;
  issuedOn: string;
  typeLine: string;
  subjectLines: readonly string[];
  opening: string;
  aims: readonly string[];
  tasks: readonly string[];
  organisation: readonly string[];
  signer: string;
}

/** A document of the Tỉnh ủy's standing committee, laid out like the commune plans. */
export function provinceDocument(input: ProvinceDocumentInput): SampleDocument {
  return {
    headerLeft: ["TỈNH ỦY BẮC NINH", "*", `Số ${input.symbol}`],
    headerRight: ["ĐẢNG CỘNG SẢN VIỆT NAM", placeAndDate("Bắc Ninh", input.issuedOn)],
    title: [input.typeLine, ...input.subjectLines, "-----"],
    body: [
      input.opening,
      "I. MỤC ĐÍCH, YÊU CẦU",
      ...input.aims.map((text, i) => `${i + 1}. ${text}`),
      "II. NHIỆM VỤ, GIẢI PHÁP",
      ...input.tasks.map((text, i) => `${i + 1}. ${text}`),
      "III. TỔ CHỨC THỰC HIỆN",
      ...input.organisation.map((text, i) => `${i + 1}. ${text}`),
    ],
    footerLeft: [
      "Nơi nhận:",
      "- Ban Bí thư Trung ương Đảng (để b/c),",
      "- Các đảng ủy trực thuộc Tỉnh ủy,",
      "- Các ban đảng, Văn phòng Tỉnh ủy,",
      "- Lưu Văn phòng Tỉnh ủy.",
    ],
    footerRight: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", input.signer],
  };
}
