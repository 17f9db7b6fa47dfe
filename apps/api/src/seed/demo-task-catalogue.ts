// What the Tỉnh ủy's two plans of the demo ask for as five-clears tasks: the plan carrying out
// 21-KL/TW (12-KH/TU) and the year's Party-building plan (05-KH/TU). Each task names its lead
// department, its result and its schedule; some are cascaded to every commune and split further to the
// cells; a few deliberately lack a clear, as real plans do.
import type { ReportFrequency, TaskSchedule } from "@namro/domain";

export type DepartmentKey = "VP" | "BTC" | "UBKT" | "BTGDV";

export interface DemoTaskDef {
  title: string;
  description: string;
  /** null: no lead assigned (the responsibility clear is lacking). */
  lead: DepartmentKey | null;
  supports: DepartmentKey[];
  /** "đồng chí …" named in words; null with `account` false: the person clear is lacking. */
  responsible: string | null;
  /** The province office's account answers for it. */
  account?: boolean;
  schedule: TaskSchedule;
  reportFrequency: ReportFrequency | null;
  /** The task starts this many days after the seed's day (not yet begun); default: with its plan. */
  startsIn?: number;
  /** Days after the task starts; "year_end": 31 December of the demo's year; null: no due date. */
  due: number | "year_end" | null;
  deliverable: string | null;
  target: { value: number; unit: string; divide: boolean } | null;
  weight: number;
  /** Cascaded to every commune; further split to the commune's cells by some communes. */
  cascade: "none" | "communes" | "cells";
  /** The child tasks' deliverable (what a commune or cell hands in). */
  childDeliverable?: string;
  state?: { state: "paused" | "cancelled"; reason: string };
  milestones?: { title: string; dueAfter: number }[];
  /** What reports say: {value} and {unit} are filled in. */
  narratives: string[];
}

export const RESPONSIBLE_AT_COMMUNE = [
  "đồng chí Phó Bí thư Thường trực Đảng ủy",
  "đồng chí Trưởng Ban Xây dựng Đảng",
  "đồng chí Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
  "đồng chí Chánh Văn phòng Đảng ủy",
];

export const RESPONSIBLE_AT_CELL = "đồng chí Bí thư chi bộ";

export const RETURN_REASONS = [
  "Số liệu chưa khớp với báo cáo của các chi bộ; đề nghị rà soát, báo cáo lại.",
  "Thiếu biên bản sinh hoạt chi bộ kèm theo; đề nghị bổ sung minh chứng.",
  "Chưa nêu rõ tỷ lệ đảng viên tham gia; đề nghị bổ sung số liệu cụ thể.",
  "Báo cáo chưa nêu hạn chế, nguyên nhân và giải pháp khắc phục.",
  "Kết quả báo cáo vượt số đảng viên của chi bộ; đề nghị kiểm tra lại.",
];

/** 05-KH/TU: công tác xây dựng Đảng năm 2026 (the plan whose progress is weighted). */
export const BUILDING_PLAN_TASKS: readonly DemoTaskDef[] = [
  {
    title: "Kết nạp 2.100 đảng viên mới trong toàn Đảng bộ tỉnh",
    description:
      "Chú trọng kết nạp đoàn viên thanh niên ưu tú, người lao động trong doanh nghiệp; bảo đảm đúng quy trình, thủ tục.",
    lead: "BTC",
    supports: ["BTGDV"],
    responsible: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
    account: true,
    schedule: "once",
    reportFrequency: "monthly",
    due: "year_end",
    deliverable: "Quyết định kết nạp đảng viên",
    target: { value: 2100, unit: "đảng viên", divide: true },
    weight: 3,
    cascade: "cells",
    milestones: [
      { title: "Hoàn thành 30% chỉ tiêu", dueAfter: 120 },
      { title: "Hoàn thành 70% chỉ tiêu", dueAfter: 240 },
    ],
    narratives: [
      "Đã kết nạp {value} {unit}; đang hoàn thiện hồ sơ các quần chúng ưu tú còn lại.",
      "Lũy kế kết nạp {value} {unit}; tổ chức lễ kết nạp đúng thời hạn 30 ngày làm việc.",
    ],
  },
  {
    title: "Tổ chức sinh hoạt chi bộ thường kỳ hằng tháng ở 100% chi bộ",
    description: "Sinh hoạt đúng nội dung, quy trình theo Hướng dẫn của Ban Tổ chức Trung ương; có biên bản.",
    lead: "BTC",
    supports: [],
    responsible: "đồng chí Phó Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "monthly",
    reportFrequency: "monthly",
    due: "year_end",
    deliverable: "Biên bản sinh hoạt chi bộ hằng tháng",
    target: { value: 100, unit: "% chi bộ", divide: false },
    weight: 2,
    cascade: "cells",
    childDeliverable: "Biên bản sinh hoạt chi bộ",
    narratives: [
      "Chi bộ sinh hoạt đúng kỳ; {value}{unit} đảng viên tham dự.",
      "Đã sinh hoạt thường kỳ; nội dung bám sát nghị quyết của Đảng ủy.",
    ],
  },
  {
    title: "Tổ chức sinh hoạt chuyên đề ít nhất một lần mỗi quý ở 100% chi bộ",
    description: "Chuyên đề gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    lead: "BTGDV",
    supports: ["BTC"],
    responsible: "đồng chí Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    schedule: "quarterly",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Biên bản sinh hoạt chuyên đề",
    target: { value: 4, unit: "buổi", divide: false },
    weight: 1,
    cascade: "cells",
    narratives: ["Đã sinh hoạt chuyên đề trong quý; có biên bản kèm theo.", "Hoàn thành chuyên đề của quý."],
  },
  {
    title: "Rà soát đảng viên, đề nghị xóa tên đảng viên bỏ sinh hoạt, không đóng đảng phí",
    description: "Rà soát hằng quý theo Điều lệ Đảng; báo cáo danh sách đề nghị xóa tên.",
    lead: "BTC",
    supports: ["UBKT"],
    responsible: "đồng chí Phó Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "quarterly",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Báo cáo kết quả rà soát đảng viên",
    target: null,
    weight: 1,
    cascade: "cells",
    narratives: [
      "Đã rà soát toàn bộ đảng viên của chi bộ trong quý.",
      "Rà soát xong; không có trường hợp phải xóa tên.",
    ],
  },
  {
    title: "Cập nhật đầy đủ dữ liệu đảng viên trên hệ thống Năm Rõ",
    description: "Các đảng ủy xã, phường rà soát, cập nhật lý lịch, quá trình sinh hoạt của đảng viên.",
    lead: "VP",
    supports: ["BTC"],
    responsible: "đồng chí Chánh Văn phòng Tỉnh ủy",
    account: true,
    schedule: "once",
    reportFrequency: null,
    due: 150,
    deliverable: "Dữ liệu đảng viên được cập nhật trên hệ thống",
    target: { value: 100, unit: "% đảng viên", divide: false },
    weight: 1,
    cascade: "communes",
    narratives: ["Đã cập nhật dữ liệu của {value}{unit}.", "Hoàn thành cập nhật dữ liệu đảng viên."],
  },
  {
    title: "Mở lớp bồi dưỡng nhận thức về Đảng cho 3.000 quần chúng ưu tú",
    description: "Phối hợp Trung tâm Chính trị; ưu tiên đoàn viên thanh niên, công nhân trong doanh nghiệp.",
    lead: "BTGDV",
    supports: ["BTC"],
    responsible: "đồng chí Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    schedule: "once",
    reportFrequency: "quarterly",
    due: 240,
    deliverable: "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
    target: { value: 3000, unit: "quần chúng", divide: true },
    weight: 2,
    cascade: "communes",
    narratives: [
      "Lũy kế {value} {unit} được cấp giấy chứng nhận.",
      "Đã khai giảng lớp; {value} {unit} tham gia.",
    ],
  },
  {
    title: "Kiểm tra chuyên đề việc thực hiện Quy định số 37-QĐ/TW tại 12 đảng ủy xã, phường",
    description: "Ủy ban Kiểm tra Tỉnh ủy chủ trì; kết luận kiểm tra gửi các đảng ủy được kiểm tra.",
    lead: "UBKT",
    supports: ["BTC"],
    responsible: "đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    schedule: "once",
    reportFrequency: "quarterly",
    due: 200,
    deliverable: "Thông báo kết luận kiểm tra",
    target: { value: 12, unit: "cuộc kiểm tra", divide: false },
    weight: 2,
    cascade: "none",
    milestones: [
      { title: "Ban hành quyết định kiểm tra", dueAfter: 30 },
      { title: "Kiểm tra xong 6 đảng ủy", dueAfter: 110 },
      { title: "Thông báo kết luận kiểm tra", dueAfter: 200 },
    ],
    narratives: ["Đã kiểm tra {value} {unit}.", "Đã hoàn thành {value} {unit}; đang dự thảo kết luận."],
  },
  {
    title: "Ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa mới",
    description: "Văn phòng Tỉnh ủy dự thảo, lấy ý kiến các ban, trình Ban Thường vụ.",
    lead: "VP",
    supports: [],
    responsible: "đồng chí Chánh Văn phòng Tỉnh ủy",
    account: true,
    schedule: "once",
    reportFrequency: null,
    due: 45,
    deliverable: "Quy chế làm việc được ban hành",
    target: null,
    weight: 1,
    cascade: "none",
    narratives: ["Đã trình Ban Thường vụ Tỉnh ủy.", "Quy chế đã được ban hành."],
  },
  {
    title: "Tiếp dân, đối thoại trực tiếp của Bí thư Đảng ủy với Nhân dân mỗi quý một lần",
    description: "Theo Quy định số 11-QĐi/TW; giải quyết dứt điểm phản ánh, kiến nghị ngay từ cơ sở.",
    lead: "BTGDV",
    supports: ["VP"],
    responsible: "đồng chí Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    schedule: "quarterly",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Thông báo kết luận buổi tiếp dân",
    target: { value: 4, unit: "buổi", divide: false },
    weight: 1,
    cascade: "communes",
    narratives: [
      "Đã tổ chức buổi đối thoại; tiếp nhận các kiến nghị của Nhân dân.",
      "Hoàn thành buổi tiếp dân của quý.",
    ],
  },
  {
    title: "Số hóa văn bản đi của Đảng ủy theo Hướng dẫn số 36-HD/VPTW",
    description: "Văn bản đi được số hóa và lưu trên hệ thống; chưa giao người chịu trách nhiệm.",
    lead: "VP",
    supports: [],
    responsible: null,
    schedule: "once",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Văn bản đi được số hóa",
    target: { value: 100, unit: "% văn bản", divide: false },
    weight: 1,
    cascade: "none",
    narratives: ["Đã số hóa {value}{unit} văn bản đi trong kỳ."],
  },
  {
    title: "Tổng kết công tác xây dựng Đảng trong năm, xây dựng phương hướng năm tới",
    description: "Các đảng ủy xã, phường tổng kết, đánh giá kết quả và đề xuất chỉ tiêu năm tới.",
    lead: "BTC",
    supports: ["VP"],
    responsible: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "once",
    reportFrequency: null,
    startsIn: 12,
    due: 50,
    deliverable: "Báo cáo tổng kết năm",
    target: null,
    weight: 2,
    cascade: "communes",
    narratives: ["Đã xây dựng đề cương báo cáo tổng kết.", "Đã gửi báo cáo tổng kết về Ban Tổ chức Tỉnh ủy."],
  },
  {
    title: "Tăng cường công tác dân vận",
    description: "Nội dung chưa cụ thể: chưa rõ việc, chưa có sản phẩm.",
    lead: "BTGDV",
    supports: [],
    responsible: "đồng chí Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    schedule: "continuous",
    reportFrequency: null,
    due: null,
    deliverable: null,
    target: null,
    weight: 1,
    cascade: "none",
    narratives: ["Đã triển khai các hoạt động dân vận."],
  },
  {
    title: "Rà soát, bổ sung quy hoạch cán bộ cấp xã nhiệm kỳ 2025 - 2030",
    description: "Tạm dừng chờ hướng dẫn mới của Ban Tổ chức Trung ương về quy hoạch cán bộ sau sắp xếp.",
    lead: "BTC",
    supports: [],
    responsible: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "once",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Danh sách quy hoạch được phê duyệt",
    target: null,
    weight: 1,
    cascade: "none",
    state: {
      state: "paused",
      reason: "Chờ hướng dẫn của Ban Tổ chức Trung ương về quy hoạch cán bộ sau sắp xếp.",
    },
    narratives: ["Đã rà soát danh sách cán bộ trong diện quy hoạch."],
  },
];

/** 12-KH/TU: thực hiện Kết luận số 21-KL/TW. */
export const KL21_PLAN_TASKS: readonly DemoTaskDef[] = [
  {
    title: "Tổ chức học tập, quán triệt Kết luận số 21-KL/TW cho 100% cán bộ, đảng viên",
    description: "Học tập tập trung ở đảng ủy; chi bộ tổ chức cho đảng viên chưa tham dự học bù.",
    lead: "BTGDV",
    supports: ["BTC"],
    responsible: "đồng chí Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    schedule: "once",
    reportFrequency: null,
    due: 75,
    deliverable: "Báo cáo kết quả học tập, quán triệt",
    target: { value: 100, unit: "% đảng viên", divide: false },
    weight: 1,
    cascade: "cells",
    narratives: [
      "{value}{unit} đã học tập, quán triệt.",
      "Hoàn thành học tập; có danh sách đảng viên tham dự.",
    ],
  },
  {
    title: "Sinh hoạt chuyên đề về xây dựng, chỉnh đốn Đảng ở 100% chi bộ trong quý II",
    description: "Gắn với kiểm điểm tự phê bình và phê bình; liên hệ những biểu hiện suy thoái.",
    lead: "BTC",
    supports: ["BTGDV"],
    responsible: "đồng chí Phó Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "once",
    reportFrequency: null,
    due: 140,
    deliverable: "Biên bản sinh hoạt chuyên đề",
    target: null,
    weight: 1,
    cascade: "cells",
    narratives: [
      "Chi bộ đã sinh hoạt chuyên đề; có biên bản.",
      "Đã sinh hoạt chuyên đề, đảng viên phát biểu liên hệ.",
    ],
  },
  {
    title:
      "Kiểm điểm tự phê bình và phê bình theo Nghị quyết Trung ương 4 (khóa XII) và Kết luận số 21-KL/TW",
    description: "Mỗi đảng viên tự soi, tự sửa; chi bộ làm rõ trách nhiệm đối với hạn chế đã được chỉ ra.",
    lead: "BTC",
    supports: ["UBKT"],
    responsible: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
    account: true,
    schedule: "once",
    reportFrequency: "quarterly",
    due: "year_end",
    deliverable: "Báo cáo kiểm điểm của chi bộ",
    target: null,
    weight: 1,
    cascade: "cells",
    narratives: [
      "Chi bộ đã kiểm điểm; các đảng viên có bản kiểm điểm.",
      "Đã hoàn thành kiểm điểm tập thể chi ủy.",
    ],
  },
  {
    title: "Xây dựng chương trình kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy xã, phường",
    description: "Tập trung vào nơi có biểu hiện suy thoái, “tự diễn biến”, “tự chuyển hóa”.",
    lead: "UBKT",
    supports: [],
    responsible: "đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    schedule: "once",
    reportFrequency: null,
    due: 40,
    deliverable: "Chương trình kiểm tra, giám sát được ban hành",
    target: null,
    weight: 1,
    cascade: "communes",
    narratives: ["Đã ban hành chương trình kiểm tra, giám sát."],
  },
  {
    title: "Xử lý nghiêm cán bộ, đảng viên vi phạm theo Quy định số 69-QĐ/TW; công khai kết quả",
    description: "Báo cáo hằng quý số trường hợp xem xét, xử lý kỷ luật.",
    lead: "UBKT",
    supports: ["BTC"],
    responsible: "đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    schedule: "continuous",
    reportFrequency: "quarterly",
    due: null,
    deliverable: "Báo cáo kết quả xử lý kỷ luật hằng quý",
    target: null,
    weight: 1,
    cascade: "communes",
    narratives: [
      "Trong quý không phát sinh trường hợp vi phạm.",
      "Đã xem xét, thi hành kỷ luật đúng quy định.",
    ],
  },
  {
    title: "Kiểm tra 15 tổ chức đảng có dấu hiệu vi phạm trong thực hiện Kết luận số 21-KL/TW",
    description: "Ủy ban Kiểm tra Tỉnh ủy chủ trì; báo cáo Ban Thường vụ kết quả từng cuộc.",
    lead: "UBKT",
    supports: [],
    responsible: "đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    schedule: "once",
    reportFrequency: "monthly",
    due: 160,
    deliverable: "Thông báo kết luận kiểm tra",
    target: { value: 15, unit: "tổ chức đảng", divide: false },
    weight: 1,
    cascade: "none",
    milestones: [
      { title: "Ban hành kế hoạch kiểm tra", dueAfter: 20 },
      { title: "Kiểm tra xong 8 tổ chức đảng", dueAfter: 100 },
    ],
    narratives: ["Đã kiểm tra {value} {unit}.", "Lũy kế {value} {unit} đã được kiểm tra."],
  },
  {
    title: "Báo cáo sơ kết việc thực hiện Kết luận số 21-KL/TW trong năm",
    description: "Tổng hợp báo cáo của các đảng ủy trực thuộc, trình Ban Thường vụ Tỉnh ủy.",
    lead: "VP",
    supports: ["BTC", "UBKT"],
    responsible: "đồng chí Chánh Văn phòng Tỉnh ủy",
    account: true,
    schedule: "once",
    reportFrequency: null,
    due: "year_end",
    deliverable: "Báo cáo sơ kết trình Ban Thường vụ",
    target: null,
    weight: 1,
    cascade: "communes",
    narratives: ["Đã hoàn thành dự thảo báo cáo sơ kết.", "Đã gửi báo cáo sơ kết về Văn phòng Tỉnh ủy."],
  },
  {
    title: "Giám sát việc phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể đối với cán bộ, đảng viên",
    description: "Chưa giao đơn vị chủ trì; Ban Tuyên giáo và Dân vận phối hợp.",
    lead: null,
    supports: ["BTGDV"],
    responsible: null,
    schedule: "once",
    reportFrequency: null,
    due: "year_end",
    deliverable: "Báo cáo kết quả giám sát",
    target: null,
    weight: 1,
    cascade: "none",
    narratives: ["Đã xây dựng kế hoạch giám sát."],
  },
  {
    title: "Tổ chức hội nghị sơ kết ba năm thực hiện Kết luận số 21-KL/TW ở cấp huyện",
    description: "Cấp huyện không còn sau sắp xếp đơn vị hành chính năm 2025.",
    lead: "BTC",
    supports: [],
    responsible: "đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
    schedule: "once",
    reportFrequency: null,
    due: 90,
    deliverable: "Báo cáo sơ kết của các huyện ủy",
    target: null,
    weight: 1,
    cascade: "none",
    state: {
      state: "cancelled",
      reason: "Không còn cấp huyện sau sắp xếp đơn vị hành chính từ ngày 01/7/2025.",
    },
    narratives: ["Đã hướng dẫn các huyện ủy chuẩn bị."],
  },
];
