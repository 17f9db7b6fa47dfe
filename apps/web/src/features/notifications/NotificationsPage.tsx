// "Thông báo": the account's inbox, newest first: notices to the account's organisations and personal
// ones (task reminders). Opening one marks it read and follows its link (the document, coverage or
// task it is about); all can be marked read at once.
import { BellOutlined, CheckOutlined } from "@ant-design/icons";
import { type Notification, notificationRoutes } from "@namro/contracts";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, App, Button, Empty, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { INBOX_PAGE_SIZE, useInbox, useInboxChanged } from "./notification-queries.ts";
import { appPath, notificationText } from "./notification-text.ts";

function InboxItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const { t, i18n } = useTranslation();
  const { title, body } = notificationText(item, i18n.language);
  const unread = item.readAt === null;
  const link = appPath(item.link);
  return (
    <List.Item
      data-testid="notification-item"
      data-unread={unread ? "true" : "false"}
      actions={
        link
          ? [
              <Button key="open" type="link" onClick={() => onOpen(item)} data-testid="notification-open">
                {t("notifications.open")}
              </Button>,
            ]
          : unread
            ? [
                <Button key="read" type="link" onClick={() => onOpen(item)} data-testid="notification-mark">
                  {t("notifications.markRead")}
                </Button>,
              ]
            : []
      }
    >
      <List.Item.Meta
        avatar={<BellOutlined style={{ fontSize: 18, color: unread ? "#a3211b" : "rgba(0,0,0,0.45)" }} />}
        title={
          <Space size={[8, 4]} wrap>
            {link ? (
              <a
                href={link}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(item);
                }}
                data-testid="notification-title"
                style={{ fontWeight: unread ? 600 : 400 }}
              >
                {title}
              </a>
            ) : (
              <span data-testid="notification-title" style={{ fontWeight: unread ? 600 : 400 }}>
                {title}
              </span>
            )}
            {unread && <Tag color="red">{t("notifications.unreadTag")}</Tag>}
            <Tag data-testid="notification-kind">{t(`notifications.kinds.${item.kind}`)}</Tag>
          </Space>
        }
        description={
          <>
            {body && <div data-testid="notification-body">{body}</div>}
            <div className="muted" style={{ fontSize: 12 }}>
              {item.orgName ?? t("notifications.personal")} · {formatDateTime(item.createdAt)}
            </div>
          </>
        }
      />
    </List.Item>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const search = useSearch({ from: "/shell/notifications" });
  const page = search.page ?? 1;
  const inbox = useInbox(page, search.unread === true);
  const changed = useInboxChanged();
  const [markingAll, setMarkingAll] = useState(false);

  const open = async (item: Notification) => {
    if (item.readAt === null) {
      try {
        await apiCall(notificationRoutes.markNotificationRead, { params: { id: item.id } });
      } catch (caught) {
        message.error(errorText(caught, t));
      }
      await changed();
    }
    const link = appPath(item.link);
    if (link) void navigate({ to: link });
  };

  const markAll = async () => {
    setMarkingAll(true);
    try {
      const result = await apiCall(notificationRoutes.markAllNotificationsRead);
      message.success(t("notifications.markedAll", { n: formatNumber(result.marked) }));
      await changed();
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setMarkingAll(false);
    }
  };

  const unread = inbox.data?.unread ?? 0;
  return (
    <div data-testid="notifications-page">
      <PageHeader title={t("notifications.title")} titleTestId="notifications-title">
        <Button
          icon={<CheckOutlined />}
          onClick={() => void markAll()}
          loading={markingAll}
          disabled={unread === 0}
          data-testid="notifications-mark-all"
        >
          {t("notifications.markAllRead")}
        </Button>
      </PageHeader>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={search.unread ? "unread" : "all"}
          options={[
            { value: "all", label: t("notifications.filterAll") },
            { value: "unread", label: t("notifications.filterUnread", { n: formatNumber(unread) }) },
          ]}
          onChange={(value) =>
            void navigate({ to: "/notifications", search: value === "unread" ? { unread: true } : {} })
          }
          data-testid="notifications-filter"
        />
      </Space>
      {inbox.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(inbox.error, t)}
          action={<Button onClick={() => void inbox.refetch()}>{t("common.retry")}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <List<Notification>
        bordered
        style={{ background: "#fff" }}
        loading={inbox.isPending}
        dataSource={inbox.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={search.unread ? t("notifications.emptyUnread") : t("notifications.empty")} />
          ),
        }}
        renderItem={(item) => <InboxItem item={item} onOpen={(chosen) => void open(chosen)} />}
        pagination={
          (inbox.data?.total ?? 0) > INBOX_PAGE_SIZE
            ? {
                current: page,
                pageSize: INBOX_PAGE_SIZE,
                total: inbox.data?.total ?? 0,
                size: "small",
                onChange: (next) =>
                  void navigate({
                    to: "/notifications",
                    search: {
                      ...(search.unread ? { unread: true as const } : {}),
                      ...(next > 1 ? { page: next } : {}),
                    },
                  }),
              }
            : false
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t("notifications.note")}
      </Typography.Paragraph>
    </div>
  );
}
