// Error codes of the directive register (spread into ERROR_CATALOGUE).
export const DOCUMENT_ERRORS = {
  DOCUMENT_NOT_FOUND: { status: 404, vi: "Không tìm thấy văn bản.", en: "Document not found." },
  DOCUMENT_VERSION_CONFLICT: {
    status: 409,
    vi: "Văn bản vừa được người khác sửa. Hãy tải lại để xem thay đổi rồi sửa tiếp.",
    en: "Someone else has just changed this document. Reload to see their change, then edit again.",
  },
  DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    vi: "Số văn bản này đã có trong sổ văn bản (cùng loại, cùng cơ quan ban hành, cùng nhiệm kỳ).",
    en: "This number is already registered (same type, issuer and term).",
  },
  DOCUMENT_NUMBER_INVALID: {
    status: 400,
    vi: "Số văn bản không đúng dạng. Ví dụ: 21 (văn bản của Đảng) hoặc 30/2020 (văn bản nhà nước).",
    en: "The document number is not valid. Example: 21 (Party document) or 30/2020 (state document).",
  },
  DOCUMENT_TYPE_UNKNOWN: {
    status: 400,
    vi: "Loại văn bản không có trong danh mục.",
    en: "This document type is not in the list.",
  },
  DOCUMENT_ISSUER_UNKNOWN: {
    status: 400,
    vi: "Mã cơ quan ban hành không có trong danh mục.",
    en: "This issuer code is not in the list.",
  },
  DOCUMENT_TERM_NOT_FOUND: {
    status: 400,
    vi: "Không có nhiệm kỳ của cơ quan ban hành chứa ngày ban hành. Hãy khai báo nhiệm kỳ trước.",
    en: "No term of the issuer contains the issue date. Add the term first.",
  },
  DOCUMENT_DATE_IN_FUTURE: {
    status: 400,
    vi: "Ngày ban hành không được ở tương lai.",
    en: "The issue date cannot be in the future.",
  },
  DOCUMENT_ORG_OUTSIDE_SCOPE: {
    status: 400,
    vi: "Tổ chức đã chọn không thuộc phạm vi của bạn.",
    en: "The chosen organisation is outside your scope.",
  },
  DOCUMENT_FILE_TOO_LARGE: {
    status: 413,
    vi: "Tệp quá lớn. Dung lượng tối đa là 30 MB.",
    en: "The file is too large. The limit is 30 MB.",
  },
  DOCUMENT_FILE_UNSUPPORTED: {
    status: 415,
    vi: "Chỉ nhận tệp .docx, .pdf, .txt hoặc ảnh (.png, .jpg). Tệp .doc cũ: hãy mở bằng Word và lưu lại dạng .docx.",
    en: "Only .docx, .pdf, .txt or images (.png, .jpg) are accepted. An old .doc: open it in Word and save it as .docx.",
  },
  DOCUMENT_FILE_MALFORMED: {
    status: 400,
    vi: "Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng như phần đuôi tên tệp.",
    en: "The file cannot be read: it is damaged or not the format its name says.",
  },
  DOCUMENT_FILE_EMPTY: { status: 400, vi: "Tệp rỗng.", en: "The file is empty." },
  DOCUMENT_FILE_MISSING: {
    status: 400,
    vi: "Hãy chọn một tệp .docx, .pdf, .txt hoặc ảnh để tải lên (trường tệp tên là file).",
    en: "Choose a .docx, .pdf, .txt or image file to upload (in a part named file).",
  },
  DOCUMENT_FILE_ENCRYPTED: {
    status: 400,
    vi: "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (hoặc in lại ra PDF) rồi tải lên lại.",
    en: "The file is password-protected and cannot be read. Remove the password (or print it to PDF again) and upload it again.",
  },
  DOCUMENT_FILE_TEXT_ENCODING: {
    status: 400,
    vi: "Tệp văn bản không ở bảng mã Unicode (UTF-8), TCVN3 hay VNI. Hãy mở tệp và lưu lại với bảng mã UTF-8.",
    en: "The text file is not in Unicode (UTF-8), TCVN3 or VNI. Open it and save it again as UTF-8.",
  },
  DOCUMENT_FILE_NOT_FOUND: { status: 404, vi: "Không tìm thấy tệp đính kèm.", en: "Attachment not found." },
  DOCUMENT_UPLOAD_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy tệp vừa tải lên (tệp chỉ được giữ một ngày). Hãy tải lên lại.",
    en: "The uploaded file was not found (uploads are kept for a day). Upload it again.",
  },
  DOCUMENT_RELATION_INVALID: {
    status: 400,
    vi: "Không thể liên kết văn bản với chính nó.",
    en: "A document cannot be related to itself.",
  },
  DOCUMENT_RELATION_EXISTS: {
    status: 409,
    vi: "Hai văn bản đã có liên kết này.",
    en: "The two documents already have this relation.",
  },
  DOCUMENT_RELATION_NOT_FOUND: { status: 404, vi: "Không tìm thấy liên kết.", en: "Relation not found." },
  DOCUMENT_REFERENCE_NOT_FOUND: {
    status: 400,
    vi: "Không có trích dẫn văn bản ở vị trí đã chọn trong nội dung tệp.",
    en: "There is no reference at the chosen position in the file's text.",
  },
  DOCUMENT_CASCADE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy yêu cầu cụ thể hóa.",
    en: "Implementation requirement not found.",
  },
  DOCUMENT_CASCADE_VERSION_CONFLICT: {
    status: 409,
    vi: "Yêu cầu cụ thể hóa vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.",
    en: "Someone else has just changed this implementation requirement. Reload, then edit again.",
  },
  DOCUMENT_CASCADE_PLACEHOLDER: {
    status: 400,
    vi: "Văn bản mới chỉ là bản ghi tạm từ trích dẫn. Hãy hoàn thiện thông tin văn bản trước khi giao cụ thể hóa.",
    en: "The document is only a placeholder from a citation. Complete it before requiring implementation.",
  },
  DOCUMENT_CASCADE_DEADLINE_BEFORE_ISSUE: {
    status: 400,
    vi: "Hạn ban hành văn bản cụ thể hóa không được trước ngày ban hành văn bản.",
    en: "The deadline cannot be before the document's issue date.",
  },
  DOCUMENT_CASCADE_NO_TARGETS: {
    status: 400,
    vi: "Không có tổ chức nào đang hoạt động thuộc các loại đã chọn trong tổ chức gốc đã chọn.",
    en: "No active organisation of the chosen types lies under the chosen root.",
  },
  DOCUMENT_CASCADE_TOO_MANY_TARGETS: {
    status: 400,
    vi: "Lựa chọn có quá nhiều tổ chức (tối đa 20.000).",
    en: "The selection holds too many organisations (at most 20,000).",
  },
  DOCUMENT_CASCADE_TARGET_OUTSIDE_SCOPE: {
    status: 400,
    vi: "Tổ chức được giao phải là tổ chức đang hoạt động, thuộc phạm vi quản lý văn bản của bạn và ở cấp dưới của cơ quan giữ văn bản.",
    en: "Each organisation required must be active, within your document management scope and below the organisation holding the document.",
  },
  DOCUMENT_CASCADE_TYPE_UNKNOWN: {
    status: 400,
    vi: "Loại tổ chức đã chọn không có trong danh mục.",
    en: "The chosen organisation type is not in the list.",
  },
  DOCUMENT_CASCADE_REMIND_NOT_TARGET: {
    status: 400,
    vi: "Tổ chức được nhắc phải là tổ chức được giao chưa ban hành văn bản cụ thể hóa.",
    en: "Reminders go only to required organisations that have not issued their implementing document.",
  },
  NOTIFICATION_NOT_FOUND: { status: 404, vi: "Không tìm thấy thông báo.", en: "Notification not found." },
  DOCUMENT_CITATION_INVALID: {
    status: 400,
    vi: "Tên gọi trích dẫn không đúng dạng. Ví dụ: Nghị quyết Trung ương 4 (khóa XII), Nghị quyết Đại hội XIV.",
    en: "The citation is not valid. Example: Nghị quyết Trung ương 4 (khóa XII), Nghị quyết Đại hội XIV.",
  },
  DOCUMENT_TYPE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy loại văn bản.",
    en: "Document type not found.",
  },
  DOCUMENT_TYPE_TAKEN: {
    status: 409,
    vi: "Đã có loại văn bản cùng hệ thống, cùng chữ viết tắt và cùng tên.",
    en: "A document type with this system, abbreviation and name already exists.",
  },
  DOCUMENT_ISSUER_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy mã cơ quan ban hành.",
    en: "Issuer code not found.",
  },
  DOCUMENT_ISSUER_TAKEN: {
    status: 409,
    vi: "Mã cơ quan ban hành này đã có trong danh mục.",
    en: "This issuer code already exists.",
  },
  COMMITTEE_TERM_NOT_FOUND: { status: 404, vi: "Không tìm thấy nhiệm kỳ.", en: "Committee term not found." },
  COMMITTEE_TERM_OVERLAP: {
    status: 409,
    vi: "Nhiệm kỳ này trùng thời gian với một nhiệm kỳ khác của cùng cấp ủy.",
    en: "This term overlaps another term of the same committee.",
  },
  COMMITTEE_TERM_HAS_DOCUMENTS: {
    status: 409,
    vi: "Không thể đổi thời gian nhiệm kỳ: có văn bản đã đánh số trong nhiệm kỳ sẽ nằm ngoài thời gian mới.",
    en: "The term's dates cannot change: documents numbered in it would fall outside the new dates.",
  },
} as const;
