// The bell in the header: how many notifications are unread; it opens the inbox.
import { BellOutlined } from "@ant-design/icons";
import { useNavigate } from "@tanstack/react-router";
import { Badge, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useUnreadCount } from "./notification-queries.ts";
import { unreadBadge } from "./notification-text.ts";

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const badge = unreadBadge(count);
  return (
    <Button
      type="text"
      data-testid="notification-bell"
      aria-label={count > 0 ? t("notifications.bellUnread", { n: count }) : t("notifications.bell")}
      onClick={() => void navigate({ to: "/notifications" })}
      icon={
        <Badge count={badge} size="small" offset={[2, -2]} data-testid="notification-unread">
          <BellOutlined style={{ color: "#fff", fontSize: 18 }} />
        </Badge>
      }
    />
  );
}
