// The words of task reminders, Vietnamese and English: one text per kind for the organisation's inbox
// and the same addressed to the person ("Đồng chí …"), and the e-mail made from a notice in the
// reader's language. Dates dd/mm/yyyy in both languages; periods as people say them ("tháng 6/2026",
// "quý II/2026").
import type { NotificationKind } from "@namro/contracts";
import { addDays, daysUntilDue, formatDateVi, REPORT_DUE_DAYS } from "@namro/domain";
import type { ReminderCandidateRow, ReminderKind } from "./tasks.reminders.repository.ts";

export const REMINDER_NOTIFICATION_KIND: Record<ReminderKind, NotificationKind> = {
  assigned: "task_assigned",
  due_soon: "task_due_soon",
  overdue: "task_overdue",
  report_due: "task_report_due",
  report_late: "task_report_late",
  report_returned: "task_report_returned",
};

export interface ReminderText {
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
}

const ROMAN = ["I", "II", "III", "IV"];

/** "2026-06" → tháng 6/2026, "2026-Q2" → quý II/2026, "2026-H1" → 6 tháng đầu năm 2026, "2026" → năm 2026. */
export function periodLabel(key: string, locale: "vi" | "en"): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return locale === "vi" ? `tháng ${Number(month[2])}/${month[1]}` : `${month[1]}-${month[2]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    return locale === "vi"
      ? `quý ${ROMAN[Number(quarter[2]) - 1]}/${quarter[1]}`
      : `Q${quarter[2]} ${quarter[1]}`;
  }
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) {
    const first = half[2] === "1";
    if (locale === "en") return `${first ? "first" : "second"} half of ${half[1]}`;
    return `6 tháng ${first ? "đầu" : "cuối"} năm ${half[1]}`;
  }
  if (/^\d{4}$/.test(key)) return locale === "vi" ? `năm ${key}` : key;
  return locale === "vi" ? "khi hoàn thành" : "on completion";
}

function dueInWords(dueDate: string, today: string): { vi: string; en: string } {
  const days = daysUntilDue(dueDate, today) ?? 0;
  if (days === 0) return { vi: "hạn là hôm nay", en: "due today" };
  if (days > 0) return { vi: `còn ${days} ngày`, en: `${days} day${days === 1 ? "" : "s"} left` };
  return { vi: `đã quá hạn ${-days} ngày`, en: `${-days} day${days === -1 ? "" : "s"} overdue` };
}

/** The notice of one reminder; `personal`: addressed to the person rather than the organisation. */
export function reminderText(
  kind: ReminderKind,
  row: ReminderCandidateRow,
  today: string,
  personal: boolean,
): ReminderText {
  const title = `“${row.title}”`;
  const who = personal ? "Đồng chí" : row.orgName;
  const whoEn = personal ? "You" : row.orgName;
  const lead = personal ? ` (${row.orgName} chủ trì)` : "";
  const leadEn = personal ? ` (led by ${row.orgName})` : "";
  const period = row.periodKey ?? "final";
  const periodVi = periodLabel(period, "vi");
  const periodEn = periodLabel(period, "en");
  const reportDue = row.periodEnd === null ? null : addDays(row.periodEnd, REPORT_DUE_DAYS);
  switch (kind) {
    case "assigned": {
      const due = row.dueDate ? ` Hạn hoàn thành: ${formatDateVi(row.dueDate)}.` : "";
      const dueEn = row.dueDate ? ` Due: ${formatDateVi(row.dueDate)}.` : "";
      return {
        titleVi: `Được giao nhiệm vụ: ${row.title}`,
        titleEn: `Task assigned: ${row.title}`,
        bodyVi: personal
          ? `Đồng chí được giao phụ trách nhiệm vụ ${title}${lead}.${due}`
          : `${row.orgName} được giao chủ trì nhiệm vụ ${title}.${due}`,
        bodyEn: personal
          ? `You are responsible for the task ${title}${leadEn}.${dueEn}`
          : `${row.orgName} leads the task ${title}.${dueEn}`,
      };
    }
    case "due_soon":
    case "overdue": {
      const dueDate = row.dueDate ?? today;
      const words = dueInWords(dueDate, today);
      const soon = kind === "due_soon";
      return {
        titleVi: `${soon ? "Sắp đến hạn" : "Quá hạn"}: ${row.title}`,
        titleEn: `${soon ? "Due soon" : "Overdue"}: ${row.title}`,
        bodyVi: `Nhiệm vụ ${title}${lead} có hạn hoàn thành ngày ${formatDateVi(dueDate)} (${words.vi})${
          soon ? "." : " mà chưa hoàn thành."
        } ${who} cập nhật tiến độ hoặc báo cáo kết quả.`,
        bodyEn: `The task ${title}${leadEn} is due on ${formatDateVi(dueDate)} (${words.en})${
          soon ? "." : " and is not finished."
        } ${whoEn === "You" ? "Please" : `${whoEn}:`} update its progress or report the result.`,
      };
    }
    case "report_due":
      return {
        titleVi: `Đến kỳ báo cáo: ${row.title}`,
        titleEn: `Progress report due: ${row.title}`,
        bodyVi: `Nhiệm vụ ${title}${lead} cần báo cáo tiến độ ${periodVi}; hạn nộp ngày ${
          reportDue ? formatDateVi(reportDue) : "—"
        }.`,
        bodyEn: `The task ${title}${leadEn} needs its progress report for ${periodEn}, due on ${
          reportDue ? formatDateVi(reportDue) : "—"
        }.`,
      };
    case "report_late":
      return {
        titleVi: `Chậm báo cáo: ${row.title}`,
        titleEn: `Progress report late: ${row.title}`,
        bodyVi: `Chưa có báo cáo tiến độ ${periodVi} của nhiệm vụ ${title}${lead}; hạn nộp là ngày ${
          reportDue ? formatDateVi(reportDue) : "—"
        }.`,
        bodyEn: `The progress report for ${periodEn} of the task ${title}${leadEn} is missing; it was due on ${
          reportDue ? formatDateVi(reportDue) : "—"
        }.`,
      };
    case "report_returned": {
      const reason = row.reason?.trim() ? row.reason.trim() : "(không ghi lý do)";
      const reasonEn = row.reason?.trim() ? row.reason.trim() : "(no reason given)";
      return {
        titleVi: `Báo cáo bị trả lại: ${row.title}`,
        titleEn: `Report returned: ${row.title}`,
        bodyVi: `Báo cáo ${periodVi} của nhiệm vụ ${title}${lead} bị trả lại để sửa. Lý do: ${reason}`,
        bodyEn: `The ${periodEn} report of the task ${title}${leadEn} was returned for correction. Reason: ${reasonEn}`,
      };
    }
  }
}

/** The e-mail of a notice, in the reader's language; the link is absolute when the public address is known. */
export function reminderMail(
  text: ReminderText,
  link: string,
  locale: "vi" | "en",
  publicUrl: string | null,
): { subject: string; bodyText: string } {
  const vi = locale === "vi";
  const open = publicUrl
    ? `${vi ? "Xem chi tiết" : "Details"}: ${publicUrl}${link}`
    : vi
      ? "Xem chi tiết trong mục Nhiệm vụ của Năm Rõ."
      : "See Tasks in Năm Rõ.";
  const footer = vi
    ? "Thư gửi tự động từ Năm Rõ, xin đừng trả lời thư này."
    : "Sent automatically by Năm Rõ; please do not reply.";
  return {
    subject: `[Năm Rõ] ${vi ? text.titleVi : text.titleEn}`,
    bodyText: `${vi ? text.bodyVi : text.bodyEn}\n\n${open}\n\n--\n${footer}\n`,
  };
}
