// Curated Vietnamese words for synthetic data, written in NFC with their proper diacritics. The places
// are plausible, not a register of real units.

export interface ProvinceDef {
  code: string;
  /** Name without the unit word: "Bắc Ninh", "Thành phố Hồ Chí Minh". */
  name: string;
  city: boolean;
  /** Approximate number of commune-level units after 1 July 2025. */
  communes: number;
  /** Special zones (đặc khu), if any. */
  specialZones?: readonly string[];
}

/** The 34 provincial-level units after the 2025 re-organisation: 28 provinces and 6 cities. */
export const PROVINCES: readonly ProvinceDef[] = [
  { code: "HN", name: "Hà Nội", city: true, communes: 126 },
  { code: "HCM", name: "Thành phố Hồ Chí Minh", city: true, communes: 168, specialZones: ["Côn Đảo"] },
  { code: "HP", name: "Hải Phòng", city: true, communes: 114, specialZones: ["Cát Hải", "Bạch Long Vĩ"] },
  { code: "DNG", name: "Đà Nẵng", city: true, communes: 94, specialZones: ["Hoàng Sa"] },
  { code: "HUE", name: "Huế", city: true, communes: 40 },
  { code: "CT", name: "Cần Thơ", city: true, communes: 103 },
  { code: "LCH", name: "Lai Châu", city: false, communes: 38 },
  { code: "DB", name: "Điện Biên", city: false, communes: 45 },
  { code: "SL", name: "Sơn La", city: false, communes: 75 },
  { code: "LS", name: "Lạng Sơn", city: false, communes: 65 },
  { code: "QNI", name: "Quảng Ninh", city: false, communes: 54, specialZones: ["Vân Đồn", "Cô Tô"] },
  { code: "TH", name: "Thanh Hóa", city: false, communes: 166 },
  { code: "NA", name: "Nghệ An", city: false, communes: 130 },
  { code: "HT", name: "Hà Tĩnh", city: false, communes: 69 },
  { code: "CB", name: "Cao Bằng", city: false, communes: 56 },
  { code: "TQ", name: "Tuyên Quang", city: false, communes: 124 },
  { code: "LC", name: "Lào Cai", city: false, communes: 99 },
  { code: "TN", name: "Thái Nguyên", city: false, communes: 92 },
  { code: "PT", name: "Phú Thọ", city: false, communes: 148 },
  { code: "BN", name: "Bắc Ninh", city: false, communes: 99 },
  { code: "HY", name: "Hưng Yên", city: false, communes: 104 },
  { code: "NB", name: "Ninh Bình", city: false, communes: 129 },
  { code: "QT", name: "Quảng Trị", city: false, communes: 78, specialZones: ["Cồn Cỏ"] },
  { code: "QNG", name: "Quảng Ngãi", city: false, communes: 96, specialZones: ["Lý Sơn"] },
  { code: "GL", name: "Gia Lai", city: false, communes: 135 },
  { code: "KH", name: "Khánh Hòa", city: false, communes: 65, specialZones: ["Trường Sa"] },
  { code: "LD", name: "Lâm Đồng", city: false, communes: 124, specialZones: ["Phú Quý"] },
  { code: "DL", name: "Đắk Lắk", city: false, communes: 102 },
  { code: "DNA", name: "Đồng Nai", city: false, communes: 95 },
  { code: "TNI", name: "Tây Ninh", city: false, communes: 96 },
  { code: "VL", name: "Vĩnh Long", city: false, communes: 124 },
  { code: "DT", name: "Đồng Tháp", city: false, communes: 102 },
  { code: "CM", name: "Cà Mau", city: false, communes: 64 },
  { code: "AG", name: "An Giang", city: false, communes: 102, specialZones: ["Phú Quốc", "Kiên Hải", "Thổ Châu"] },
];

/** "Tỉnh ủy Bắc Ninh", "Thành ủy Hà Nội", "Thành ủy Thành phố Hồ Chí Minh". */
export function provincialCommitteeName(province: ProvinceDef): string {
  return `${province.city ? "Thành ủy" : "Tỉnh ủy"} ${province.name}`;
}

/** Commune names of the demo province (Bắc Ninh), besides Tân Hưng and the two merged communes. */
export const DEMO_COMMUNES: readonly { name: string; ward: boolean }[] = [
  { name: "Kinh Bắc", ward: true },
  { name: "Võ Cường", ward: true },
  { name: "Vũ Ninh", ward: true },
  { name: "Hạp Lĩnh", ward: true },
  { name: "Nam Sơn", ward: true },
  { name: "Từ Sơn", ward: true },
  { name: "Tam Sơn", ward: true },
  { name: "Đồng Nguyên", ward: true },
  { name: "Phù Khê", ward: true },
  { name: "Thuận Thành", ward: true },
  { name: "Mão Điền", ward: true },
  { name: "Trạm Lộ", ward: true },
  { name: "Trí Quả", ward: true },
  { name: "Song Liễu", ward: true },
  { name: "Ninh Xá", ward: true },
  { name: "Quế Võ", ward: true },
  { name: "Phương Liễu", ward: true },
  { name: "Nhân Hòa", ward: true },
  { name: "Đào Viên", ward: true },
  { name: "Bồng Lai", ward: true },
  { name: "Chũ", ward: true },
  { name: "Phượng Sơn", ward: true },
  { name: "Bắc Giang", ward: true },
  { name: "Đa Mai", ward: true },
  { name: "Tiền Phong", ward: true },
  { name: "Việt Yên", ward: true },
  { name: "Nếnh", ward: true },
  { name: "Vân Hà", ward: true },
  { name: "Tự Lạn", ward: true },
  { name: "Yên Dũng", ward: true },
  { name: "Cảnh Thụy", ward: true },
  { name: "Tiên Du", ward: false },
  { name: "Liên Bão", ward: false },
  { name: "Tân Chi", ward: false },
  { name: "Đại Đồng", ward: false },
  { name: "Phật Tích", ward: false },
  { name: "Gia Bình", ward: false },
  { name: "Nhân Thắng", ward: false },
  { name: "Đại Lai", ward: false },
  { name: "Cao Đức", ward: false },
  { name: "Đông Cứu", ward: false },
  { name: "Lương Tài", ward: false },
  { name: "Lâm Thao", ward: false },
  { name: "Trung Chính", ward: false },
  { name: "Trung Kênh", ward: false },
  { name: "Yên Thế", ward: false },
  { name: "Bố Hạ", ward: false },
  { name: "Đồng Kỳ", ward: false },
  { name: "Xuân Lương", ward: false },
  { name: "Tam Tiến", ward: false },
  { name: "Lục Nam", ward: false },
  { name: "Bảo Đài", ward: false },
  { name: "Bắc Lũng", ward: false },
  { name: "Cẩm Lý", ward: false },
  { name: "Lạng Giang", ward: false },
  { name: "Kép", ward: false },
  { name: "Mỹ Thái", ward: false },
  { name: "Sơn Động", ward: false },
  { name: "Tuấn Đạo", ward: false },
];

/** Syllables that combine into plausible commune names for the bulk (national) data. */
export const PLACE_FIRST: readonly string[] = [
  "Tân", "Đông", "Tây", "Nam", "Bắc", "Yên", "Phú", "Hòa", "Bình", "An", "Thanh", "Hồng", "Quang", "Đại",
  "Trung", "Vĩnh", "Hưng", "Thuận", "Minh", "Đức", "Hiệp", "Lạc", "Phúc", "Xuân", "Cẩm", "Kim", "Ngọc",
  "Việt", "Long", "Thái", "Hoàng", "Tiên", "Vân", "Lương", "Mỹ", "Hải", "Quế", "Gia", "Lâm", "Sơn",
];
export const PLACE_SECOND: readonly string[] = [
  "An", "Bình", "Hưng", "Thịnh", "Lợi", "Phong", "Hòa", "Lộc", "Thành", "Tiến", "Sơn", "Hà", "Giang", "Lâm",
  "Phú", "Quý", "Khánh", "Thủy", "Trường", "Đồng", "Xá", "Điền", "Lạc", "Dương", "Châu", "Nguyên", "Mỹ",
  "Vinh", "Tường", "Hội", "Lĩnh", "Cường", "Đạo", "Tân", "Ninh", "Hải", "Linh", "Kiều", "Đoài", "Bảo",
];

/** Village (thôn) names; numbered villages are added when a commune needs more. */
export const VILLAGES: readonly string[] = [
  "Đông", "Đoài", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Nội", "Ngoại", "Cầu", "Chùa", "Đình", "Giữa",
  "Mới", "Cả", "Bến", "Đồng", "Trại", "Lũng", "Gốm", "Chợ", "Vườn", "Tháp", "Văn", "Hậu", "Tiền",
  "Phố", "Lò", "Dốc", "Quán",
];

/** Grassroots cells of a commune (chi bộ cơ sở), "{commune}" is replaced by the commune's name. */
export const COMMUNE_CELL_UNITS: readonly string[] = [
  "Chi bộ trường Mầm non {commune}",
  "Chi bộ trường Tiểu học {commune}",
  "Chi bộ trường THCS {commune}",
  "Chi bộ trạm y tế {commune}",
  "Chi bộ Công an {commune}",
  "Chi bộ Quân sự {commune}",
  "Chi bộ Hợp tác xã nông nghiệp {commune}",
  "Chi bộ Quỹ tín dụng nhân dân {commune}",
];

export const COMPANY_WORDS: readonly string[] = [
  "Đại Phát", "Hưng Thịnh", "Minh Long", "Tân Tiến", "Thành Công", "Phú Cường", "Hòa Bình", "Việt Hưng",
  "Kinh Bắc", "Sao Mai", "Hồng Hà", "Trường Sơn", "Bình Minh", "Phúc Lộc", "Thăng Long", "Đông Á",
];

export const COMPANY_CELLS: readonly string[] = [
  "Chi bộ phòng Hành chính",
  "Chi bộ phòng Kỹ thuật",
  "Chi bộ phòng Kinh doanh",
  "Chi bộ phòng Tài chính - Kế toán",
  "Chi bộ phân xưởng Sản xuất",
  "Chi bộ phân xưởng Cơ điện",
  "Chi bộ phòng Vật tư",
  "Chi bộ phân xưởng Hoàn thiện",
];

export const SCHOOL_CELLS: readonly string[] = [
  "Chi bộ tổ Toán - Tin",
  "Chi bộ tổ Ngữ văn",
  "Chi bộ tổ Ngoại ngữ",
  "Chi bộ tổ Khoa học tự nhiên",
  "Chi bộ tổ Khoa học xã hội",
  "Chi bộ tổ Văn phòng",
];

export const HOSPITAL_CELLS: readonly string[] = [
  "Chi bộ khoa Nội",
  "Chi bộ khoa Ngoại",
  "Chi bộ khoa Nhi",
  "Chi bộ khoa Sản",
  "Chi bộ khoa Cấp cứu",
  "Chi bộ khoa Xét nghiệm",
  "Chi bộ khoa Dược",
  "Chi bộ phòng Kế hoạch tổng hợp",
];

/** Units under "Đảng ủy các cơ quan Đảng tỉnh"; {province} is replaced. */
export const PARTY_AGENCY_UNITS: readonly string[] = [
  "Chi bộ Ban Tổ chức Tỉnh ủy",
  "Chi bộ Ủy ban Kiểm tra Tỉnh ủy",
  "Chi bộ Ban Tuyên giáo và Dân vận Tỉnh ủy",
  "Chi bộ Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
  "Chi bộ Hội Nông dân tỉnh",
  "Chi bộ Tỉnh đoàn",
  "Chi bộ Hội Liên hiệp Phụ nữ tỉnh",
  "Chi bộ Liên đoàn Lao động tỉnh",
  "Chi bộ Hội Cựu chiến binh tỉnh",
  "Chi bộ Ban Nội chính Tỉnh ủy",
];

/** Units under "Đảng ủy Ủy ban nhân dân tỉnh". */
export const GOVERNMENT_AGENCY_UNITS: readonly string[] = [
  "Chi bộ Sở Tư pháp",
  "Chi bộ Sở Tài chính",
  "Chi bộ Sở Xây dựng",
  "Chi bộ Sở Nông nghiệp và Môi trường",
  "Chi bộ Sở Công Thương",
  "Chi bộ Sở Khoa học và Công nghệ",
  "Chi bộ Sở Văn hóa, Thể thao và Du lịch",
  "Chi bộ Sở Nội vụ",
  "Chi bộ Thanh tra tỉnh",
  "Chi bộ Sở Dân tộc và Tôn giáo",
  "Chi bộ Sở Ngoại vụ",
  "Chi bộ Văn phòng Ủy ban nhân dân tỉnh",
];

export const FAMILY_NAMES: readonly string[] = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
  "Dương", "Lý", "Đào", "Đinh", "Trịnh", "Mai",
];
export const MIDDLE_NAMES_MALE: readonly string[] = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"];
export const MIDDLE_NAMES_FEMALE: readonly string[] = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương"];
export const GIVEN_NAMES_MALE: readonly string[] = [
  "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Quân", "Sơn", "Thắng", "Tuấn", "Việt",
  "Khánh", "Đạt", "Hiếu", "Trung", "Phong",
];
export const GIVEN_NAMES_FEMALE: readonly string[] = [
  "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Phương", "Thảo", "Trang", "Yến", "Huyền",
  "Nga", "Thủy", "Vân",
];
