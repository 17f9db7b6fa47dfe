// One member's record: personal data (sensitive fields masked for people who may not see them), the
// current cell and its place in the hierarchy, cell history, posts over time, status history; edit,
// membership events and posts for people who may manage it.
import { DownOutlined, EditOutlined, LockOutlined, TeamOutlined } from "@ant-design/icons";
import type { MemberDetail, MemberEvent } from "@namro/contracts";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import type { MenuProps } from "antd";
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Empty,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Tooltip,
} from "antd";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api.ts";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { EditMemberDrawer } from "./EditMemberDrawer.tsx";
import { eventsFor, MemberEventDialog, type RecordableEvent } from "./MemberEventDialog.tsx";
import { MemberPosts } from "./MemberPosts.tsx";
import { MemberStatusTag } from "./MemberStatusTag.tsx";
import { DESTRUCTIVE_EVENTS } from "./member-labels.ts";
import { useMember } from "./member-queries.ts";

function Masked() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("members.masked.noPermission")}>
      <span className="muted" data-testid="member-masked">
        <LockOutlined /> {t("members.masked.hidden")}
        <span className="sr-only"> — {t("members.masked.noPermission")}</span>
      </span>
    </Tooltip>
  );
}

function Sensitive({ member, value }: { member: MemberDetail; value: string | null }): ReactNode {
  const { t } = useTranslation();
  if (!member.canSeeSensitive) {
    // The citizen ID comes masked ("0xx*******89"); religion and discipline come empty.
    return value ? (
      <Tooltip title={t("members.masked.noPermission")}>
        <span className="nowrap" data-testid="member-masked">
          {value} <LockOutlined />
          <span className="sr-only"> — {t("members.masked.noPermission")}</span>
        </span>
      </Tooltip>
    ) : (
      <Masked />
    );
  }
  return value ?? "—";
}

function CellBreadcrumb({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  // orgPath holds the ancestors; the cell itself comes last.
  const path = [
    ...member.orgPath.filter((org) => org.id !== member.orgId),
    { id: member.orgId, name: member.orgName },
  ];
  return (
    <nav aria-label={t("members.record.cellPath")} data-testid="member-cell-path">
      <Breadcrumb
        items={path.map((org) => ({
          key: String(org.id),
          title: (
            <Link to="/organisations/$id" params={{ id: String(org.id) }}>
              {org.name}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}

function eventText(event: MemberEvent, t: TFunction) {
  const parts: string[] = [];
  if (event.kind === "transfer_internal" && event.fromOrgName && event.toOrgName)
    parts.push(t("members.events.fromTo", { from: event.fromOrgName, to: event.toOrgName }));
  if (event.destination) parts.push(event.destination);
  if (event.statusAfter && event.statusBefore !== event.statusAfter)
    parts.push(t("members.events.statusChange", { status: t(`members.status.${event.statusAfter}`) }));
  if (event.decisionRef) parts.push(event.decisionRef);
  if (event.note) parts.push(event.note);
  return parts.join(" · ");
}

function EventHistory({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  if (member.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.events.none")} />;
  const events = [...member.events].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id - a.id);
  return (
    <Timeline
      data-testid="member-events"
      items={events.map((event) => ({
        key: event.id,
        color: event.state === "pending" ? "gray" : DESTRUCTIVE_EVENTS.has(event.kind) ? "red" : "blue",
        content: (
          <div data-testid="member-event">
            <Space size={4} wrap>
              <strong>{t(`members.eventKind.${event.kind}`)}</strong>
              <span className="muted">{formatDate(event.occurredOn)}</span>
              {event.state !== "done" && <Tag>{t(`members.eventState.${event.state}`)}</Tag>}
            </Space>
            <div>{eventText(event, t)}</div>
            <div className="muted" style={{ fontSize: 12 }}>
              {t("members.events.recordedBy", {
                who: event.recordedByName ?? t("members.events.system"),
                when: formatDateTime(event.createdAt),
              })}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function CellHistory({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  if (member.cellHistory.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.record.noCells")} />;
  const spans = [...member.cellHistory].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Timeline
      data-testid="member-cell-history"
      items={spans.map((span) => ({
        key: `${span.orgId}-${span.validFrom}`,
        color: span.validTo ? "gray" : "green",
        content: (
          <div>
            <Link to="/organisations/$id" params={{ id: String(span.orgId) }}>
              {span.orgName}
            </Link>
            <div className="muted" style={{ fontSize: 12 }}>
              {span.validTo
                ? t("members.posts.span", { from: formatDate(span.validFrom), to: formatDate(span.validTo) })
                : t("members.posts.since", { from: formatDate(span.validFrom) })}
            </div>
          </div>
        ),
      }))}
    />
  );
}

export function MemberPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams({ from: "/shell/members/$id" });
  const navigate = useNavigate();
  const id = Number(idParam);
  const member = useMember(Number.isInteger(id) && id > 0 ? id : undefined);
  const [editing, setEditing] = useState(false);
  const [eventKind, setEventKind] = useState<RecordableEvent | null>(null);

  if (!(Number.isInteger(id) && id > 0) || member.isError) {
    const notFound =
      !member.isError || (isApiError(member.error) && [400, 404].includes(member.error.status));
    return (
      <Result
        status={notFound ? "404" : "error"}
        title={notFound ? t("members.record.notFound") : errorText(member.error, t)}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: "/members" })}>
            {t("members.record.backToList")}
          </Button>
        }
      />
    );
  }
  if (member.isPending) return <Spin style={{ display: "block", margin: 48 }} />;
  const detail = member.data;
  const events = detail.canEdit ? eventsFor(detail) : [];
  const pendingTransfer = detail.events.some((event) => event.state === "pending");
  const eventMenu: MenuProps = {
    items: events.map((kind) => ({
      key: kind,
      label: t(`members.eventKind.${kind}`),
      danger: DESTRUCTIVE_EVENTS.has(kind),
      disabled: pendingTransfer && kind === "transfer_internal",
    })),
    onClick: ({ key }) => setEventKind(key as RecordableEvent),
  };
  const row = (label: string, value: ReactNode) => (
    <Descriptions.Item label={label}>{value === null || value === "" ? "—" : value}</Descriptions.Item>
  );

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
          { key: "self", title: <span aria-current="page">{detail.fullName}</span> },
        ]}
      />
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{detail.fullName}</span>
            <MemberStatusTag status={detail.status} />
            {detail.activity !== "regular" && <Tag>{t(`members.activity.${detail.activity}`)}</Tag>}
          </Space>
        }
        titleTestId="member-title"
      >
        {detail.canEdit && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="member-edit">
              {t("members.edit.action")}
            </Button>
            {events.length > 0 && (
              <Dropdown menu={eventMenu} trigger={["click"]}>
                <Button data-testid="member-event-menu">
                  {t("members.events.action")} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </Space>
        )}
      </PageHeader>
      {pendingTransfer && (
        <div style={{ marginBottom: 12 }}>
          <Tag color="orange" data-testid="member-pending-transfer">
            {t("members.record.pendingTransfer")}
          </Tag>{" "}
          <Link to="/member-transfers">{t("members.transfers.title")}</Link>
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={t("members.sections.personal")}
            size="small"
            data-testid="member-personal"
            extra={
              detail.canSeeSensitive ? null : (
                <span className="muted" style={{ fontSize: 12 }} data-testid="member-masked-note">
                  <LockOutlined /> {t("members.masked.note")}
                </span>
              )
            }
          >
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              {row(t("members.fields.fullName"), detail.fullName)}
              {row(t("members.fields.otherNames"), detail.otherNames)}
              {row(t("members.fields.sex"), t(`members.sex.${detail.sex}`))}
              {row(t("members.fields.birthDate"), formatDate(detail.birthDate))}
              {row(t("members.fields.birthPlace"), detail.birthPlace)}
              {row(t("members.fields.homeTown"), detail.homeTown)}
              {row(t("members.fields.ethnicity"), detail.ethnicity)}
              {row(t("members.fields.religion"), <Sensitive member={detail} value={detail.religion} />)}
              {row(t("members.fields.citizenId"), <Sensitive member={detail} value={detail.citizenId} />)}
              {row(t("members.fields.occupation"), detail.occupation)}
              {row(t("members.fields.educationGeneral"), detail.educationGeneral)}
              {row(
                t("members.fields.educationProfessional"),
                t(`members.education.${detail.educationProfessional}`),
              )}
              {row(t("members.fields.theoryLevel"), t(`members.theory.${detail.theoryLevel}`))}
            </Descriptions>
          </Card>
          <Card
            title={t("members.sections.party")}
            size="small"
            style={{ marginTop: 16 }}
            data-testid="member-party"
          >
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              {row(t("members.fields.cardNumber"), detail.cardNumber)}
              {row(t("members.fields.status"), <MemberStatusTag status={detail.status} />)}
              {row(t("members.fields.statusSince"), formatDate(detail.statusSince))}
              {row(t("members.fields.activity"), t(`members.activity.${detail.activity}`))}
              {row(t("members.fields.admittedOn"), formatDate(detail.admittedOn))}
              {row(t("members.fields.fullMemberOn"), formatDate(detail.fullMemberOn))}
              {row(t("members.fields.awards"), detail.awards)}
              {row(t("members.fields.discipline"), <Sensitive member={detail} value={detail.discipline} />)}
            </Descriptions>
          </Card>
          <Card title={t("members.record.posts")} size="small" style={{ marginTop: 16 }}>
            <MemberPosts member={detail} canEdit={detail.canEdit} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t("members.record.currentCell")} size="small" data-testid="member-cell">
            <CellBreadcrumb member={detail} />
          </Card>
          <Card title={t("members.record.cellHistory")} size="small" style={{ marginTop: 16 }}>
            <CellHistory member={detail} />
          </Card>
          <Card title={t("members.record.statusHistory")} size="small" style={{ marginTop: 16 }}>
            <EventHistory member={detail} />
          </Card>
        </Col>
      </Row>
      {detail.canEdit && (
        <>
          <EditMemberDrawer member={detail} open={editing} onClose={() => setEditing(false)} />
          <MemberEventDialog member={detail} kind={eventKind} onClose={() => setEventKind(null)} />
        </>
      )}
    </div>
  );
}
