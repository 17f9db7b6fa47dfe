// Phrase banks for the bulk register's synthetic documents: subjects and body sentences of the kinds a
// Party committee writes (plans, reports, notices, decisions, resolutions, letters), with slots filled
// from topics, places, figures and dates. Texts reuse a limited vocabulary with varied figures and
// names, so full-text search meets term frequencies like those of a real register: common words in
// nearly every document, topic words in a few percent, village and person names rare.
import type { Random } from "./random.ts";

/** The matters documents are about (after "về", "công tác …"). */
export const TOPICS: readonly string[] = [
  "công tác phát triển đảng viên",
  "nâng cao chất lượng sinh hoạt chi bộ",
  "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
  "chuyển đổi số trong hoạt động của các cơ quan đảng",
  "công tác dân vận của hệ thống chính trị",
  "phòng, chống tham nhũng, lãng phí, tiêu cực",
  "xây dựng nông thôn mới nâng cao",
  "cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
  "bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
  "tiếp công dân, giải quyết khiếu nại, tố cáo",
  "công tác cán bộ và quy hoạch cán bộ",
  "kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên",
  "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
  "bảo đảm trật tự an toàn giao thông",
  "phòng, chống thiên tai, tìm kiếm cứu nạn",
  "thu ngân sách nhà nước và quản lý chi tiêu công",
  "bồi thường, giải phóng mặt bằng các dự án trọng điểm",
  "tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027",
  "kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam",
  "công tác thi đua, khen thưởng",
  "công tác văn thư, lưu trữ của Đảng",
  "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
  "xây dựng Đảng bộ trong sạch, vững mạnh",
  "phòng, chống dịch bệnh trên người và vật nuôi",
  "bảo vệ môi trường và xử lý rác thải sinh hoạt",
  "phát triển kinh tế tập thể, hợp tác xã",
  "công tác tuyên truyền, giáo dục chính trị tư tưởng",
  "quản lý đất đai, trật tự xây dựng",
  "phát triển giáo dục và đào tạo",
  "nâng cao chất lượng y tế cơ sở",
  "xây dựng đời sống văn hóa ở khu dân cư",
  "thực hiện chính sách an sinh xã hội",
  "giảm nghèo bền vững",
  "phát triển du lịch cộng đồng",
  "chuyển đổi cơ cấu cây trồng, vật nuôi",
  "thực hiện quy chế dân chủ ở cơ sở",
  "công tác nội chính và cải cách tư pháp",
  "bồi dưỡng lý luận chính trị cho đảng viên mới",
  "quản lý đảng viên đi làm ăn xa",
  "cấp, phát thẻ đảng viên",
  "công tác đối ngoại nhân dân",
  "xây dựng lực lượng dân quân tự vệ",
  "phòng cháy, chữa cháy",
  "đảm bảo nước sạch và vệ sinh môi trường nông thôn",
  "phát triển hạ tầng giao thông nông thôn",
  "thu hút đầu tư, phát triển doanh nghiệp",
  "công tác bảo vệ chính trị nội bộ",
  "hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
  "công tác thanh niên và bồi dưỡng đoàn viên ưu tú cho Đảng",
];

export const PERIODS: readonly string[] = [
  "quý I",
  "quý II",
  "6 tháng đầu năm",
  "quý III",
  "9 tháng",
  "năm",
  "tháng",
];

const ACTIONS: readonly string[] = [
  "quán triệt",
  "triển khai",
  "tổ chức thực hiện",
  "sơ kết",
  "tổng kết",
  "kiểm tra",
  "giám sát",
  "đôn đốc",
  "hướng dẫn",
  "tuyên truyền",
];

const SUBJECTS: Record<string, readonly string[]> = {
  KH: [
    "Tổ chức thực hiện {topic} năm {year}",
    "Kiểm tra, giám sát việc thực hiện {topic} {period} {year}",
    "Triển khai {topic} giai đoạn 2026 - 2030",
    "Tuyên truyền về {topic} năm {year}",
  ],
  BC: [
    "Kết quả {topic} {period} {year}",
    "Sơ kết {topic} {period} {year}, phương hướng nhiệm vụ thời gian tới",
    "Tình hình tư tưởng cán bộ, đảng viên và Nhân dân {period} {year}",
    "Kết quả thực hiện nhiệm vụ chính trị {period} {year}",
  ],
  TB: [
    "Kết luận của Ban Thường vụ về {topic}",
    "Ý kiến chỉ đạo của Thường trực về {topic}",
    "Phân công nhiệm vụ trong Ban Thường vụ về {topic}",
  ],
  QĐ: [
    "Về việc thành lập Đoàn kiểm tra {topic}",
    "Về việc chuẩn y kết quả bầu cử cấp ủy chi bộ {village}",
    "Về việc kết nạp đảng viên",
    "Về việc công nhận đảng viên chính thức",
    "Về việc thành lập Tổ giúp việc về {topic}",
    "Về việc khen thưởng tổ chức đảng, đảng viên năm {year}",
  ],
  NQ: ["Về lãnh đạo {topic} năm {year}", "Về nhiệm vụ trọng tâm {period} {year}", "Về {topic}"],
  CV: [
    "Về việc báo cáo {topic}",
    "Về việc đôn đốc {topic}",
    "Về việc cử cán bộ tham dự tập huấn {topic}",
    "Về việc góp ý dự thảo văn bản về {topic}",
    "Về việc chuẩn bị nội dung hội nghị Ban Chấp hành",
  ],
  HD: ["Hướng dẫn {topic}", "Hướng dẫn thực hiện {topic} năm {year}"],
  CTr: ["Chương trình kiểm tra, giám sát năm {year}", "Chương trình công tác {period} {year}"],
  BB: ["Biên bản hội nghị Ban Chấp hành về {topic}", "Biên bản kiểm tra {topic}"],
};

const SENTENCES: readonly string[] = [
  "Các cấp ủy, tổ chức đảng {action} nghiêm túc, đầy đủ nội dung về {topic}, bảo đảm thống nhất cao trong nhận thức và hành động.",
  "Trong {period}, toàn Đảng bộ đã {action} {count} hội nghị, với {people} lượt cán bộ, đảng viên tham dự, đạt {percent}%.",
  "Chi bộ {village} làm tốt {topic}; {count} đảng viên được biểu dương vì có nhiều đóng góp tiêu biểu.",
  "Việc {action} {topic} còn một số hạn chế: một số chi bộ chưa quyết liệt, nội dung sinh hoạt chưa thiết thực.",
  "Ủy ban Kiểm tra đã kiểm tra {count} tổ chức đảng và {people} đảng viên khi có dấu hiệu vi phạm; đề nghị thi hành kỷ luật {small} trường hợp.",
  "Phấn đấu đến cuối năm {year} có trên {percent}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.",
  "Đề nghị các chi bộ trực thuộc báo cáo kết quả {topic} trước ngày {date} để tổng hợp.",
  "Đồng chí {person}, Phó Bí thư Thường trực, trực tiếp chỉ đạo; Văn phòng theo dõi, đôn đốc, tổng hợp kết quả.",
  "Tổng thu ngân sách đạt {money} triệu đồng, bằng {percent}% dự toán; chi ngân sách bảo đảm đúng quy định.",
  "Thực hiện phương châm rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả trong {topic}.",
  "Kết nạp {small} đảng viên mới, đạt {percent}% chỉ tiêu; chuyển đảng chính thức cho {small} đồng chí đúng thời hạn.",
  "Tình hình tư tưởng của cán bộ, đảng viên và Nhân dân ổn định, tin tưởng vào sự lãnh đạo của Đảng.",
  "Công tác {topic} được cấp ủy quan tâm lãnh đạo, chỉ đạo; có {count} mô hình hay, cách làm sáng tạo được nhân rộng.",
  "Các đoàn thể chính trị - xã hội phối hợp chặt chẽ, vận động Nhân dân tham gia {topic}.",
  "Một số nhiệm vụ còn chậm tiến độ, nhất là {topic}; nguyên nhân chủ yếu là nguồn lực còn hạn chế.",
  "Ban Thường vụ giao {department} chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện {topic}.",
  "Tăng cường {action} việc thực hiện nhiệm vụ được giao, xử lý nghiêm những trường hợp né tránh, đùn đẩy trách nhiệm.",
  "Đẩy mạnh ứng dụng công nghệ thông tin; {percent}% văn bản được gửi, nhận trên môi trường điện tử.",
  "Tổ chức hội nghị trực tuyến đến {count} điểm cầu, bảo đảm an toàn, tiết kiệm, hiệu quả.",
  "Rà soát, bổ sung quy hoạch cán bộ; giới thiệu {small} đồng chí tham gia lớp bồi dưỡng lý luận chính trị.",
  "Thôn {village} hoàn thành tiêu chí khu dân cư kiểu mẫu; {people} hộ gia đình đạt danh hiệu gia đình văn hóa.",
  "Tiếp {people} lượt công dân, tiếp nhận {count} đơn thư; đã giải quyết dứt điểm {percent}% vụ việc thuộc thẩm quyền.",
  "Xây dựng và triển khai kế hoạch {topic}, phân công cụ thể cho từng đồng chí cấp ủy viên phụ trách.",
  "Hội nghị thống nhất đánh giá kết quả {period} và đề ra {small} nhóm nhiệm vụ, giải pháp trọng tâm.",
  "Giao Ủy ban Kiểm tra theo dõi, giám sát việc thực hiện, báo cáo Ban Thường vụ định kỳ hằng quý.",
  "Tỷ lệ đảng viên được đánh giá hoàn thành tốt nhiệm vụ trở lên đạt {percent}%; không có đảng viên vi phạm tư cách.",
  "Chủ động nắm tình hình, giải quyết kịp thời những vấn đề phát sinh ngay từ cơ sở, không để hình thành điểm nóng.",
  "Bố trí kinh phí {money} triệu đồng từ nguồn ngân sách để thực hiện các nội dung của {topic}.",
  "Tổ chức lễ trao Huy hiệu Đảng cho {small} đảng viên; thăm hỏi, tặng quà {count} gia đình chính sách.",
  "Tiếp tục thực hiện có hiệu quả {topic}, gắn với nhiệm vụ phát triển kinh tế - xã hội của địa phương.",
];

const DEPARTMENTS: readonly string[] = [
  "Văn phòng",
  "Ban Tổ chức",
  "Ủy ban Kiểm tra",
  "Ban Tuyên giáo và Dân vận",
  "Ủy ban Mặt trận Tổ quốc",
];

/** Paragraph count of a body by type: reports and plans are long, letters and decisions short. */
const PARAGRAPHS: Record<string, readonly [number, number]> = {
  KH: [8, 18],
  BC: [10, 22],
  TB: [4, 8],
  QĐ: [3, 5],
  NQ: [6, 12],
  CV: [2, 5],
  HD: [8, 14],
  CTr: [8, 14],
  BB: [6, 10],
};

export interface PhraseContext {
  random: Random;
  year: string;
  villages: readonly string[];
  person: () => string;
}

/** 12.345 — Vietnamese thousands separator (without Intl: called millions of times). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

export function fillPhrase(template: string, context: PhraseContext, topic?: string): string {
  const { random } = context;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "topic":
        return topic ?? random.pick(TOPICS);
      case "period":
        return random.pick(PERIODS);
      case "year":
        return context.year;
      case "action":
        return random.pick(ACTIONS);
      case "count":
        return String(random.int(3, 60));
      case "small":
        return String(random.int(1, 12));
      case "people":
        return thousands(random.int(40, 2_500));
      case "percent":
        return String(random.int(70, 100));
      case "money":
        return thousands(random.int(50, 95_000));
      case "date":
        return `${pad2(random.int(1, 28))}/${pad2(random.int(1, 12))}/${context.year}`;
      case "village":
        return random.pick(context.villages);
      case "person":
        return context.person();
      case "department":
        return random.pick(DEPARTMENTS);
      default:
        return slot;
    }
  });
}

/** A subject (trích yếu) for a document of the type, and the topic it is about. */
export function synthesizeSubject(type: string, context: PhraseContext): { subject: string; topic: string } {
  const topic = context.random.pick(TOPICS);
  const templates = SUBJECTS[type] ?? SUBJECTS.CV ?? [];
  const subject = fillPhrase(context.random.pick(templates), context, topic);
  return { subject: subject.charAt(0).toUpperCase() + subject.slice(1), topic };
}

/** Body paragraphs of a document of the type, most about its topic, some about others. */
export function synthesizeParagraphs(type: string, topic: string, context: PhraseContext): string[] {
  const [min, max] = PARAGRAPHS[type] ?? [4, 8];
  const count = context.random.int(min, max);
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentences = context.random.int(1, 2);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++)
      parts.push(
        fillPhrase(context.random.pick(SENTENCES), context, context.random.chance(0.7) ? topic : undefined),
      );
    paragraphs.push(parts.join(" "));
  }
  return paragraphs;
}
