// Member statistics for a subtree: breakdowns of the filtered members (status, sex, age, ethnicity,
// religion, education, theory level, years of membership), admissions and losses per period, posts
// held and concurrent posts. The page, its Excel export and the statistics sheet of a member export
// all read this one shape.
import { EDUCATION_PROFESSIONAL_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from "@namro/domain";
import { z } from "zod";
import { defineRoutes, IsoDateSchema } from "./http.ts";
import { MemberFilterSchema, PostKindSchema } from "./members.ts";

export const StatisticsPeriodSchema = z.enum(["month", "quarter", "year"]);
export type StatisticsPeriod = z.infer<typeof StatisticsPeriodSchema>;

/** Years of membership ("tuổi đảng"), counted from the admission date. */
export const MembershipYearsBandSchema = z.enum(["under_5", "5_9", "10_19", "20_29", "30_39", "40_plus"]);
export type MembershipYearsBand = z.infer<typeof MembershipYearsBandSchema>;
/** Whole years of membership of each band, inclusive; `null` means unbounded. */
export const MEMBERSHIP_YEARS_RANGES: Record<MembershipYearsBand, [number, number | null]> = {
  under_5: [0, 4],
  "5_9": [5, 9],
  "10_19": [10, 19],
  "20_29": [20, 29],
  "30_39": [30, 39],
  "40_plus": [40, null],
};

/** Events by which a member leaves the Party organisation of the system (losses). */
export const MemberLossKindSchema = z.enum([
  "death",
  "name_deletion",
  "expulsion",
  "leaving",
  "transfer_external",
]);
export type MemberLossKind = z.infer<typeof MemberLossKindSchema>;

export interface PostCombination {
  code: string;
  /** A member counts when holding an open post of every one of these types at once. */
  postTypes: readonly string[];
  nameVi: string;
  nameEn: string;
}

/** Concurrent posts the statistics count ("secretaries who also chair the People's Council"). */
export const MEMBER_POST_COMBINATIONS: readonly PostCombination[] = [
  {
    code: "bi_thu+chu_tich_hdnd",
    postTypes: ["bi_thu", "chu_tich_hdnd"],
    nameVi: "Bí thư cấp ủy kiêm Chủ tịch HĐND",
    nameEn: "Committee secretary who also chairs the People's Council",
  },
  {
    code: "bi_thu+chu_tich_ubnd",
    postTypes: ["bi_thu", "chu_tich_ubnd"],
    nameVi: "Bí thư cấp ủy kiêm Chủ tịch UBND",
    nameEn: "Committee secretary who also chairs the People's Committee",
  },
  {
    code: "pho_bi_thu+chu_tich_ubnd",
    postTypes: ["pho_bi_thu", "chu_tich_ubnd"],
    nameVi: "Phó Bí thư cấp ủy kiêm Chủ tịch UBND",
    nameEn: "Deputy committee secretary who also chairs the People's Committee",
  },
  {
    code: "bi_thu_chi_bo+truong_thon",
    postTypes: ["bi_thu_chi_bo", "truong_thon"],
    nameVi: "Bí thư chi bộ kiêm Trưởng thôn / Tổ trưởng dân phố",
    nameEn: "Cell secretary who is also village or neighbourhood head",
  },
];

/** At most this many periods in one answer (ten years by month). */
export const MAX_STATISTICS_PERIODS = 120;
/** Ethnicities and religions beyond this many (by count) are summed as "other". */
export const STATISTICS_TOP_VALUES = 50;

/**
 * The member filter (who is counted) plus the window for admissions and losses. Without `from`/`to`
 * the window is the five calendar years up to the reference date (`asOf`, or today).
 */
export const MemberStatisticsQuerySchema = MemberFilterSchema.extend({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  period: StatisticsPeriodSchema.default("year"),
});
export type MemberStatisticsQuery = z.infer<typeof MemberStatisticsQuerySchema>;

export const StatisticsCountSchema = z.object({ key: z.string(), count: z.number() });
export type StatisticsCount = z.infer<typeof StatisticsCountSchema>;

const LossCountsSchema = z.object({
  death: z.number(),
  name_deletion: z.number(),
  expulsion: z.number(),
  leaving: z.number(),
  transfer_external: z.number(),
});

export const MemberFlowPeriodSchema = z.object({
  /** "2025", "2025-Q3" or "2025-07". */
  key: z.string(),
  start: IsoDateSchema,
  /** Last day of the period inside the window. */
  end: IsoDateSchema,
  admissions: z.number(),
  losses: LossCountsSchema,
  lossesTotal: z.number(),
  /** Transfers of Party activity inside the system, into / out of the subtree. */
  transfersIn: z.number(),
  transfersOut: z.number(),
});
export type MemberFlowPeriod = z.infer<typeof MemberFlowPeriodSchema>;

export const MemberStatisticsSchema = z.object({
  /** The subtree counted; null for the actor's whole scope. */
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  /** The day the counts describe (`asOf`, or today). Ages and years of membership are on this day. */
  referenceDate: IsoDateSchema,
  totals: z.object({
    members: z.number(),
    probationary: z.number(),
    full: z.number(),
    female: z.number(),
    under31: z.number(),
  }),
  /**
   * Every status among the members of the subtree matching the filter. Without a status filter this
   * includes members who have left (their last cell lies in the subtree); with `asOf`, the status on
   * that day. The other breakdowns count the members in `totals.members`: active ones unless a status
   * filter says otherwise.
   */
  byStatus: z.array(StatisticsCountSchema),
  bySex: z.array(StatisticsCountSchema),
  byAgeBand: z.array(StatisticsCountSchema),
  byEducation: z.array(StatisticsCountSchema),
  byTheoryLevel: z.array(StatisticsCountSchema),
  byMembershipYears: z.array(StatisticsCountSchema),
  /** Most frequent first; beyond STATISTICS_TOP_VALUES summed in `ethnicityOther`. */
  byEthnicity: z.array(StatisticsCountSchema),
  ethnicityOther: z.number(),
  /** Null unless the actor may see sensitive fields over the whole subtree. */
  byReligion: z.array(StatisticsCountSchema).nullable(),
  religionOther: z.number().nullable(),
  /** Open posts on the reference date held by the counted members, per post type (members, not posts). */
  posts: z.array(
    z.object({
      postType: z.string(),
      kind: PostKindSchema,
      nameVi: z.string(),
      nameEn: z.string(),
      count: z.number(),
    }),
  ),
  postCombinations: z.array(
    z.object({
      code: z.string(),
      postTypes: z.array(z.string()),
      nameVi: z.string(),
      nameEn: z.string(),
      count: z.number(),
    }),
  ),
  /** Admissions, losses and transfers per period, by the organisation they happened in (subtree only). */
  flows: z.object({
    period: StatisticsPeriodSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    items: z.array(MemberFlowPeriodSchema),
  }),
  canSeeSensitive: z.boolean(),
});
export type MemberStatistics = z.infer<typeof MemberStatisticsSchema>;

const Binary = z.unknown().describe("An .xlsx file");

export const memberStatisticsRoutes = defineRoutes({
  getMemberStatistics: {
    method: "GET",
    path: "/api/member-statistics",
    summary: "Member statistics for a subtree: breakdowns, admissions and losses per period, posts",
    tags: ["members"],
    querystring: MemberStatisticsQuerySchema,
    response: MemberStatisticsSchema,
  },
  exportMemberStatistics: {
    method: "GET",
    path: "/api/member-statistics/export",
    summary: "The member statistics as an .xlsx workbook",
    tags: ["members"],
    querystring: MemberStatisticsQuerySchema,
    response: Binary,
  },
});

/** Labels of the statistics sheet (server side; the web app has its own catalogue). */
export const MEMBER_STATISTICS_LABELS = {
  vi: {
    sheet: "Thống kê",
    title: "Thống kê đảng viên",
    scope: "Phạm vi",
    wholeScope: "Toàn bộ phạm vi được xem",
    referenceDate: "Tính đến ngày",
    category: "Chỉ tiêu",
    count: "Số lượng",
    percent: "Tỷ lệ (%)",
    totals: "Tổng hợp",
    members: "Tổng số đảng viên",
    probationary: "Đảng viên dự bị",
    full: "Đảng viên chính thức",
    female: "Đảng viên nữ",
    under31: "Đảng viên dưới 31 tuổi",
    byStatus: "Theo tình trạng",
    bySex: "Theo giới tính",
    byAgeBand: "Theo độ tuổi",
    byEducation: "Theo trình độ chuyên môn",
    byTheoryLevel: "Theo trình độ lý luận chính trị",
    byMembershipYears: "Theo tuổi đảng",
    byEthnicity: "Theo dân tộc",
    byReligion: "Theo tôn giáo",
    other: "Khác",
    posts: "Chức vụ đang đảm nhiệm",
    postCombinations: "Kiêm nhiệm",
    flows: "Kết nạp và giảm đảng viên",
    period: "Kỳ",
    admissions: "Kết nạp",
    lossesTotal: "Tổng giảm",
    transfersIn: "Chuyển đến",
    transfersOut: "Chuyển đi",
    status: {
      probationary: "Dự bị",
      full: "Chính thức",
      transferred_out: "Đã chuyển đi",
      deceased: "Đã từ trần",
      name_deleted: "Đã xóa tên",
      expelled: "Đã khai trừ",
      left: "Đã ra khỏi Đảng",
    },
    // The words the member sheet of an export writes, so both sheets of one workbook agree.
    sex: SEX_LABELS,
    ageBand: {
      under_31: "Dưới 31 tuổi",
      "31_40": "Từ 31 đến 40",
      "41_50": "Từ 41 đến 50",
      "51_60": "Từ 51 đến 60",
      "61_70": "Từ 61 đến 70",
      over_70: "Trên 70 tuổi",
    },
    education: EDUCATION_PROFESSIONAL_LABELS,
    theory: THEORY_LEVEL_LABELS,
    years: {
      under_5: "Dưới 5 năm",
      "5_9": "Từ 5 đến 9 năm",
      "10_19": "Từ 10 đến 19 năm",
      "20_29": "Từ 20 đến 29 năm",
      "30_39": "Từ 30 đến 39 năm",
      "40_plus": "Từ 40 năm trở lên",
    },
    loss: {
      death: "Từ trần",
      name_deletion: "Xóa tên",
      expulsion: "Khai trừ",
      leaving: "Ra khỏi Đảng",
      transfer_external: "Chuyển ra ngoài hệ thống",
    },
  },
  en: {
    sheet: "Statistics",
    title: "Member statistics",
    scope: "Scope",
    wholeScope: "Everything you may see",
    referenceDate: "As of",
    category: "Category",
    count: "Count",
    percent: "Share (%)",
    totals: "Totals",
    members: "Members",
    probationary: "Probationary members",
    full: "Full members",
    female: "Women",
    under31: "Members under 31",
    byStatus: "By status",
    bySex: "By sex",
    byAgeBand: "By age",
    byEducation: "By professional education",
    byTheoryLevel: "By political theory level",
    byMembershipYears: "By years of membership",
    byEthnicity: "By ethnicity",
    byReligion: "By religion",
    other: "Other",
    posts: "Posts held",
    postCombinations: "Concurrent posts",
    flows: "Admissions and losses",
    period: "Period",
    admissions: "Admissions",
    lossesTotal: "Losses",
    transfersIn: "Transferred in",
    transfersOut: "Transferred out",
    status: {
      probationary: "Probationary",
      full: "Full",
      transferred_out: "Transferred out",
      deceased: "Deceased",
      name_deleted: "Name deleted",
      expelled: "Expelled",
      left: "Left the Party",
    },
    sex: { male: "Male", female: "Female" },
    ageBand: {
      under_31: "Under 31",
      "31_40": "31 to 40",
      "41_50": "41 to 50",
      "51_60": "51 to 60",
      "61_70": "61 to 70",
      over_70: "Over 70",
    },
    education: {
      none: "No training",
      so_cap: "Elementary",
      trung_cap: "Vocational",
      cao_dang: "College",
      dai_hoc: "University",
      thac_si: "Master's",
      tien_si: "Doctorate",
    },
    theory: {
      none: "No training",
      so_cap: "Elementary",
      trung_cap: "Intermediate",
      cao_cap: "Advanced",
      cu_nhan: "Bachelor",
    },
    years: {
      under_5: "Under 5 years",
      "5_9": "5 to 9 years",
      "10_19": "10 to 19 years",
      "20_29": "20 to 29 years",
      "30_39": "30 to 39 years",
      "40_plus": "40 years or more",
    },
    loss: {
      death: "Death",
      name_deletion: "Name deleted",
      expulsion: "Expulsion",
      leaving: "Left the Party",
      transfer_external: "Transferred outside the system",
    },
  },
} as const;
