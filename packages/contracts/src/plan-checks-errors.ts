// Error codes of the plan checker (spread into ERROR_CATALOGUE).
export const PLAN_CHECK_ERRORS = {
  PLAN_CHECK_EMPTY: {
    status: 400,
    vi: "Chưa có nội dung kế hoạch. Hãy dán văn bản hoặc chọn tệp kế hoạch.",
    en: "There is no plan text. Paste the text or choose the plan's file.",
  },
  PLAN_CHECK_TOO_LONG: {
    status: 413,
    vi: "Văn bản quá dài để kiểm tra một lần: tối đa 300.000 ký tự (khoảng 100 trang). Hãy tách kế hoạch thành từng phần.",
    en: "The text is too long to check at once: at most 300,000 characters (about 100 pages). Split the plan into parts.",
  },
  PLAN_CHECK_NO_TASKS: {
    status: 422,
    vi: "Không tìm thấy nhiệm vụ nào trong văn bản. Kế hoạch cần có các mục đánh số (1., a), -, +), phần “Nhiệm vụ, giải pháp” hoặc bảng nhiệm vụ.",
    en: "No tasks were found in the text. A plan needs numbered items (1., a), -, +), a “Tasks and solutions” part or a task table.",
  },
  PLAN_CHECK_FILE_MISSING: {
    status: 400,
    vi: "Hãy chọn tệp kế hoạch .docx, .txt hoặc .pdf để kiểm tra (trường tệp tên là file).",
    en: "Choose a .docx, .txt or .pdf plan file to check (in a part named file).",
  },
  PLAN_CHECK_FILE_UNSUPPORTED: {
    status: 415,
    vi: "Chỉ kiểm tra được tệp .docx, .txt hoặc .pdf có lớp chữ. Tệp .doc cũ: hãy mở bằng Word và lưu lại dạng .docx.",
    en: "Only .docx, .txt or .pdf files with text can be checked. An old .doc: open it in Word and save it as .docx.",
  },
  PLAN_CHECK_FILE_NO_TEXT: {
    status: 422,
    vi: "Tệp không có chữ để đọc (ảnh, hoặc PDF quét không có lớp chữ). Hãy dùng tệp .docx gốc, hoặc dán nội dung kế hoạch.",
    en: "The file has no text to read (an image, or a scanned PDF without a text layer). Use the original .docx, or paste the plan's text.",
  },
} as const;
