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
  // Import and export (member-imports.ts). A file that cannot be read leaves the data unchanged.
  MEMBER_IMPORT_NOT_FOUND: { status: 404, vi: "Không tìm thấy lượt nhập.", en: "Import not found." },
  MEMBER_IMPORT_FILE_MISSING: {
    status: 400,
    vi: "Hãy chọn một tệp .xlsx hoặc .csv để tải lên.",
    en: "Choose an .xlsx or .csv file to upload.",
  },
  MEMBER_IMPORT_FILE_TOO_LARGE: {
    status: 413,
    vi: "Tệp lớn hơn 40 MB. Hãy chia thành nhiều tệp nhỏ hơn.",
    en: "The file is larger than 40 MB. Split it into smaller files.",
  },
  MEMBER_IMPORT_EMPTY_FILE: { status: 400, vi: "Tệp rỗng, không có dữ liệu.", en: "The file is empty." },
  MEMBER_IMPORT_NOT_SPREADSHEET: {
    status: 400,
    vi: "Tệp không phải bảng tính .xlsx hoặc .csv.",
    en: "The file is not an .xlsx or .csv spreadsheet.",
  },
  MEMBER_IMPORT_ENCRYPTED: {
    status: 400,
    vi: "Tệp được đặt mật khẩu hoặc là định dạng .xls cũ. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx.",
    en: "The file is password-protected or an old .xls. Open it in Excel, remove the password and save as .xlsx.",
  },
  MEMBER_IMPORT_CORRUPTED: {
    status: 400,
    vi: "Tệp bảng tính bị hỏng, không đọc được.",
    en: "The workbook is corrupted and cannot be read.",
  },
  MEMBER_IMPORT_ZIP_BOMB: {
    status: 400,
    vi: "Tệp nén bung ra quá lớn hoặc có tỉ lệ nén bất thường (nghi là bom nén); không đọc tệp này.",
    en: "The file expands to too much data or compresses abnormally well (a zip bomb); it is not read.",
  },
  MEMBER_IMPORT_TOO_MANY_ROWS: {
    status: 400,
    vi: "Tệp có quá nhiều dòng (tối đa 200.000 dòng mỗi lần nhập). Hãy chia tệp.",
    en: "The file has too many rows (at most 200,000 per import). Split the file.",
  },
  MEMBER_IMPORT_NO_VISIBLE_SHEET: {
    status: 400,
    vi: "Bảng tính không có trang tính nào đang hiện.",
    en: "The workbook has no visible sheet.",
  },
  MEMBER_IMPORT_NO_HEADER: {
    status: 400,
    vi: 'Không tìm thấy dòng tiêu đề (ví dụ "Họ và tên", "Ngày sinh") trong 10 dòng đầu.',
    en: 'No header row (e.g. "Họ và tên", "Ngày sinh") in the first 10 rows.',
  },
  MEMBER_IMPORT_MERGED_HEADER: {
    status: 400,
    vi: "Dòng tiêu đề có ô gộp. Hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng.",
    en: "The header row has merged cells. Unmerge them so each column has its own header.",
  },
  MEMBER_IMPORT_NO_DATA_ROWS: {
    status: 400,
    vi: "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.",
    en: "The file has only the header row and no data rows.",
  },
  MEMBER_IMPORT_NOT_READY: {
    status: 409,
    vi: "Lượt nhập đang được xử lý hoặc không đọc được tệp; hãy chờ xong rồi thử lại.",
    en: "The import is still being processed or its file could not be read; wait and try again.",
  },
  MEMBER_IMPORT_COMMITTED: {
    status: 409,
    vi: "Lượt nhập này đã được ghi vào hồ sơ.",
    en: "This import has already been committed.",
  },
  MEMBER_IMPORT_MAPPING_INVALID: {
    status: 400,
    vi: "Cách ghép cột không hợp lệ: thiếu cột bắt buộc hoặc một trường được ghép hai lần.",
    en: "The column mapping is invalid: a required column is missing or a field is mapped twice.",
  },
  MEMBER_IMPORT_INTERRUPTED: {
    status: 409,
    vi: "Việc đọc tệp bị gián đoạn (máy chủ đã khởi động lại). Hãy tải tệp lên lại.",
    en: "Reading the file was interrupted (the server restarted). Upload the file again.",
  },
  MEMBER_IMPORT_ORG_HAS_NO_CELLS: {
    status: 400,
    vi: "Tổ chức được chọn không phải chi bộ và không có chi bộ nào bên dưới.",
    en: "The chosen organisation is not a cell and has no cells beneath it.",
  },
  MEMBER_STATISTICS_PERIOD_INVALID: {
    status: 400,
    vi: "Khoảng thời gian thống kê không hợp lệ: ngày bắt đầu phải trước ngày kết thúc và không quá 120 kỳ.",
    en: "Invalid statistics window: the start must precede the end, with at most 120 periods.",
  },
  MEMBER_POST_DATES_INVALID: {
    status: 400,
    vi: "Ngày thôi giữ chức vụ phải từ ngày bắt đầu giữ chức vụ trở đi.",
    en: "A post ends on or after the day it started.",
  },
  MEMBER_POST_ALREADY_ENDED: {
    status: 409,
    vi: "Chức vụ này đã được ghi ngày thôi giữ.",
    en: "This post has already ended.",
  },
  MEMBER_IMPORT_STALE: {
    status: 409,
    vi: "Có đảng viên trong tệp vừa được sửa sau khi xem trước, nên chưa ghi gì. Hãy kiểm tra lại bản xem trước (kiểm tra lại sẽ cập nhật theo hồ sơ mới) rồi ghi lại.",
    en: "A member in the file was changed after the preview, so nothing was written. Check the preview again (re-validating refreshes it) and commit again.",
  },
  MEMBER_EXPORT_TOO_MANY_ROWS: {
    status: 400,
    vi: "Danh sách có hơn 200.000 đảng viên, quá số dòng một tệp nhập lại được. Hãy lọc hẹp hơn (theo tổ chức, trạng thái…) rồi xuất từng phần.",
    en: "The list has more than 200,000 members, more than one import file can hold. Narrow the filter (organisation, status…) and export in parts.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;
