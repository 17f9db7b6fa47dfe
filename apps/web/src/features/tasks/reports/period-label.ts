// A reporting period's key ("2026-06", "2026-Q2", "2026-H1", "2026", "final") as people say it:
// "Tháng 6/2026", "Quý II/2026", "6 tháng đầu năm 2026", "Năm 2026", "Báo cáo hoàn thành".
// Returned as a catalogue key with its values so both languages word it their own way.

export interface PeriodLabel {
  key: string;
  values: Record<string, string | number>;
}

const ROMAN = ["I", "II", "III", "IV"];

export function periodLabel(periodKey: string): PeriodLabel {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periodKey);
  if (month)
    return { key: "taskReports.period.month", values: { month: Number(month[2]), year: month[1] ?? "" } };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter)
    return {
      key: "taskReports.period.quarter",
      values: { quarter: ROMAN[Number(quarter[2]) - 1] ?? "", year: quarter[1] ?? "" },
    };
  const half = /^(\d{4})-H([12])$/.exec(periodKey);
  if (half)
    return {
      key: half[2] === "1" ? "taskReports.period.firstHalf" : "taskReports.period.secondHalf",
      values: { year: half[1] ?? "" },
    };
  const year = /^(\d{4})$/.exec(periodKey);
  if (year) return { key: "taskReports.period.year", values: { year: year[1] ?? "" } };
  if (periodKey === "final") return { key: "taskReports.period.final", values: {} };
  // An unknown key is shown as it is rather than hidden.
  return { key: "taskReports.period.other", values: { key: periodKey } };
}
