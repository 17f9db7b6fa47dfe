// The clears a plan is checked against (DOMAIN.md §2). What each committee calls them differs — "rõ
// tiến độ" or "rõ thời gian", "rõ sản phẩm" or "rõ kết quả" — so the set is data: each clear names
// the aspect of a task the checker measures for it. The default is the five of issue 6.

export type ClearAspect = "person" | "job" | "time" | "responsibility" | "result";
export type ClearGrade = "present" | "weak" | "missing";

export interface ClearDefinition {
  /** Stable key, unique in a set: "person", "schedule", "product". */
  key: string;
  aspect: ClearAspect;
  label: { vi: string; en: string };
}

export const DEFAULT_CLEARS: readonly ClearDefinition[] = [
  { key: "person", aspect: "person", label: { vi: "Rõ người", en: "Clear person" } },
  { key: "job", aspect: "job", label: { vi: "Rõ việc", en: "Clear job" } },
  { key: "time", aspect: "time", label: { vi: "Rõ thời gian", en: "Clear time" } },
  {
    key: "responsibility",
    aspect: "responsibility",
    label: { vi: "Rõ trách nhiệm", en: "Clear responsibility" },
  },
  { key: "result", aspect: "result", label: { vi: "Rõ kết quả, sản phẩm", en: "Clear result" } },
];

/** Why a clear is weak or missing (or, when present, what made it so). */
export const PLAN_CLEAR_MESSAGES = {
  PERSON_NAMED: { vi: "Đã nêu người chịu trách nhiệm.", en: "A person is named." },
  PERSON_UNIT_NAMED: { vi: "Đã nêu đơn vị thực hiện.", en: "The unit that carries it out is named." },
  PERSON_GENERIC: {
    vi: "Chỉ giao chung chung (như “các cơ quan liên quan”), chưa chỉ rõ đơn vị hay người thực hiện.",
    en: "Only a general group is named (such as “the agencies concerned”), not a unit or person.",
  },
  PERSON_MISSING: {
    vi: "Chưa nêu đơn vị hay người thực hiện.",
    en: "No unit or person is named to carry it out.",
  },
  JOB_CONCRETE: { vi: "Việc cần làm đã cụ thể.", en: "The work is concrete." },
  JOB_VAGUE: {
    vi: "Việc nêu chung chung (“tăng cường”, “đẩy mạnh”, “nâng cao”…), chưa rõ làm gì cụ thể.",
    en: "The work is general (“strengthen”, “promote”, “improve”…), not what exactly to do.",
  },
  JOB_MISSING: { vi: "Không thấy việc cần làm.", en: "No work to be done is stated." },
  TIME_DEADLINE: { vi: "Đã có thời hạn.", en: "A deadline is set." },
  TIME_RECURRING: { vi: "Đã có kỳ thực hiện định kỳ.", en: "A recurring period is set." },
  TIME_CONTINUOUS: {
    vi: "Chỉ ghi “thường xuyên” mà không có kỳ báo cáo hay thời hạn.",
    en: "Only “regularly”, with no reporting period or deadline.",
  },
  TIME_NO_YEAR: {
    vi: "Thời hạn không ghi năm và không xác định được năm của kế hoạch.",
    en: "The deadline has no year and the plan's year is not known.",
  },
  TIME_UNRECOGNISED: {
    vi: "Không đọc được thời hạn đã ghi; nên ghi ngày, tháng, quý hoặc năm cụ thể.",
    en: "The time written could not be read; give a day, month, quarter or year.",
  },
  TIME_MISSING: { vi: "Chưa có thời hạn hay thời gian thực hiện.", en: "No deadline or time is given." },
  RESPONSIBILITY_LEAD: { vi: "Đã giao đơn vị chủ trì.", en: "A lead unit is assigned." },
  RESPONSIBILITY_PERSON: { vi: "Đã nêu người chịu trách nhiệm.", en: "A person answers for it." },
  RESPONSIBILITY_SHARED: {
    vi: "Nhiều đơn vị cùng được giao, chưa rõ đơn vị nào chủ trì.",
    en: "Several units are named together; none is the lead.",
  },
  RESPONSIBILITY_SUPPORT_ONLY: {
    vi: "Chỉ nêu đơn vị phối hợp, chưa rõ đơn vị chủ trì.",
    en: "Only supporting units are named; none leads.",
  },
  RESPONSIBILITY_GENERIC: {
    vi: "Trách nhiệm giao chung cho “các cơ quan liên quan”.",
    en: "Responsibility rests with “the agencies concerned” in general.",
  },
  RESPONSIBILITY_MISSING: {
    vi: "Chưa giao đơn vị chủ trì hay người chịu trách nhiệm.",
    en: "No lead unit or responsible person is assigned.",
  },
  RESULT_PRODUCT: { vi: "Đã nêu sản phẩm.", en: "A product is named." },
  RESULT_TARGET: { vi: "Đã có chỉ tiêu đo đếm được.", en: "A measurable target is set." },
  RESULT_NO_PRODUCT: {
    vi: "Kết quả nêu chung chung (“nâng cao chất lượng”, “hiệu quả”), không có sản phẩm hay chỉ tiêu.",
    en: "The result is general (“improve quality”, “effective”), with no product or target.",
  },
  RESULT_MISSING: { vi: "Chưa nêu kết quả, sản phẩm.", en: "No result or product is stated." },
  SAME_AS_REFERENCED: {
    vi: "Lấy theo nhiệm vụ được dẫn chiếu (“như trên”).",
    en: "Taken from the task referred to (“as above”).",
  },
} as const;

export type PlanClearReason = keyof typeof PLAN_CLEAR_MESSAGES;
