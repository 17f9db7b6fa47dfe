// The reminder a target that has not issued its implementing document receives: which document, the
// deadline, and how many days overdue, in both languages, linked to the document. One per target per
// cascade per day (the dedupe key carries the day). A reminder reaches every account of the target
// organisation, whether or not it may read confidential documents, so for a confidential document it
// names neither the document nor its subject: only that one awaits, the deadline, and where to look (the
// link opens the document only for whoever may see it).
import { formatDateVi } from "@namro/domain";
import type { NotificationInput } from "../notifications/notifications.service.ts";
import { cascadeDocumentLabel } from "./documents.cascades.presenter.ts";
import type { CascadeDocumentRow } from "./documents.cascades.repository.ts";
import type { MissingTargetRow } from "./documents.coverage.repository.ts";

function daysLeft(today: string, deadline: string): number {
  return Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
}

export function reminderDedupeKey(cascadeId: number, orgId: number, today: string): string {
  return `cascade-reminder:${cascadeId}:${orgId}:${today}`;
}

export function cascadeReminder(input: {
  cascadeId: number;
  deadline: string;
  today: string;
  document: CascadeDocumentRow;
  target: MissingTargetRow;
  createdBy: number;
}): NotificationInput {
  const { document, target, deadline } = input;
  const left = daysLeft(input.today, deadline);
  const dueVi =
    target.daysOverdue !== null
      ? `đã quá hạn ${target.daysOverdue} ngày`
      : left === 0
        ? "hạn là hôm nay"
        : `còn ${left} ngày`;
  const dueEn =
    target.daysOverdue !== null
      ? `${target.daysOverdue} days overdue`
      : left === 0
        ? "due today"
        : `${left} days left`;
  const date = formatDateVi(deadline);
  const text =
    document.confidentiality === "normal"
      ? namedReminder(document, target.orgName, date, dueVi, dueEn)
      : {
          titleVi: "Nhắc ban hành văn bản cụ thể hóa một văn bản mật",
          titleEn: "Reminder: issue the implementing document for a classified document",
          bodyVi: `Có văn bản mật cần cụ thể hóa trước ngày ${date} (${dueVi}); xem tại mục Văn bản.`,
          bodyEn: `A classified document must be made concrete by ${date} (${dueEn}); see Documents.`,
        };
  return {
    orgId: target.orgId,
    kind: "cascade_reminder",
    ...text,
    link: `/documents/${document.id}`,
    dedupeKey: reminderDedupeKey(input.cascadeId, target.orgId, input.today),
    createdBy: input.createdBy,
  };
}

function namedReminder(
  document: CascadeDocumentRow,
  orgName: string,
  date: string,
  dueVi: string,
  dueEn: string,
): Pick<NotificationInput, "titleVi" | "titleEn" | "bodyVi" | "bodyEn"> {
  const vi = cascadeDocumentLabel(document, "vi");
  const en = cascadeDocumentLabel(document, "en");
  const subject = document.subject ? ` (${document.subject})` : "";
  return {
    titleVi: `Nhắc ban hành văn bản cụ thể hóa ${vi}`,
    titleEn: `Reminder: issue the implementing document for ${en}`,
    bodyVi: `${orgName} chưa ban hành văn bản cụ thể hóa ${vi}${subject}. Hạn ban hành: ${date}; ${dueVi}.`,
    bodyEn: `${orgName} has not issued its implementing document for ${en}${subject}. Deadline: ${date}; ${dueEn}.`,
  };
}
