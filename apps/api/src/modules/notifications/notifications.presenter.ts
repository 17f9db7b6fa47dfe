// Inbox rows → DTOs, field by field.
import type { Notification, NotificationKind } from "@namro/contracts";
import type { InboxRow } from "./notifications.repository.ts";

export function presentNotification(row: InboxRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    orgId: row.orgId,
    orgName: row.orgName,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    bodyVi: row.bodyVi,
    bodyEn: row.bodyEn,
    link: row.link,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}
