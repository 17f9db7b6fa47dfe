// Sample Party-document texts written for the demo and the tests (no real document is copied): a
// provincial plan carrying out Kết luận 21-KL/TW and a commune plan carrying out the provincial one.
// Each is laid out like the real thing (Hướng dẫn 36-HD/VPTW): a header of two columns (issuing body
// with its number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with place and date on the right), the type
// line, the subject, the body, and a footer of two columns ("Nơi nhận:" on the left, the signature
// block on the right). Test fixtures turn them into .docx, PDF and .txt files.

export interface SampleDocument {
  /** Header columns, top to bottom. */
  headerLeft: readonly string[];
  headerRight: readonly string[];
  /** The type line ("KẾ HOẠCH"), then the subject lines. */
  title: readonly string[];
  /** Body paragraphs, one string each. */
  body: readonly string[];
  /** Footer columns: "Nơi nhận:" and its list; the signature block ending with the signer's name. */
  footerLeft: readonly string[];
  footerRight: readonly string[];
}

export const PROVINCE_PLAN_12_KH_TU: SampleDocument = {
  headerLeft: ["TỈNH ỦY BẮC NINH", "*", "Số 12-KH/TU"],
  headerRight: ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Ninh, ngày 05 tháng 02 năm 2026"],
  title: [
    "KẾ HOẠCH",
    "thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư",
    "Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    "và hệ thống chính trị",
    "-----",
  ],
  body: [
    "Thực hiện Kết luận số 21-KL/TW, ngày 25.10.2021 của Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”; Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về những điều đảng viên không được làm, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Quán triệt sâu sắc, đầy đủ nội dung Kết luận; gắn với tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng và Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "2. Các cấp ủy, tổ chức đảng xây dựng kế hoạch cụ thể hóa phù hợp với tình hình thực tế, rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả; kiểm tra, giám sát thường xuyên việc thực hiện.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Tăng cường công tác giáo dục chính trị tư tưởng, nêu cao ý thức tự phê bình và phê bình; thực hiện nghiêm Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm và Hướng dẫn số 43-HD/BTCTW ngày 31 tháng 10 năm 2025 của Ban Tổ chức Trung ương.",
    "2. Tiếp tục triển khai Đề án số 02-ĐA/TU về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2025 - 2030 và Quy chế số 05-QC/BTCTU-BDVTU phối hợp giữa Ban Tổ chức và Ban Dân vận Tỉnh ủy; bảo đảm 100% chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
    "3. Thực hiện tốt công tác văn thư theo Nghị định 30/2020/NĐ-CP của Chính phủ và Quyết định số 1234/QĐ-UBND ngày 12-3-2025 của Ủy ban nhân dân tỉnh; đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan đảng.",
    "4. Nâng cao chất lượng công tác kiểm tra, giám sát theo tinh thần Thông báo số 165-TB/UBKTTW ngày 7/12/2021 của Ủy ban Kiểm tra Trung ương; kịp thời phát hiện, xử lý nghiêm vi phạm. Phấn đấu đến năm 2030 có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; kinh phí bố trí năm 2026 là 1.250.000.000 đồng.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Các đảng ủy xã, phường trực thuộc Tỉnh ủy xây dựng kế hoạch cụ thể hóa Kế hoạch này, hoàn thành trước ngày 15/3/2026 và gửi về Văn phòng Tỉnh ủy (điện thoại 0222 3822 123).",
    "2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy định kỳ 6 tháng, hằng năm.",
  ],
  footerLeft: [
    "Nơi nhận:",
    "- Ban Bí thư Trung ương Đảng (để b/c),",
    "- Các đảng ủy trực thuộc Tỉnh ủy,",
    "- Các ban đảng, Văn phòng Tỉnh ủy,",
    "- Lưu Văn phòng Tỉnh ủy.",
  ],
  footerRight: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "(Đã ký)", "Nguyễn Văn Hùng"],
};

export const COMMUNE_PLAN_08_KH_DU: SampleDocument = {
  headerLeft: ["ĐẢNG BỘ TỈNH BẮC NINH", "ĐẢNG ỦY XÃ TIÊN DU", "*", "Số 08-KH/ĐU"],
  headerRight: ["ĐẢNG CỘNG SẢN VIỆT NAM", "Tiên Du, ngày 02 tháng 3 năm 2026"],
  title: [
    "KẾ HOẠCH",
    "thực hiện Kế hoạch số 12-KH/TU, ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy",
    "về thực hiện Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII",
    "-----",
  ],
  body: [
    "Thực hiện Kế hoạch số 12-KH/TU, ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Quán triệt đến 100% cán bộ, đảng viên trong Đảng bộ xã nội dung Kết luận và Kế hoạch của Tỉnh ủy; gắn với thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị và Quy định số 37-QĐ/TW ngày 25/10/2021.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Các chi bộ tổ chức sinh hoạt chuyên đề về xây dựng, chỉnh đốn Đảng ít nhất một lần trong quý II năm 2026; kiểm điểm, đánh giá, xếp loại chất lượng theo Quy định số 366-QĐ/TW.",
    "2. Ủy ban Kiểm tra Đảng ủy xã xây dựng chương trình kiểm tra, giám sát năm 2026, tập trung vào những nơi có biểu hiện suy thoái.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các chi bộ trực thuộc căn cứ Kế hoạch này xây dựng chương trình thực hiện, báo cáo kết quả về Đảng ủy xã trước ngày 30/11/2026.",
  ],
  footerLeft: [
    "Nơi nhận:",
    "- Ban Thường vụ Tỉnh ủy (để b/c),",
    "- Các chi bộ trực thuộc,",
    "- Lưu Văn phòng Đảng ủy.",
  ],
  footerRight: ["T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Mai"],
};

/** The document as plain text the way a .docx reads out: each column top to bottom, one line each. */
export function sampleDocumentText(document: SampleDocument): string {
  return [
    ...document.headerLeft,
    ...document.headerRight,
    ...document.title,
    ...document.body,
    ...document.footerLeft,
    ...document.footerRight,
  ].join("\n");
}
