// A notification carries its words in both languages; the inbox shows the reader's. Its link is a path
// of this app — anything else (another site, a scheme) is not followed.
import type { Notification } from "@namro/contracts";

export function notificationText(
  notification: Pick<Notification, "titleVi" | "titleEn" | "bodyVi" | "bodyEn">,
  language: string,
): { title: string; body: string } {
  const english = language.startsWith("en");
  return english
    ? {
        title: notification.titleEn || notification.titleVi,
        body: notification.bodyEn || notification.bodyVi,
      }
    : {
        title: notification.titleVi || notification.titleEn,
        body: notification.bodyVi || notification.bodyEn,
      };
}

/** The link as a path inside the app, or null when it is missing or points elsewhere. */
export function appPath(link: string | null): string | null {
  if (!link?.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return link;
}

/** The badge's number: exact up to 99, then "99+". */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}
