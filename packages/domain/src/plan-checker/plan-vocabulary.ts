// The words a plan checker reads by, as data (search keys: lower case, no diacritics, đ→d). A committee
// that writes differently adds words here; nothing else in the checker names a Vietnamese word.

/** Abbreviations of bodies as plans write them ("BTC TU chủ trì"), expanded for display and matching. */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  BTV: "Ban Thường vụ",
  BCH: "Ban Chấp hành",
  TT: "Thường trực",
  UBKT: "Ủy ban Kiểm tra",
  MTTQ: "Mặt trận Tổ quốc",
  BTC: "Ban Tổ chức",
  VP: "Văn phòng",
  BTG: "Ban Tuyên giáo",
  BDV: "Ban Dân vận",
  BTGDV: "Ban Tuyên giáo và Dân vận",
  BNC: "Ban Nội chính",
  BCĐ: "Ban Chỉ đạo",
  ĐU: "Đảng ủy",
  CB: "Chi bộ",
  TU: "Tỉnh ủy",
  HU: "Huyện ủy",
  ThU: "Thành ủy",
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  ĐTN: "Đoàn Thanh niên",
  HLHPN: "Hội Liên hiệp Phụ nữ",
  HCCB: "Hội Cựu chiến binh",
  HND: "Hội Nông dân",
  CĐ: "Công đoàn",
  CA: "Công an",
  BCHQS: "Ban Chỉ huy Quân sự",
};

/** Codes of the committee a body belongs to, written glued to the body's code: "BTC" + "TU" = "BTCTU". */
export const COMMITTEE_SUFFIXES: readonly string[] = ["TU", "HU", "ThU", "ĐU", "TW"];

/** Words a unit's name starts with. Single words must be capitalised to count (Sở, Ban, Hội). */
export const UNIT_HEADS: readonly string[] = [
  "ban",
  "ban thuong vu",
  "thuong truc",
  "van phong",
  "uy ban",
  "dang uy",
  "dang bo",
  "chi bo",
  "cap uy",
  "dang doan",
  "ban can su dang",
  "chi uy",
  "chi hoi",
  "cac chi hoi",
  "tinh uy",
  "huyen uy",
  "thanh uy",
  "mat tran",
  "cong doan",
  "doan",
  "hoi",
  "cong an",
  "so",
  "phong",
  "trung tam",
  "truong",
  "bao",
  "dai",
  "to",
  "to chuc dang",
  "co quan",
  "don vi",
  "cac ban",
  "cac co quan",
  "cac don vi",
  "cac dia phuong",
  "cac dang uy",
  "cac dang bo",
  "cac chi bo",
  "cac cap uy",
  "cac to chuc dang",
  "cac so",
  "cac nganh",
  "cac doan the",
  "cac hoi",
  "cac cap",
  "cac dang vien",
  "dang vien",
  "can bo, dang vien",
  "ubnd",
  "hdnd",
];

/** Unit heads that are also ordinary lower-case words: only a capitalised one starts a unit. */
export const CAPITAL_ONLY_HEADS: ReadonlySet<string> = new Set([
  "ban",
  "so",
  "phong",
  "hoi",
  "doan",
  "bao",
  "dai",
  "to",
  "truong",
  "co quan",
  "don vi",
  "uy ban",
  "van phong",
  "thuong truc",
  "trung tam",
  "cong an",
  "mat tran",
  "cong doan",
]);

/** A lead named only like this is no one in particular. */
export const GENERIC_UNIT_MARKERS: readonly string[] = ["lien quan", "co lien quan"];
/** Everyone is no one in particular: "các đảng viên trong chi bộ", "cán bộ, đảng viên". */
export const GENERIC_UNIT_STARTS: readonly string[] = [
  "cac dang vien",
  "dang vien",
  "can bo, dang vien",
  "toan the",
  "cac so, ban, nganh",
  "cac ban, nganh",
];
export const GENERIC_UNITS: ReadonlySet<string> = new Set([
  "cac co quan",
  "cac don vi",
  "cac co quan, don vi",
  "cac dia phuong",
  "cac nganh",
  "cac cap",
  "cac cap, cac nganh",
  "cac ban, nganh",
  "cac ban, nganh, doan the",
  "cac doan the",
]);

/** Said after a unit: that unit leads ("Ban Tổ chức Tỉnh ủy chủ trì"). */
export const LEAD_ROLE_AFTER: readonly string[] = [
  "chu tri",
  "dong chu tri",
  "chiu trach nhiem",
  "chiu trach nhiem chinh",
  "chiu trach nhiem chu tri",
  "phu trach",
  "la co quan thuong truc",
  "la co quan chu tri",
  "tham muu",
];

/** Said before a unit: that unit is given the task ("giao Văn phòng Tỉnh ủy …"). */
export const ASSIGN_BEFORE: readonly string[] = [
  "giao",
  "giao cho",
  "de nghi",
  "yeu cau",
  "phan cong",
  "co quan chu tri",
  "don vi chu tri",
  "chu tri",
  "co quan thuc hien",
  "don vi thuc hien",
  "trach nhiem thuc hien",
];

/** Said before supporting units ("phối hợp với Văn phòng Tỉnh ủy"). */
export const SUPPORT_BEFORE: readonly string[] = [
  "phoi hop voi",
  "phoi hop cung",
  "phoi hop chat che voi",
  "phoi hop",
  "co quan phoi hop",
  "don vi phoi hop",
];

/** Posts a person holds; "đồng chí Bí thư … chịu trách nhiệm" names a person, not a unit. */
export const PERSON_TITLES: readonly string[] = [
  "bi thu",
  "pho bi thu",
  "pho bi thu thuong truc",
  "chu tich",
  "pho chu tich",
  "truong ban",
  "pho truong ban",
  "chanh van phong",
  "pho chanh van phong",
  "chu nhiem",
  "pho chu nhiem",
  "thu truong",
  "nguoi dung dau",
  "giam doc",
  "cap uy vien",
  "dang uy vien",
  "uy vien ban thuong vu",
  "bi thu chi bo",
  "truong thon",
  "truong khu pho",
  "truong ap",
  "to truong",
];

export const PERSON_INTRODUCERS: readonly string[] = ["dong chi", "d / c", "ong", "ba"];

/** Verbs that say who answers for a task when said of a person. */
export const PERSON_ROLE_AFTER: readonly string[] = [
  "chiu trach nhiem",
  "truc tiep chi dao",
  "truc tiep phu trach",
  "phu trach",
  "chu tri",
  "chi dao",
];

/** Verbs that name concrete work. */
export const CONCRETE_VERBS: readonly string[] = [
  "thuc hien",
  "trien khai",
  "xay dung",
  "to chuc",
  "to chuc thuc hien",
  "tham muu",
  "huong dan",
  "theo doi",
  "don doc",
  "kiem tra",
  "giam sat",
  "quan triet",
  "tong hop",
  "bao cao",
  "ban hanh",
  "ra soat",
  "danh gia",
  "tong ket",
  "so ket",
  "chi dao",
  "lanh dao",
  "tuyen truyen",
  "pho bien",
  "hoc tap",
  "cu the hoa",
  "phan cong",
  "hoan thanh",
  "chuan bi",
  "tiep nhan",
  "giai quyet",
  "xu ly",
  "boi duong",
  "tap huan",
  "dao tao",
  "ket nap",
  "sinh hoat",
  "kiem diem",
  "xep loai",
  "cap nhat",
  "lap",
  "gui",
  "trinh",
  "du thao",
  "soan thao",
  "thanh lap",
  "kien toan",
  "sua doi",
  "bo sung",
  "hoan thien",
  "tham dinh",
  "sap xep",
  "thu hoi",
  "tiep dan",
  "doi thoai",
  "phat trien",
  "cung co",
  "khen thuong",
  "ky",
  "thong bao",
  "phe duyet",
  "rut kinh nghiem",
  "van dong",
  "bien soan",
  "phat hanh",
  "phan bien",
  "giup",
  "gioi thieu",
  "mo",
  "xem xet",
  "de xuat",
  "dang ky",
  "nop",
  "thu nop",
  "nam tinh hinh",
  "nam bat",
];

/** Said between a unit and its verb ("Các chi bộ thường xuyên kiểm tra"). */
export const ADVERBS: readonly string[] = [
  "thuong xuyen",
  "kip thoi",
  "chu dong",
  "nghiem tuc",
  "khan truong",
  "tich cuc",
  "dong thoi",
  "truc tiep",
  "cung",
];

/** Verbs that say "do more of it" without saying what: alone they leave the job unclear. */
export const VAGUE_VERBS: readonly string[] = [
  "tang cuong",
  "day manh",
  "nang cao",
  "quan tam",
  "chu trong",
  "phat huy",
  "tiep tuc",
  "coi trong",
  "chu y",
  "tap trung",
  "dam bao",
  "bao dam",
  "duy tri",
  "no luc",
  "tich cuc",
  "quyet liet",
  "nhan rong",
];

/** Before a verb these make it a noun ("công tác kiểm tra"): not an action. */
export const NOMINALISERS: readonly string[] = ["cong tac", "cong tac tu", "viec", "hoat dong", "su", "ve"];

/** Products a task can hand over. */
export const PRODUCT_NOUNS: readonly string[] = [
  "bao cao",
  "ke hoach",
  "de an",
  "nghi quyet",
  "chi thi",
  "quyet dinh",
  "quy che",
  "quy dinh",
  "huong dan",
  "chuong trinh",
  "to trinh",
  "thong bao",
  "ket luan",
  "van ban",
  "danh sach",
  "bien ban",
  "tai lieu",
  "cong van",
  "so tay",
  "de cuong",
  "phuong an",
  "du thao",
  "chuyen de",
  "bo tieu chi",
  "co so du lieu",
  "hoi nghi",
  "ho so",
  "chinh sach",
  "co che",
];

/** Verbs that make the noun after them a product ("ban hành kế hoạch"). */
export const PRODUCING_VERBS: readonly string[] = [
  "xay dung",
  "ban hanh",
  "xay dung va ban hanh",
  "trinh",
  "tham muu",
  "gui",
  "hoan thanh",
  "co",
  "lap",
  "soan thao",
  "du thao",
  "chuan bi",
  "to chuc",
  "hoan thien",
  "xay dung, ban hanh",
  "nop",
  "bien soan",
  "phat hanh",
  "tham dinh",
];

/** Words that may follow a product and belong to its name ("báo cáo kết quả", "kế hoạch cụ thể hóa"). */
export const PRODUCT_QUALIFIERS: readonly string[] = [
  "ket qua",
  "so ket",
  "tong ket",
  "cu the hoa",
  "thuc hien",
  "chuyen de",
  "kiem tra",
  "giam sat",
  "kiem tra, giam sat",
  "danh gia",
  "tong hop",
  "trien khai",
  "lam viec",
  "kiem diem",
];

/** Verbs before a count that make a countable target ("kết nạp 50 đảng viên"). */
export const COUNTING_VERBS: readonly string[] = [
  "ket nap",
  "phat trien",
  "boi duong",
  "tap huan",
  "dao tao",
  "kiem tra",
  "giam sat",
  "to chuc",
  "xay dung",
  "hoan thanh",
  "thanh lap",
  "giai quyet",
  "mo",
  "gioi thieu",
  "dat",
  "co",
  "tren",
  "it nhat",
  "toi thieu",
  "khong duoi",
];

/** Results that promise improvement but name no product or measure. */
export const VAGUE_RESULTS: readonly string[] = [
  "nang cao chat luong",
  "nang cao hieu qua",
  "chuyen bien tich cuc",
  "co chuyen bien",
  "tao chuyen bien",
  "hoan thanh tot",
  "dat hieu qua",
  "hieu qua",
  "thiet thuc",
  "ro net",
];

/** Section headings that hold tasks, and those that do not (checked first: "MỤC ĐÍCH, YÊU CẦU"). */
export const TASK_SECTION_WORDS: readonly string[] = [
  "nhiem vu",
  "giai phap",
  "to chuc thuc hien",
  "phan cong",
  "noi dung",
  "chuong trinh",
  "lo trinh",
  "cong viec",
  "trach nhiem",
  "che do bao cao",
  "tien do",
];
export const SKIP_SECTION_WORDS: readonly string[] = [
  "muc dich",
  "yeu cau",
  "muc tieu",
  "quan diem",
  "can cu",
  "tinh hinh",
  "ket qua dat duoc",
  "danh gia chung",
  "chi tieu",
  "kinh phi",
];

/** The block after the tasks: recipients and signature. */
export const FOOTER_STARTS: readonly string[] = [
  "noi nhan",
  "t / m",
  "tm .",
  "tm",
  "k / t",
  "kt .",
  "t / l",
  "tl .",
  "tuq .",
];

/** Closing sentences that are not tasks ("Trên đây là Kế hoạch …"). */
export const CLOSING_STARTS: readonly string[] = ["tren day la", "ke hoach nay duoc", "noi nhan"];

/** A body paragraph that introduces the plan rather than giving a task. */
export const INTRO_STARTS: readonly string[] = ["thuc hien", "can cu", "de", "nham"];

/** Table columns, recognised by their header cell. */
export type TableColumn = "number" | "text" | "lead" | "support" | "person" | "time" | "result";

export const TABLE_HEADERS: readonly (readonly [TableColumn, readonly string[]])[] = [
  ["number", ["tt", "stt", "so tt", "so thu tu"]],
  ["support", ["phoi hop", "co quan phoi hop", "don vi phoi hop"]],
  ["person", ["nguoi phu trach", "lanh dao phu trach", "dong chi phu trach", "nguoi chiu trach nhiem"]],
  [
    "lead",
    [
      "chu tri",
      "co quan chu tri",
      "don vi chu tri",
      "co quan thuc hien",
      "don vi thuc hien",
      "chiu trach nhiem",
    ],
  ],
  ["time", ["thoi gian", "thoi han", "tien do", "thoi gian hoan thanh", "thoi gian thuc hien"]],
  ["result", ["san pham", "ket qua", "hinh thuc", "ket qua, san pham", "san pham du kien"]],
  ["text", ["noi dung", "nhiem vu", "cong viec", "ten nhiem vu", "noi dung cong viec", "noi dung nhiem vu"]],
];

/** Labels of a task's parts ("Chủ trì: …", "Thời gian: …"): a line starting with one continues the task. */
export const FIELD_LABEL_LINES: readonly string[] = [
  "chu tri",
  "co quan chu tri",
  "don vi chu tri",
  "phoi hop",
  "co quan phoi hop",
  "don vi phoi hop",
  "thoi gian",
  "thoi han",
  "tien do",
  "san pham",
  "ket qua",
  "nguoi phu trach",
];

/** "như trên", "như mục 1": the clear is the same as before. */
export const SAME_AS_ABOVE: readonly string[] = ["nhu tren", "nt"];
export const SAME_AS_ITEM: readonly string[] = ["nhu muc", "nhu nhiem vu", "nhu diem", "nhu noi dung"];
