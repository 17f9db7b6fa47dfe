// In-app notifications (reminders to issue an implementing document, task reminders). Each is
// addressed to an organisation or personally to one account; an account's inbox holds its personal
// ones and those addressed to the organisations on which it holds a role itself. Read state is per
// account.
import { z } from "zod";
import { defineRoutes, IdParamsSchema, OkSchema, pageOf } from "./http.ts";

export const NotificationKindSchema = z.enum([
  "cascade_reminder",
  // Task reminders (issue 5), produced by the reminder job: to the lead organisation and the person.
  "task_assigned",
  "task_due_soon",
  "task_overdue",
  "task_report_due",
  "task_report_late",
  "task_report_returned",
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: z.number(),
  kind: NotificationKindSchema,
  /** The organisation it is addressed to; null for a personal notification (e.g. to a task's person). */
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  titleVi: z.string(),
  titleEn: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  /** A path in the web app ("/documents/12"), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  /** When the actor read it; null while unread. */
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  // "true"/"false" in the address (z.coerce.boolean would read "false" as true).
  /** Unread ones before read ones (each newest first). */
  unreadFirst: z.stringbool().default(false),
  unreadOnly: z.stringbool().default(false),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.input<typeof NotificationListQuerySchema>;

export const NotificationListSchema = pageOf(NotificationSchema).extend({ unread: z.number() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const notificationRoutes = defineRoutes({
  listNotifications: {
    method: "GET",
    path: "/api/notifications",
    summary: "The actor's inbox, newest first (optionally unread first or unread only)",
    tags: ["notifications"],
    querystring: NotificationListQuerySchema,
    response: NotificationListSchema,
  },
  countUnreadNotifications: {
    method: "GET",
    path: "/api/notifications/unread-count",
    summary: "How many notifications in the actor's inbox are unread (for the badge)",
    tags: ["notifications"],
    response: z.object({ unread: z.number() }),
  },
  markNotificationRead: {
    method: "POST",
    path: "/api/notifications/:id/read",
    summary: "Mark one notification of the inbox as read",
    tags: ["notifications"],
    params: IdParamsSchema,
    response: OkSchema,
  },
  markAllNotificationsRead: {
    method: "POST",
    path: "/api/notifications/read-all",
    summary: "Mark every notification of the inbox as read",
    tags: ["notifications"],
    response: z.object({ marked: z.number() }),
  },
});
