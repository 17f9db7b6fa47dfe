// Error codes of task progress reports (spread into ERROR_CATALOGUE). A task the actor may not see
// answers TASK_NOT_FOUND (tasks-errors.ts).
export const TASK_REPORT_ERRORS = {
  TASK_REPORT_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy báo cáo tiến độ.",
    en: "Progress report not found.",
  },
  TASK_REPORT_NOT_ALLOWED: {
    status: 403,
    vi: "Chỉ đơn vị chủ trì hoặc người được giao phụ trách nhiệm vụ mới được báo cáo tiến độ.",
    en: "Only the lead unit or the person responsible for the task may report its progress.",
  },
  TASK_REPORT_TASK_CANCELLED: {
    status: 409,
    vi: "Nhiệm vụ đã bị hủy; không thể báo cáo tiến độ.",
    en: "The task has been cancelled; its progress cannot be reported.",
  },
  TASK_REPORT_TASK_PAUSED: {
    status: 409,
    vi: "Nhiệm vụ đang tạm dừng; chỉ báo cáo được sau khi nhiệm vụ được tiếp tục.",
    en: "The task is paused; its progress can be reported once it is resumed.",
  },
  TASK_REPORT_TASK_HAS_CHILDREN: {
    status: 409,
    vi: "Nhiệm vụ đã được giao tiếp cho các đơn vị cấp dưới: tiến độ được tổng hợp từ báo cáo của các nhiệm vụ con, không báo cáo trực tiếp.",
    en: "The task has been assigned on to subordinate units: its progress is rolled up from their tasks' reports, not reported directly.",
  },
  TASK_REPORT_PERIOD_UNKNOWN: {
    status: 400,
    vi: "Kỳ báo cáo này không thuộc nhiệm vụ (ngoài thời gian thực hiện hoặc sai tần suất báo cáo).",
    en: "This reporting period is not one of the task's (outside its dates or of another frequency).",
  },
  TASK_REPORT_PERIOD_NOT_STARTED: {
    status: 400,
    vi: "Kỳ báo cáo này chưa bắt đầu; chưa thể báo cáo.",
    en: "This reporting period has not started yet; it cannot be reported.",
  },
  TASK_REPORT_ALREADY_SUBMITTED: {
    status: 409,
    vi: "Kỳ này đã có báo cáo. Chỉ gửi lại được khi báo cáo bị trả lại để chỉnh sửa.",
    en: "This period has already been reported. A report can be sent again only after it is returned for correction.",
  },
  TASK_REPORT_VERSION_CONFLICT: {
    status: 409,
    vi: "Báo cáo vừa được người khác thay đổi. Hãy tải lại để xem thay đổi rồi thực hiện lại.",
    en: "Someone else has just changed this report. Reload to see their change, then try again.",
  },
  TASK_REPORT_COMPLETED_ON_NOT_DONE: {
    status: 400,
    vi: "Ngày hoàn thành chỉ ghi khi tiến độ đạt 100%.",
    en: "A completion date is given only when progress is 100%.",
  },
  TASK_REPORT_COMPLETED_ON_FUTURE: {
    status: 400,
    vi: "Ngày hoàn thành không được sau ngày hôm nay.",
    en: "The completion date cannot be after today.",
  },
  TASK_REPORT_COMPLETED_ON_BEFORE_START: {
    status: 400,
    vi: "Ngày hoàn thành không được trước ngày bắt đầu của nhiệm vụ.",
    en: "The completion date cannot be before the task's start date.",
  },
  TASK_REPORT_NOT_AWAITING_REVIEW: {
    status: 409,
    vi: "Báo cáo này không còn chờ xem xét (đã được chấp nhận hoặc đã trả lại).",
    en: "This report is no longer awaiting review (it was accepted or returned).",
  },
  TASK_REPORT_ACCEPTED: {
    status: 409,
    vi: "Báo cáo đã được chấp nhận; không thể thay đổi tệp minh chứng.",
    en: "The report has been accepted; its evidence files cannot be changed.",
  },
  TASK_REPORT_FILE_TOO_LARGE: {
    status: 413,
    vi: "Tệp minh chứng quá lớn. Dung lượng tối đa mỗi tệp là 20 MB.",
    en: "The evidence file is too large. The limit is 20 MB per file.",
  },
  TASK_REPORT_FILE_UNSUPPORTED: {
    status: 415,
    vi: "Chỉ nhận tệp minh chứng .pdf, .docx, .xlsx, .txt hoặc ảnh (.png, .jpg). Tệp .doc, .xls cũ: hãy mở và lưu lại dạng .docx, .xlsx.",
    en: "Only .pdf, .docx, .xlsx, .txt or image (.png, .jpg) evidence is accepted. An old .doc or .xls: open it and save it as .docx or .xlsx.",
  },
  TASK_REPORT_FILE_EMPTY: { status: 400, vi: "Tệp minh chứng rỗng.", en: "The evidence file is empty." },
  TASK_REPORT_FILE_MISSING: {
    status: 400,
    vi: "Chưa chọn tệp minh chứng để tải lên.",
    en: "No evidence file was chosen to upload.",
  },
  TASK_REPORT_FILES_LIMIT: {
    status: 409,
    vi: "Mỗi báo cáo có tối đa 20 tệp minh chứng. Hãy xóa bớt tệp trước khi thêm.",
    en: "A report holds at most 20 evidence files. Remove one before adding another.",
  },
  TASK_REPORT_FILE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy tệp minh chứng.",
    en: "Evidence file not found.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
