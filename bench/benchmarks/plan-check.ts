// Plan checker: `checkPlan` over a generated 50-page draft plan (a page is taken as 3,000 characters,
// an A4 page of 14 pt body text), built from realistic task sentences under the usual headings: numbered
// items, sub-items with label lines, citations with dates, tasks without a lead or a deadline. Target:
// ≤ 1 s for the 50 pages. Baseline: folding the whole text once to its search key (toSearchKey), the
// cost of reading the text once. Needs no database.
import { checkPlan, toSearchKey } from "../../packages/domain/src/index.ts";
import { type Measurement, measurement, time } from "../stats.ts";

const PAGES = 50;
const PAGE_CHARS = 3_000;
const RUNS = 7;
const TARGET_MS = 1_000;

const HEADER = [
  "TỈNH ỦY BẮC NINH",
  "*",
  "Số 12-KH/TU",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "Bắc Ninh, ngày 05 tháng 02 năm 2026",
  "KẾ HOẠCH",
  "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị Trung ương 4 khóa XIII",
  "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "1. Quán triệt sâu sắc, đầy đủ nội dung Kết luận; gắn với thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.",
  "2. Các cấp ủy xây dựng kế hoạch cụ thể hóa, rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả.",
  "II. NHIỆM VỤ, GIẢI PHÁP",
];

const GROUP = "Công tác xây dựng Đảng về chính trị, tư tưởng (hoàn thành trong quý II/2026)";
const TASKS = [
  "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy và UBKTTU tham mưu Ban Thường vụ Tỉnh ủy ban hành quy chế làm việc, trình trước ngày 30/6/2026.",
  "BTGDVTU biên soạn tài liệu hỏi - đáp về Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị, phát hành đến 100% chi bộ.",
  "Các đảng ủy trực thuộc Tỉnh ủy rà soát, bổ sung quy hoạch cấp ủy; thời gian: như trên.",
  "Các đảng ủy trực thuộc kết nạp ít nhất 1.200 đảng viên mới trong năm 2026; báo cáo kết quả về Ban Tổ chức Tỉnh ủy trước 15/12.",
  "Đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy chịu trách nhiệm tổ chức kiểm tra việc thực hiện Quy định số 37-QĐ/TW tại 5 đảng bộ trực thuộc; báo cáo kết quả định kỳ hằng quý.",
  "Các cơ quan liên quan thường xuyên phối hợp thực hiện tốt Kế hoạch.",
  "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh tăng cường giám sát, phản biện xã hội, nâng cao chất lượng hoạt động.",
  "Văn phòng Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.\nCuối mỗi quý, Văn phòng Tỉnh ủy tổng hợp tình hình, báo cáo Thường trực Tỉnh ủy; tổng hợp báo cáo tổng kết trước ngày 15 tháng 12 năm 2026.",
];
const LABELLED = [
  "- Kiểm tra Chi bộ Khu phố 3 về việc lãnh đạo thực hiện nhiệm vụ chính trị năm 2026.",
  "+ Chủ trì: UBKT Đảng ủy.",
  "+ Phối hợp: Văn phòng Đảng ủy, Chi bộ Khu phố 3.",
  "+ Thời gian: quý III/2026.",
  "+ Sản phẩm: thông báo kết luận kiểm tra.",
];
const FOOTER = [
  "Nơi nhận:",
  "- Các đảng ủy trực thuộc,",
  "- Lưu VPTU.",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  "Nguyễn Văn Hùng",
];

/** A draft plan of about `pages` pages, in numbered groups of tasks. */
export function generatePlan(pages: number): string {
  const lines = [...HEADER];
  let size = lines.join("\n").length;
  for (let group = 1; size < pages * PAGE_CHARS; group++) {
    const block = [
      `${group}. ${GROUP}`,
      ...TASKS.map((task, i) => `${String.fromCharCode(97 + i)}) ${task}`),
      ...LABELLED,
    ];
    lines.push(...block);
    size += block.join("\n").length + 1;
  }
  lines.push(
    "III. TỔ CHỨC THỰC HIỆN",
    "Ban Tổ chức Tỉnh ủy theo dõi, hướng dẫn; định kỳ hằng quý báo cáo Ban Thường vụ Tỉnh ủy.",
    ...FOOTER,
  );
  return lines.join("\n");
}

export async function planCheckBenchmark(): Promise<Measurement> {
  const text = generatePlan(PAGES);
  const pages = text.length / PAGE_CHARS;
  let tasks = 0;
  // one unmeasured run compiles the patterns
  const checks = await time(
    async () => {
      tasks = checkPlan(text).length;
    },
    RUNS,
    1,
  );
  const scans = await time(async () => toSearchKey(text), RUNS, 1);
  const pagesPerSecond = pages / (checks.median / 1000);
  console.error(
    `  ${pages.toFixed(1)} pages (${text.length} characters), ${tasks} tasks, ${pagesPerSecond.toFixed(0)} pages/s`,
  );
  return measurement(
    `plan check (${pages.toFixed(0)}-page plan, ${tasks} tasks; ${pagesPerSecond.toFixed(0)} pages/s)`,
    "—",
    checks,
    "toSearchKey of the text",
    scans,
    TARGET_MS,
  );
}
