// The inbox and its unread count. The count is polled while the app is open (reminders arrive from
// other people), and refetched whenever the inbox changes.
import { notificationRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../lib/api.ts";

export const NOTIFICATIONS_KEY = ["notifications"] as const;

export const INBOX_PAGE_SIZE = 20;
const UNREAD_POLL_MS = 60_000;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "unread"],
    queryFn: async () => (await apiCall(notificationRoutes.countUnreadNotifications)).unread,
    refetchInterval: UNREAD_POLL_MS,
    enabled,
  });
}

export function useInbox(page: number, unreadOnly: boolean) {
  const query = { page, pageSize: INBOX_PAGE_SIZE, unreadOnly: unreadOnly ? "true" : undefined };
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "list", query],
    queryFn: () => apiCall(notificationRoutes.listNotifications, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useInboxChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
}
