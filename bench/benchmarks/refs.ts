// Reference extraction throughput: `extractReferences` over ~5 MB of generated plan text (realistic
// sentences with a reference every few lines, plus numbers, phone numbers, amounts and dates that must
// not match). Baseline: one `String.prototype.indexOf` scan for a string that is not there, i.e. the
// cost of reading the text once. Needs no database.
import { extractReferences } from "../../packages/domain/src/index.ts";
import type { Measurement } from "../stats.ts";
import { percentile } from "../stats.ts";

const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 7;
const TARGET_MB_PER_S = 2;

const SENTENCES = [
  "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII về tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau.",
  "Tiếp tục quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với nhiệm vụ chính trị của địa phương.",
  "Các chi bộ tổ chức sinh hoạt chuyên đề theo Đề án số 02-ĐA/TU, báo cáo kết quả về Văn phòng Đảng ủy trước ngày 15/12/2025.",
  "Căn cứ Thông báo số 165-TB/UBKTTW ngày 7/12/2021 và Quy chế phối hợp 05-QC/BTCTU-BDVTU, Ủy ban Kiểm tra Đảng ủy chủ trì tham mưu.",
  "Thực hiện Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư và Quyết định số 1234/QĐ-UBND của Ủy ban nhân dân tỉnh.",
  "Đẩy mạnh thực hiện Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái.",
  "Cụ thể hóa Nghị quyết Đại hội XIV của Đảng và Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030.",
  "Kinh phí thực hiện 1.234.000 đồng mỗi chi bộ; mọi vướng mắc liên hệ đồng chí Chánh Văn phòng, điện thoại 0912 345 678.",
  "Hội nghị bắt đầu lúc 14:30 ngày 25 tháng 10 năm 2025 tại hội trường Đảng ủy, có 125 đảng viên tham dự, đạt 96,5%.",
  "Giao Ban Tổ chức Đảng ủy chủ trì, phối hợp các chi bộ trực thuộc theo dõi, đôn đốc, định kỳ 6 tháng báo cáo Ban Thường vụ.",
  "Năm 2026, phấn đấu 100% chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên, kết nạp ít nhất 12 đảng viên mới.",
];

/** Plan-like text of about `bytes` UTF-8 bytes, built from fixed sentences. */
export function generatePlanText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentence = SENTENCES[(i * 7) % SENTENCES.length] as string;
    parts.push(sentence);
    size += Buffer.byteLength(sentence) + 1;
    if (i % 5 === 4) parts.push("\n");
  }
  return parts.join(" ");
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export function refsBenchmark(): Measurement {
  const text = generatePlanText(TARGET_BYTES);
  const megabytes = Buffer.byteLength(text) / (1024 * 1024);
  let count = 0;
  extractReferences(text); // warm-up: compiles the pattern
  const extraction: number[] = [];
  const scan: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    extraction.push(
      timed(() => {
        count = extractReferences(text).length;
      }),
    );
    scan.push(timed(() => text.indexOf("\u0000never\u0000")));
  }
  const toRate = (ms: number) => megabytes / (ms / 1000);
  const rates = extraction.map(toRate);
  const sortedRates = [...rates].sort((a, b) => a - b);
  const medianRate = median(rates);
  console.error(`  ${megabytes.toFixed(1)} MB, ${count} references per run`);
  return {
    name: `reference extraction (${megabytes.toFixed(1)} MB plan text, ${count} references)`,
    database: "—",
    samples: RUNS,
    medianMs: medianRate,
    // The slowest run plays the p95 role: the worst rate seen.
    p95Ms: sortedRates[0] ?? Number.NaN,
    baselineName: "indexOf scan",
    baselineMedianMs: toRate(median(scan)),
    target: `≥ ${TARGET_MB_PER_S} MB/s`,
    met: (sortedRates[0] ?? 0) >= TARGET_MB_PER_S,
    unit: "MB/s",
  };
}
