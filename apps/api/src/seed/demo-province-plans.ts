// The Tỉnh ủy's plans and programmes in the demo that require every commune committee to issue its
// own by a deadline, with their texts, what the communes' plans say, and how often communes issue
// theirs on time, late or not at all. The last plan is dated from "today": its deadline is still ahead.

import type { CentralKey } from "./demo-central-documents.ts";
import { type CommunePlanTheme, citedDate, provinceDocument } from "./demo-document-texts.ts";
import { createRandom, type Random } from "./random.ts";
import { PROVINCE_PLAN_12_KH_TU, type SampleDocument } from "./sample-document-texts.ts";

export const PROVINCE_SIGNER = "Trần Văn Minh";

/** A provincial plan that requires every commune committee to issue its own by a deadline. */
export interface CascadedPlan {
  key: string;
  typeAbbreviation: "KH" | "CTr";
  typeName: "Kế hoạch" | "Chương trình";
  number: number;
  issuedOn: string;
  deadline: string;
  subject: string;
  /** "kiểm điểm, …" — what commune texts say the plan is about. */
  about: string;
  implements: readonly CentralKey[];
  text: SampleDocument;
  theme: CommunePlanTheme;
  /** Share of communes that issue theirs on time, late (the rest: none). */
  onTime: number;
  late: number;
  /** Communes that must issue theirs on time / must not have issued one (demo stories). */
  fixed?: Record<string, "on_time" | "late" | "missing">;
  /** A guidance cited by some commune plans that is not registered (becomes a placeholder). */
  unregisteredGuidance?: { citation: string; share: number };
}

const REVIEW_TASKS = [
  "Các chi bộ tổ chức kiểm điểm tập thể và cá nhân đảng viên nghiêm túc, đúng quy trình; gắn kiểm điểm với làm rõ trách nhiệm đối với những hạn chế, khuyết điểm đã được chỉ ra.",
  "Đánh giá, xếp loại chất lượng theo thang điểm 100, trên cơ sở kết quả thực hiện nhiệm vụ được lượng hóa; bảo đảm khách quan, công khai, dân chủ.",
  "Đảng viên tự đánh giá theo mẫu, đối chiếu cam kết tu dưỡng, rèn luyện đầu năm và các biểu hiện suy thoái theo Nghị quyết Trung ương 4 (khóa XII).",
  "Ban Thường vụ Đảng ủy {word} thẩm định kết quả xếp loại của các chi bộ; tổng hợp báo cáo Ban Thường vụ Tỉnh ủy đúng thời hạn.",
  "Thực hiện nghiêm Quy định số 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm đối với những trường hợp phát hiện vi phạm qua kiểm điểm.",
];

const BUILDING_TASKS = [
  "Nâng cao chất lượng sinh hoạt chi bộ, bảo đảm 100% chi bộ sinh hoạt thường kỳ mỗi tháng một lần và sinh hoạt chuyên đề ít nhất một lần mỗi quý.",
  "Làm tốt công tác phát triển đảng viên; phấn đấu kết nạp từ {admit} đảng viên mới trở lên trong năm, chú trọng đoàn viên thanh niên ưu tú ở các thôn, khu phố.",
  "Thực hiện nghiêm Quy định số 37-QĐ/TW về những điều đảng viên không được làm; phát huy vai trò nêu gương của cán bộ, đảng viên.",
  "Đẩy mạnh chuyển đổi số trong công tác đảng; cập nhật đầy đủ, kịp thời dữ liệu đảng viên và văn bản của Đảng ủy trên hệ thống.",
  "Thực hiện tốt việc tiếp dân, đối thoại trực tiếp với Nhân dân theo Quy định số 11-QĐi/TW; giải quyết dứt điểm các phản ánh, kiến nghị ngay từ cơ sở.",
  "Thực hiện công tác văn thư, lưu trữ theo Nghị định 30/2020/NĐ-CP của Chính phủ và Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng.",
];

const KL21_TASKS = [
  "Tổ chức sinh hoạt chuyên đề về xây dựng, chỉnh đốn Đảng ở 100% chi bộ trong quý II năm {year}; gắn với kiểm điểm tự phê bình và phê bình.",
  "Ủy ban Kiểm tra Đảng ủy {word} xây dựng chương trình kiểm tra, giám sát năm {year}, tập trung vào những nơi có biểu hiện suy thoái, “tự diễn biến”, “tự chuyển hóa”.",
  "Kiên quyết xử lý nghiêm cán bộ, đảng viên vi phạm theo Quy định số 69-QĐ/TW; công khai kết quả xử lý để giáo dục, răn đe.",
  "Thực hiện nghiêm Quy định số 37-QĐ/TW về những điều đảng viên không được làm; mỗi đảng viên đăng ký nội dung tu dưỡng, rèn luyện.",
  "Phát huy vai trò giám sát của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội {word} đối với cán bộ, đảng viên.",
];

const CONGRESS_TASKS = [
  "Tổ chức học tập, quán triệt Nghị quyết Đại hội XIV của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh cho 100% cán bộ, đảng viên; hoàn thành trong quý II năm {year}.",
  "Xác định các chỉ tiêu chủ yếu của {word} giai đoạn 2026 - 2030: thu nhập bình quân đầu người, tỷ lệ hộ nghèo, tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ.",
  "Tuyên truyền sâu rộng kết quả Đại hội trên hệ thống thông tin cơ sở, trang thông tin điện tử và các nhóm mạng xã hội của thôn, khu phố.",
  "Đăng ký công việc đột phá của tập thể Ban Thường vụ và của từng đồng chí cấp ủy viên; lấy kết quả thực hiện làm căn cứ đánh giá cuối năm.",
  "Đẩy mạnh cải cách hành chính, chuyển đổi số, xây dựng chính quyền {word} phục vụ Nhân dân.",
];

const HCM_TASKS = [
  "Tổ chức học tập chuyên đề năm {year} về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh cho 100% cán bộ, đảng viên.",
  "Mỗi chi bộ lựa chọn ít nhất một mô hình, điển hình làm theo gương Bác; biểu dương, nhân rộng các điển hình tiêu biểu.",
  "Cán bộ, đảng viên xây dựng kế hoạch làm theo của cá nhân, gắn với cam kết không suy thoái và đánh giá chất lượng cuối năm.",
  "Đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ thường kỳ; chi bộ định kỳ đánh giá việc thực hiện.",
];

const REVIEW_THEME = (year: string): CommunePlanTheme => ({
  key: `kiem-diem-${year}`,
  typeLine: "KẾ HOẠCH",
  centralCitations: (r) =>
    `Quy định số 366-QĐ/TW, ngày ${citedDate("2025-08-30", r)} và Hướng dẫn số 43-HD/BTCTW, ngày ${citedDate("2025-10-31", r)} của Ban Tổ chức Trung ương`,
  tasks: REVIEW_TASKS,
});

function reviewPlanText(symbol: string, issuedOn: string, year: string, deadline: string): SampleDocument {
  return provinceDocument({
    symbol,
    issuedOn,
    typeLine: "KẾ HOẠCH",
    subjectLines: [`kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${year}`],
    opening: `Căn cứ Quy định số 366-QĐ/TW, ngày 30/8/2025 về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị và Hướng dẫn số 43-HD/BTCTW, ngày 31.10.2025 của Ban Tổ chức Trung ương, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng năm ${year} như sau:`,
    aims: [
      "Kiểm điểm, đánh giá đúng thực chất kết quả thực hiện nhiệm vụ của tập thể, cá nhân; làm rõ ưu điểm, hạn chế, khuyết điểm và trách nhiệm của người đứng đầu.",
      "Kết quả đánh giá, xếp loại là căn cứ để bố trí, sử dụng, đào tạo, bồi dưỡng, khen thưởng cán bộ; không chạy theo thành tích.",
    ],
    tasks: [
      "Tập thể, cá nhân kiểm điểm gắn với kết quả khắc phục những hạn chế, khuyết điểm được chỉ ra qua kiểm điểm năm trước và qua kiểm tra, giám sát.",
      "Chấm điểm theo khung tiêu chí: tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm; xếp loại theo bốn mức.",
      "Đảng viên tự đánh giá việc ngăn chặn, đẩy lùi những biểu hiện suy thoái theo Nghị quyết Trung ương 4 (khóa XII) và Kết luận số 21-KL/TW, ngày 25/10/2021.",
    ],
    organisation: [
      `Các đảng ủy xã, phường xây dựng kế hoạch cụ thể hóa, ban hành trước ngày ${citedDate(deadline, createRandom(symbol))}; hoàn thành kiểm điểm ở chi bộ trước ngày 31/12/${year}.`,
      "Ban Tổ chức Tỉnh ủy hướng dẫn, theo dõi, tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy.",
    ],
    signer: PROVINCE_SIGNER,
  });
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The plans the Tỉnh ủy has cascaded to its communes; the last is dated from `today`. */
export function cascadedPlans(today: string): CascadedPlan[] {
  const recentIssued = addDays(today, -12);
  const recentYear = recentIssued.slice(0, 4);
  const recentNumber = 20 + Math.floor(daysBetween(`${recentYear}-01-01`, recentIssued) / 10);
  const recentSymbol = `${recentNumber}-KH/TU`;
  const recentDeadline = addDays(today, 18);
  return [
    {
      key: "kiem-diem-2025",
      typeAbbreviation: "KH",
      typeName: "Kế hoạch",
      number: 3,
      issuedOn: "2025-11-18",
      deadline: "2025-12-10",
      subject: "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025",
      about: "kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025",
      implements: ["QD366"],
      text: reviewPlanText("03-KH/TU", "2025-11-18", "2025", "2025-12-10"),
      theme: REVIEW_THEME("2025"),
      onTime: 0.75,
      late: 0.17,
      fixed: { "BN-001": "on_time" },
    },
    {
      key: "xay-dung-dang-2026",
      typeAbbreviation: "KH",
      typeName: "Kế hoạch",
      number: 5,
      issuedOn: "2026-01-08",
      deadline: "2026-01-31",
      subject: "Công tác xây dựng Đảng năm 2026",
      about: "công tác xây dựng Đảng năm 2026",
      implements: ["KL21"],
      text: provinceDocument({
        symbol: "05-KH/TU",
        issuedOn: "2026-01-08",
        typeLine: "KẾ HOẠCH",
        subjectLines: ["công tác xây dựng Đảng năm 2026"],
        opening:
          "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII và tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII), Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch công tác xây dựng Đảng năm 2026 như sau:",
        aims: [
          "Xây dựng tổ chức đảng ở xã, phường sau sắp xếp thực sự trong sạch, vững mạnh; bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.",
          "Mỗi nhiệm vụ được giao rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả; kiểm tra, đôn đốc thường xuyên.",
        ],
        tasks: [
          "Nâng cao chất lượng sinh hoạt chi bộ theo Đề án số 02-ĐA/TU; 100% chi bộ sinh hoạt thường kỳ hằng tháng.",
          "Phát triển đảng viên: phấn đấu kết nạp trên 2.000 đảng viên mới trong toàn Đảng bộ tỉnh.",
          "Thực hiện nghiêm Quy định số 37-QĐ/TW về những điều đảng viên không được làm và Chỉ thị 05-CT/TW của Bộ Chính trị.",
          "Đẩy mạnh chuyển đổi số trong các cơ quan đảng; công tác văn thư thực hiện theo Hướng dẫn số 36-HD/VPTW.",
        ],
        organisation: [
          "Các đảng ủy xã, phường xây dựng kế hoạch của cấp mình, ban hành trước ngày 31/01/2026, gửi về Văn phòng Tỉnh ủy.",
          "Ban Tổ chức Tỉnh ủy theo dõi, tổng hợp; sơ kết 6 tháng, tổng kết cuối năm.",
        ],
        signer: PROVINCE_SIGNER,
      }),
      theme: {
        key: "xay-dung-dang-2026",
        typeLine: "KẾ HOẠCH",
        centralCitations: (r) =>
          r.chance(0.5)
            ? `Kết luận số 21-KL/TW, ngày ${citedDate("2021-10-25", r)} của Hội nghị Trung ương 4 khóa XIII`
            : "Nghị quyết Trung ương 4 (khóa XII) và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng",
        tasks: BUILDING_TASKS,
      },
      onTime: 0.7,
      late: 0.16,
      fixed: { "BN-001": "on_time", "BN-TANHUNG": "late" },
    },
    {
      key: "kl21-2026",
      typeAbbreviation: "KH",
      typeName: "Kế hoạch",
      number: 12,
      issuedOn: "2026-02-05",
      deadline: "2026-03-15",
      subject:
        "Thực hiện Kết luận số 21-KL/TW của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
      about: "thực hiện Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII",
      implements: ["KL21"],
      text: PROVINCE_PLAN_12_KH_TU,
      theme: {
        key: "kl21-2026",
        typeLine: "KẾ HOẠCH",
        centralCitations: (r) =>
          `Kết luận số 21-KL/TW, ngày ${citedDate("2021-10-25", r)} của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII`,
        tasks: KL21_TASKS,
      },
      onTime: 0.68,
      late: 0.16,
      // Tân Hưng has not issued its plan yet: the demo's commune account uploads it.
      fixed: { "BN-001": "on_time", "BN-TANHUNG": "missing" },
    },
    {
      key: "dai-hoi-xiv",
      typeAbbreviation: "CTr",
      typeName: "Chương trình",
      number: 1,
      issuedOn: "2026-02-25",
      deadline: "2026-04-15",
      subject: "Chương trình hành động thực hiện Nghị quyết Đại hội XIV của Đảng",
      about: "thực hiện Nghị quyết Đại hội XIV của Đảng",
      implements: ["NQDH14"],
      text: provinceDocument({
        symbol: "01-CTr/TU",
        issuedOn: "2026-02-25",
        typeLine: "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        subjectLines: ["thực hiện Nghị quyết Đại hội XIV của Đảng"],
        opening:
          "Thực hiện Nghị quyết Đại hội XIV của Đảng, Ban Chấp hành Đảng bộ tỉnh ban hành Chương trình hành động với những nội dung chủ yếu sau:",
        aims: [
          "Cụ thể hóa mục tiêu, nhiệm vụ, giải pháp của Nghị quyết Đại hội XIV phù hợp với thực tiễn của tỉnh sau hợp nhất.",
          "Xác định rõ lộ trình, cơ quan chủ trì và sản phẩm của từng nhiệm vụ; làm cơ sở kiểm tra, giám sát và đánh giá kết quả.",
        ],
        tasks: [
          "Tổ chức học tập, quán triệt Nghị quyết cho 100% cán bộ, đảng viên; hoàn thành trong quý II năm 2026.",
          "Xây dựng Đảng bộ tỉnh trong sạch, vững mạnh; thực hiện Kết luận số 21-KL/TW và Quy định số 366-QĐ/TW.",
          "Phát triển kinh tế nhanh, bền vững; đẩy mạnh chuyển đổi số, khoa học công nghệ và đổi mới sáng tạo.",
        ],
        organisation: [
          "Các đảng ủy xã, phường xây dựng chương trình hành động của cấp mình, ban hành trước ngày 15/4/2026.",
          "Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn việc học tập, quán triệt; Văn phòng Tỉnh ủy theo dõi, tổng hợp.",
        ],
        signer: PROVINCE_SIGNER,
      }),
      theme: {
        key: "dai-hoi-xiv",
        typeLine: "CHƯƠNG TRÌNH",
        centralCitations: () => "Nghị quyết Đại hội XIV của Đảng",
        tasks: CONGRESS_TASKS,
      },
      onTime: 0.72,
      late: 0.15,
      fixed: { "BN-001": "on_time", "BN-TANHUNG": "on_time" },
      unregisteredGuidance: { citation: "Hướng dẫn số 09-HD/BTGDVTU, ngày 28/02/2026", share: 0.2 },
    },
    {
      key: "ct05-2026",
      typeAbbreviation: "CTr",
      typeName: "Chương trình",
      number: 2,
      issuedOn: "2026-03-05",
      deadline: "2026-04-05",
      subject: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026",
      about: "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026",
      implements: ["CT05"],
      text: provinceDocument({
        symbol: "02-CTr/TU",
        issuedOn: "2026-03-05",
        typeLine: "CHƯƠNG TRÌNH",
        subjectLines: ["học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026"],
        opening:
          "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Ban Thường vụ Tỉnh ủy ban hành Chương trình năm 2026 như sau:",
        aims: [
          "Việc học tập và làm theo Bác trở thành nội dung thường xuyên trong sinh hoạt của tổ chức đảng, cơ quan, đơn vị.",
          "Gắn với thực hiện Nghị quyết Trung ương 4 (khóa XII) và Quy định số 37-QĐ/TW về những điều đảng viên không được làm.",
        ],
        tasks: [
          "Học tập chuyên đề năm 2026 ở 100% chi bộ, cơ quan, đơn vị.",
          "Phát hiện, biểu dương, nhân rộng các điển hình tiêu biểu; mỗi xã, phường có ít nhất hai mô hình làm theo.",
        ],
        organisation: [
          "Các đảng ủy xã, phường xây dựng kế hoạch thực hiện, ban hành trước ngày 05/4/2026.",
          "Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì theo dõi, hướng dẫn.",
        ],
        signer: PROVINCE_SIGNER,
      }),
      theme: {
        key: "ct05-2026",
        typeLine: "KẾ HOẠCH",
        centralCitations: (r) =>
          r.chance(0.6)
            ? "Chỉ thị 05-CT/TW của Bộ Chính trị"
            : `Chỉ thị số 05-CT/TW, ngày ${citedDate("2016-05-15", r)} của Bộ Chính trị`,
        tasks: HCM_TASKS,
      },
      onTime: 0.66,
      late: 0.2,
      fixed: { "BN-001": "on_time", "BN-TANHUNG": "on_time" },
    },
    {
      key: `kiem-diem-${recentYear}`,
      typeAbbreviation: "KH",
      typeName: "Kế hoạch",
      number: recentNumber,
      issuedOn: recentIssued,
      deadline: recentDeadline,
      subject: `Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${recentYear}`,
      about: `kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${recentYear}`,
      implements: ["QD366"],
      text: reviewPlanText(recentSymbol, recentIssued, recentYear, recentDeadline),
      theme: REVIEW_THEME(recentYear),
      // The deadline is ahead: those that have issued theirs did so on time; the rest are not due yet.
      onTime: 0.45,
      late: 0,
      fixed: { "BN-001": "on_time", "BN-TANHUNG": "missing" },
    },
  ];
}

export const THEME_RANDOM = (communeCode: string, planKey: string) =>
  createRandom(`demo-documents/${communeCode}/${planKey}`);

export function outcomeOf(plan: CascadedPlan, code: string, random: Random): "on_time" | "late" | "missing" {
  const fixed = plan.fixed?.[code];
  if (fixed) return fixed;
  const draw = random.next();
  if (draw < plan.onTime) return "on_time";
  if (draw < plan.onTime + plan.late) return "late";
  return "missing";
}

/** When a commune issued its plan: between the provincial plan and the deadline, or after it. */
export function issueDate(
  plan: CascadedPlan,
  outcome: "on_time" | "late",
  today: string,
  random: Random,
): string {
  if (outcome === "on_time") {
    const latest = daysBetween(plan.issuedOn, plan.deadline < today ? plan.deadline : today);
    return addDays(plan.issuedOn, Math.min(latest, random.int(2, Math.max(2, latest))));
  }
  const late = addDays(plan.deadline, random.int(3, 40));
  return late > today ? today : late;
}
