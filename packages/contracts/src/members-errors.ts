// Error codes of the member registry (spread into ERROR_CATALOGUE). Rule codes shared with the
// importer come from @namro/domain, so a form, the API and an import say the same words.
import { MEMBER_RULE_MESSAGES } from "@namro/domain";

const ruleErrors = Object.fromEntries(
  Object.entries(MEMBER_RULE_MESSAGES).map(([code, text]) => [code, { status: 400, ...text }]),
) as { [K in keyof typeof MEMBER_RULE_MESSAGES]: { status: 400; vi: string; en: string } };

export const MEMBER_ERRORS = {
  ...ruleErrors,
  MEMBER_NOT_FOUND: { status: 404, vi: "Không tìm thấy đảng viên.", en: "Member not found." },
  MEMBER_VERSION_CONFLICT: {
    status: 409,
    vi: "Hồ sơ đảng viên vừa được người khác sửa. Hãy tải lại để xem thay đổi rồi sửa tiếp.",
    en: "Someone else has just changed this member's record. Reload to see their change, then edit again.",
  },
  MEMBER_CITIZEN_ID_TAKEN: {
    status: 409,
    vi: "Số định danh cá nhân này đã có trong hồ sơ một đảng viên khác.",
    en: "Another member's record already has this citizen ID number.",
  },
  MEMBER_CARD_NUMBER_TAKEN: {
    status: 409,
    vi: "Số thẻ đảng viên này đã có trong hồ sơ một đảng viên khác.",
    en: "Another member's record already has this Party card number.",
  },
  MEMBER_ORG_NOT_A_CELL: {
    status: 400,
    vi: "Đảng viên chỉ sinh hoạt ở chi bộ. Hãy chọn một chi bộ đang hoạt động.",
    en: "Members belong to cells. Choose an active cell.",
  },
  MEMBER_EVENT_NOT_ALLOWED: {
    status: 409,
    vi: "Không thể ghi sự kiện này với tình trạng hiện tại của đảng viên.",
    en: "This event cannot be recorded for the member's current status.",
  },
  MEMBER_EVENT_DATE_INVALID: {
    status: 400,
    vi: "Ngày của sự kiện phải từ ngày vào Đảng, không trước sự kiện gần nhất và không ở tương lai.",
    en: "The event date must be on or after admission and the latest event, and not in the future.",
  },
  MEMBER_TRANSFER_PENDING: {
    status: 409,
    vi: "Đảng viên đang có một yêu cầu chuyển sinh hoạt chờ xác nhận.",
    en: "A transfer of this member is awaiting confirmation.",
  },
  MEMBER_TRANSFER_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy yêu cầu chuyển sinh hoạt đảng.",
    en: "Transfer not found.",
  },
  MEMBER_TRANSFER_DECIDED: {
    status: 409,
    vi: "Yêu cầu chuyển sinh hoạt này đã được xử lý.",
    en: "This transfer has already been decided.",
  },
  MEMBER_TRANSFER_SAME_CELL: {
    status: 400,
    vi: "Chi bộ nhận phải khác chi bộ hiện tại.",
    en: "The receiving cell must differ from the current one.",
  },
  MEMBER_POST_TYPE_UNKNOWN: { status: 400, vi: "Chức vụ không có trong danh mục.", en: "Unknown post type." },
  MEMBER_POST_NOT_FOUND: { status: 404, vi: "Không tìm thấy chức vụ.", en: "Post not found." },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
