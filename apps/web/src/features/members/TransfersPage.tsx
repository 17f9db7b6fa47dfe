// Transfers of Party activity awaiting a decision: incoming ones the receiving cell confirms or
// refuses, outgoing ones the sending cell may withdraw.
import { CheckOutlined, CloseOutlined, RollbackOutlined, TeamOutlined } from "@ant-design/icons";
import { type MemberTransfer, memberRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Input, Modal, Space, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { DATE_FORMAT, formatDate, fromIsoDate, isAfterToday, toIsoDate } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { MEMBERS_KEY, useTransfers } from "./member-queries.ts";

type Decision = "confirm" | "refuse" | "cancel";

const ROUTES = {
  confirm: memberRoutes.confirmMemberTransfer,
  refuse: memberRoutes.refuseMemberTransfer,
  cancel: memberRoutes.cancelMemberTransfer,
} as const;

function DecisionDialog({
  transfer,
  decision,
  onClose,
}: {
  transfer: MemberTransfer;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [effectiveOn, setEffectiveOn] = useState<Dayjs | null>(fromIsoDate(transfer.occurredOn));
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const body = {
        note: note.trim() || null,
        ...(decision === "confirm" && effectiveOn ? { effectiveOn: toIsoDate(effectiveOn) } : {}),
      };
      await apiCall(ROUTES[decision], { params: { id: transfer.eventId }, body });
      await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
      message.success(t(`members.transfers.done.${decision}`));
      onClose();
    } catch (caught) {
      setError(errorText(caught, t));
      await queryClient.invalidateQueries({ queryKey: [...MEMBERS_KEY, "transfers"] });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t(`members.transfers.title_${decision}`, { name: transfer.memberName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`members.transfers.${decision}`)}
      okButtonProps={{ danger: decision !== "confirm", "data-testid": "transfer-decision-submit" }}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
    >
      <p style={{ marginTop: 0 }}>
        {t("members.events.fromTo", { from: transfer.fromOrgName, to: transfer.toOrgName })}
      </p>
      {decision === "confirm" && (
        <div style={{ marginBottom: 12 }}>
          <label htmlFor="transfer-effective-on">{t("members.transfers.effectiveOn")}</label>
          <DatePicker
            id="transfer-effective-on"
            format={DATE_FORMAT}
            value={effectiveOn}
            onChange={setEffectiveOn}
            disabledDate={isAfterToday}
            style={{ display: "block", marginTop: 4 }}
          />
        </div>
      )}
      <label htmlFor="transfer-note">{t("members.events.note")}</label>
      <Input.TextArea
        id="transfer-note"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        style={{ marginTop: 4 }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function TransferTable({
  items,
  side,
  onDecide,
}: {
  items: MemberTransfer[];
  side: "incoming" | "outgoing";
  onDecide: (transfer: MemberTransfer, decision: Decision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<MemberTransfer>
      rowKey="eventId"
      size="small"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, size: "small" } : false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t(`members.transfers.none_${side}`) }}
      onRow={() => ({ "data-testid": `transfer-${side}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("members.fields.fullName"),
          key: "member",
          render: (_, transfer) => (
            <Link to="/members/$id" params={{ id: String(transfer.memberId) }}>
              {transfer.memberName}
            </Link>
          ),
        },
        {
          title: side === "incoming" ? t("members.transfers.from") : t("members.transfers.to"),
          key: "org",
          render: (_, transfer) => (side === "incoming" ? transfer.fromOrgName : transfer.toOrgName),
        },
        {
          title: t("members.transfers.sentOn"),
          dataIndex: "occurredOn",
          key: "occurredOn",
          render: (value: string) => formatDate(value),
        },
        {
          title: t("members.fields.decisionRef"),
          dataIndex: "decisionRef",
          key: "decisionRef",
          responsive: ["md"],
          render: (value: string | null) => value ?? "—",
        },
        {
          title: "",
          key: "actions",
          render: (_, transfer) => (
            <Space wrap size={4}>
              {side === "incoming" && transfer.canDecide && (
                <>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => onDecide(transfer, "confirm")}
                    data-testid="transfer-confirm"
                  >
                    {t("members.transfers.confirm")}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    onClick={() => onDecide(transfer, "refuse")}
                    data-testid="transfer-refuse"
                  >
                    {t("members.transfers.refuse")}
                  </Button>
                </>
              )}
              {side === "outgoing" && transfer.canCancel && (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => onDecide(transfer, "cancel")}
                  data-testid="transfer-cancel"
                >
                  {t("members.transfers.cancel")}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function TransfersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const transfers = useTransfers();
  const [deciding, setDeciding] = useState<{ transfer: MemberTransfer; decision: Decision } | null>(null);
  if (!hasPermission(me, "member.read"))
    return <Alert type="warning" showIcon title={t("errors.forbidden")} />;
  const onDecide = (transfer: MemberTransfer, decision: Decision) => setDeciding({ transfer, decision });
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            key: "list",
            title: (
              <Link to="/members">
                <TeamOutlined /> {t("members.title")}
              </Link>
            ),
          },
          { key: "self", title: <span aria-current="page">{t("members.transfers.title")}</span> },
        ]}
      />
      <PageHeader title={t("members.transfers.title")} titleTestId="transfers-title" />
      <p className="muted" style={{ marginTop: 0 }}>
        {t("members.transfers.explain")}
      </p>
      {transfers.isError && (
        <Alert type="error" showIcon title={errorText(transfers.error, t)} style={{ marginBottom: 12 }} />
      )}
      <Card
        size="small"
        title={t("members.transfers.incoming", { n: transfers.data?.incoming.length ?? 0 })}
        loading={transfers.isPending}
        data-testid="transfers-incoming"
      >
        <TransferTable items={transfers.data?.incoming ?? []} side="incoming" onDecide={onDecide} />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t("members.transfers.outgoing", { n: transfers.data?.outgoing.length ?? 0 })}
        loading={transfers.isPending}
        data-testid="transfers-outgoing"
      >
        <TransferTable items={transfers.data?.outgoing ?? []} side="outgoing" onDecide={onDecide} />
      </Card>
      {deciding && (
        <DecisionDialog
          transfer={deciding.transfer}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </div>
  );
}
