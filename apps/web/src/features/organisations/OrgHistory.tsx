// What happened to an organisation and when: events with their legal basis, and lineage across merges
// and splits (links only to organisations the person may see).
import type { OrgHistoryEvent } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Alert, Empty, Spin, Table, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { useOrgHistory } from "./org-queries.ts";

const COLORS: Record<string, string> = {
  create: "green",
  rename: "blue",
  move: "blue",
  merge: "purple",
  split: "orange",
  dissolve: "gray",
};

function OrgLinks({ refs }: { refs: OrgHistoryEvent["predecessors"] }) {
  return (
    <>
      {refs.map((ref, index) => (
        <span key={ref.id}>
          {index > 0 && ", "}
          {ref.visible ? (
            <Link to="/organisations/$id" params={{ id: String(ref.id) }}>
              {ref.name}
            </Link>
          ) : (
            ref.name
          )}
        </span>
      ))}
    </>
  );
}

function EventBody({ event, orgId }: { event: OrgHistoryEvent; orgId: number }) {
  const { t } = useTranslation();
  const { details } = event;
  // A unit re-parented by a merge or split only changed its parent; the lineage is not its own.
  const movedOnly = event.role === "moved_child";
  const isPredecessor = event.predecessors.some((ref) => ref.id === orgId);
  const others = (isPredecessor ? event.successors : event.predecessors).filter((ref) => ref.id !== orgId);
  // The server writes exactly these keys (organisations.restructuring.ts); parents only when visible.
  const { oldName, newName, oldParent, newParent } = details;
  return (
    <div data-testid="org-history-event" data-kind={event.kind}>
      <div>
        <strong>{t(`orgEvent.${movedOnly ? "move" : event.kind}`)}</strong> —{" "}
        {formatDate(event.effectiveDate)}
      </div>
      {event.kind === "rename" && oldName && newName && (
        <div>{t("history.renamed", { from: oldName, to: newName })}</div>
      )}
      {(event.kind === "move" || movedOnly) && newParent && (
        <div>
          {oldParent
            ? t("history.moved", { from: oldParent, to: newParent })
            : t("history.movedTo", { to: newParent })}
        </div>
      )}
      {(event.kind === "merge" || event.kind === "split") && !movedOnly && others.length > 0 && (
        <div data-testid="org-lineage">
          {t(`history.lineage.${event.kind}.${isPredecessor ? "into" : "from"}`)} <OrgLinks refs={others} />
        </div>
      )}
      {event.decisionRef && (
        <div>
          <span className="muted">{t("history.decisionRef")}:</span> {event.decisionRef}
        </div>
      )}
      {event.reason && (
        <div>
          <span className="muted">{t("history.reason")}:</span> {event.reason}
        </div>
      )}
      <div className="muted" style={{ fontSize: 12 }}>
        {t("history.recorded", {
          who: event.actorName ?? t("history.system"),
          when: formatDateTime(event.recordedAt),
        })}
      </div>
    </div>
  );
}

export function OrgHistory({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const history = useOrgHistory(orgId);
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={errorText(history.error, t)} />;
  const events = [...history.data.events].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.id - a.id,
  );
  return (
    <div>
      {events.length === 0 ? (
        <Empty description={t("history.empty")} />
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: event.id,
            color: COLORS[event.kind] ?? "blue",
            content: <EventBody event={event} orgId={orgId} />,
          }))}
        />
      )}
      {history.data.versions.length > 1 && (
        <div style={{ overflowX: "auto" }}>
          <h3 style={{ fontSize: 15 }}>{t("history.versions")}</h3>
          <Table
            size="small"
            pagination={false}
            rowKey={(version) => version.validFrom}
            dataSource={history.data.versions}
            scroll={{ x: 520 }}
            columns={[
              {
                title: t("history.period"),
                key: "period",
                render: (_, version) =>
                  `${formatDate(version.validFrom)} – ${version.validTo ? formatDate(version.validTo) : t("history.now")}`,
              },
              { title: t("org.name"), dataIndex: "name", key: "name" },
              {
                title: t("org.parent"),
                dataIndex: "parentName",
                key: "parent",
                render: (value: string | null) => value ?? "—",
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
