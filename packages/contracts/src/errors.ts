// Every error code the API can answer, with its HTTP status and its message in both languages.
// Codes are UPPER_SNAKE, start with the entity, and are never renamed.
import { DOCUMENT_ERRORS } from "./documents-errors.ts";
import { MEMBER_ERRORS } from "./members-errors.ts";
import { PLAN_CHECK_ERRORS } from "./plan-checks-errors.ts";
import { TASK_REPORT_ERRORS } from "./task-reports-errors.ts";
import { TASK_ERRORS } from "./tasks-errors.ts";

export const ERROR_CATALOGUE = {
  ...MEMBER_ERRORS,
  ...DOCUMENT_ERRORS,
  ...PLAN_CHECK_ERRORS,
  ...TASK_REPORT_ERRORS,
  ...TASK_ERRORS,
  VALIDATION_FAILED: { status: 400, vi: "Dữ liệu không hợp lệ.", en: "The data is not valid." },
  AUTH_REQUIRED: { status: 401, vi: "Vui lòng đăng nhập.", en: "Please sign in." },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "The username or password is wrong.",
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 401,
    vi: "Tài khoản đã bị khóa. Hãy liên hệ quản trị viên.",
    en: "This account is disabled. Contact an administrator.",
  },
  AUTH_TEMPORARILY_LOCKED: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.",
    en: "Too many failed sign-ins. Try again in 15 minutes.",
  },
  AUTH_TOTP_REQUIRED: {
    status: 401,
    vi: "Nhập mã xác thực 6 chữ số từ ứng dụng xác thực.",
    en: "Enter the 6-digit code from your authenticator app.",
  },
  AUTH_TOTP_INVALID: { status: 401, vi: "Mã xác thực không đúng.", en: "The authentication code is wrong." },
  AUTH_CSRF_INVALID: {
    status: 403,
    vi: "Phiên làm việc đã thay đổi. Hãy tải lại trang và thử lại.",
    en: "Your session changed. Reload the page and try again.",
  },
  AUTH_PASSWORD_WRONG: {
    status: 400,
    vi: "Mật khẩu hiện tại không đúng.",
    en: "The current password is wrong.",
  },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    vi: "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.",
    en: "The password needs at least 10 characters, with letters and digits.",
  },
  AUTH_TOTP_NOT_SET_UP: {
    status: 409,
    vi: "Chưa thiết lập xác thực hai bước.",
    en: "Two-step verification has not been set up.",
  },
  ACCESS_DENIED: {
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "You are not allowed to do this.",
  },
  NOT_FOUND: { status: 404, vi: "Không tìm thấy.", en: "Not found." },
  RATE_LIMITED: {
    status: 429,
    vi: "Quá nhiều yêu cầu. Hãy thử lại sau ít phút.",
    en: "Too many requests. Try again in a few minutes.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: "Dữ liệu gửi lên quá lớn.", en: "The upload is too large." },
  CONFLICT_STALE_VERSION: {
    status: 409,
    vi: "Bản ghi đã được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.",
    en: "Someone else changed this record. Reload to see their change before saving.",
  },
  CONCURRENT_UPDATE: {
    status: 409,
    vi: "Dữ liệu này đang được người khác cập nhật cùng lúc nên chưa lưu được. Dữ liệu của bạn chưa bị thay đổi — hãy thử lại.",
    en: "Someone else was updating the same records at the same moment, so this was not saved. Your data was not changed — try again.",
  },
  INTERNAL_ERROR: {
    status: 500,
    vi: "Có lỗi xảy ra trên máy chủ. Dữ liệu của bạn chưa bị thay đổi.",
    en: "Something went wrong on the server. Your data was not changed.",
  },
  ORG_NOT_FOUND: { status: 404, vi: "Không tìm thấy tổ chức.", en: "Organisation not found." },
  ORG_CODE_TAKEN: {
    status: 409,
    vi: "Mã tổ chức đã được dùng.",
    en: "This organisation code is already used.",
  },
  ORG_TYPE_UNKNOWN: { status: 400, vi: "Loại tổ chức không tồn tại.", en: "Unknown organisation type." },
  ORG_TYPE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy loại tổ chức.",
    en: "Organisation type not found.",
  },
  ORG_TYPE_CODE_TAKEN: {
    status: 409,
    vi: "Mã loại tổ chức đã được dùng.",
    en: "This organisation type code is already used.",
  },
  ORG_TYPE_RULE_IN_USE: {
    status: 409,
    vi: "Không thể bỏ quy tắc trực thuộc: đang có tổ chức hoạt động thuộc loại này trực thuộc một tổ chức thuộc loại cấp trên đó. Hãy chuyển hoặc giải thể các tổ chức đó trước.",
    en: "This rule cannot be removed: active organisations of that type still sit under an active organisation of the parent type. Move or dissolve them first.",
  },
  ORG_TYPE_NOT_ALLOWED: {
    status: 400,
    vi: "Loại tổ chức này không được đặt trực thuộc loại tổ chức cấp trên đã chọn.",
    en: "This type of organisation may not sit under the chosen parent's type.",
  },
  ORG_MOVE_CYCLE: {
    status: 400,
    vi: "Không thể chuyển một tổ chức vào chính nó hoặc vào tổ chức trực thuộc của nó.",
    en: "An organisation cannot be moved under itself or one of its own units.",
  },
  ORG_DATE_BEFORE_EXISTENCE: {
    status: 400,
    vi: "Ngày hiệu lực sớm hơn ngày thành lập hoặc lần thay đổi gần nhất của tổ chức.",
    en: "The effective date is before the organisation existed or before its latest change.",
  },
  ORG_DATE_IN_FUTURE: {
    status: 400,
    vi: "Ngày hiệu lực không được sau ngày hôm nay.",
    en: "The effective date cannot be after today.",
  },
  ORG_CLOSED: {
    status: 409,
    vi: "Tổ chức này đã giải thể, hợp nhất hoặc chia tách; không thể thay đổi.",
    en: "This organisation has been dissolved, merged or split; it cannot be changed.",
  },
  ORG_HAS_ACTIVE_CHILDREN: {
    status: 409,
    vi: "Tổ chức còn tổ chức trực thuộc đang hoạt động. Hãy chuyển hoặc giải thể chúng trước.",
    en: "The organisation still has active units under it. Move or dissolve them first.",
  },
  ORG_SPLIT_CHILD_UNASSIGNED: {
    status: 400,
    vi: "Mỗi tổ chức trực thuộc phải được giao cho một tổ chức mới sau khi chia tách.",
    en: "Every unit under the organisation must be assigned to one of the new organisations.",
  },
  ORG_MERGE_SOURCES_INVALID: {
    status: 400,
    vi: "Cần chọn ít nhất hai tổ chức khác nhau để hợp nhất (hoặc một tổ chức sáp nhập vào tổ chức khác).",
    en: "Choose at least two different organisations to merge (or one to merge into another).",
  },
  ORG_BASIS_REQUIRED: {
    status: 400,
    vi: "Cần nhập lý do hoặc số hiệu văn bản quyết định.",
    en: "Enter a reason or a decision reference.",
  },
  ORG_ALREADY_UNDER_PARENT: {
    status: 400,
    vi: "Tổ chức đã trực thuộc tổ chức này.",
    en: "The organisation is already under this parent.",
  },
  ORG_SPLIT_CHILD_INVALID: {
    status: 400,
    vi: "Không phải tổ chức trực thuộc đang hoạt động của tổ chức này, hoặc đã được giao.",
    en: "Not an active unit under this organisation, or assigned twice.",
  },
  ORG_SPLIT_PART_INVALID: {
    status: 400,
    vi: "Không có tổ chức mới ở vị trí này.",
    en: "There is no new organisation at this position.",
  },
  ORG_INSTALLATION_NOT_EMPTY: {
    status: 409,
    vi: "Hệ thống đã có tổ chức; chỉ khởi tạo được trên cơ sở dữ liệu trống.",
    en: "The installation already has organisations; it can only be initialised when empty.",
  },
  ORG_ROOT_NOT_ALLOWED: {
    status: 403,
    vi: "Chỉ quản trị hệ thống mới được tạo tổ chức cấp cao nhất.",
    en: "Only a system administrator may create a top-level organisation.",
  },
  ACCOUNT_NOT_FOUND: { status: 404, vi: "Không tìm thấy tài khoản.", en: "Account not found." },
  ACCOUNT_USERNAME_TAKEN: {
    status: 409,
    vi: "Tên đăng nhập đã được dùng.",
    en: "This username is already taken.",
  },
  ACCOUNT_ROLE_EXISTS: {
    status: 409,
    vi: "Tài khoản đã có vai trò này tại tổ chức này.",
    en: "The account already holds this role at this organisation.",
  },
  ACCOUNT_CANNOT_DISABLE_SELF: {
    status: 409,
    vi: "Bạn không thể tự khóa tài khoản của mình.",
    en: "You cannot disable your own account.",
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: "Bạn cần đổi mật khẩu trước khi tiếp tục.",
    en: "You need to change your password before continuing.",
  },
  AUTH_TOTP_ALREADY_ENABLED: {
    status: 409,
    vi: "Xác thực hai bước đang bật. Hãy tắt trước khi thiết lập lại.",
    en: "Two-step verification is already on. Turn it off before setting it up again.",
  },
  ACCOUNT_ROLE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy vai trò này.",
    en: "Role assignment not found.",
  },
  ACCOUNT_LAST_ROLE: {
    status: 409,
    vi: "Không thể gỡ vai trò cuối cùng của tài khoản. Hãy khóa tài khoản nếu không còn dùng.",
    en: "An account's last role cannot be removed. Disable the account if it is no longer used.",
  },
  ACCOUNT_OUTSIDE_SCOPE: {
    status: 403,
    vi: "Tài khoản này còn có vai trò ngoài phạm vi quản lý của bạn.",
    en: "This account also holds roles outside the scope you manage.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type Locale = "vi" | "en";

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_CATALOGUE[code][locale];
}
