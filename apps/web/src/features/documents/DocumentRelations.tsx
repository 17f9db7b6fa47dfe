// Relations both ways: what this document implements, replaces, amends, guides or refers to; and which
// documents do that to it. A related document outside the person's scope is named only by what the
// citing text says. Relations from this document can be added and removed by people who may edit it.
import { DeleteOutlined, LockOutlined, PlusOutlined } from "@ant-design/icons";
import { type DocumentDetail, documentRoutes, type RelatedDocument } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Alert, App, Button, Card, Empty, Grid, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { AddRelationDialog } from "./AddRelationDialog.tsx";
import { DocumentTags } from "./DocumentTags.tsx";
import { RELATION_COLORS, RELATION_KINDS } from "./document-labels.ts";
import { useDocumentSaved } from "./document-queries.ts";
import { documentOrigin, useDocumentNaming } from "./document-symbol.ts";

type Direction = "outgoing" | "incoming";

/** A directive implemented by every commune has hundreds of incoming relations: shown a page at a time. */
const RELATIONS_PAGE_SIZE = 10;

/** The lists' titles are long: they wrap on a phone instead of widening the page. */
const WRAPPING_TITLE = { title: { whiteSpace: "normal" } } as const;

function byKind(relations: readonly RelatedDocument[]): RelatedDocument[] {
  return [...relations].sort(
    (a, b) =>
      RELATION_KINDS.indexOf(a.kind) - RELATION_KINDS.indexOf(b.kind) ||
      (b.document?.issuedOn ?? "").localeCompare(a.document?.issuedOn ?? ""),
  );
}

/**
 * What the incoming list does not show: relations beyond the newest the server sends, and those from
 * documents outside the person's scope (counted, never named).
 */
function IncomingBeyondList({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const visibleTotal = document.incomingTotal - document.incomingHiddenCount;
  const more = visibleTotal - document.incoming.length;
  if (more <= 0 && document.incomingHiddenCount === 0) return null;
  return (
    <Space orientation="vertical" size={4} style={{ marginTop: 8 }} data-testid="relations-incoming-beyond">
      {more > 0 && (
        <Typography.Text type="secondary">
          {t("documents.relations.incomingMore", { count: more, shown: document.incoming.length })}
        </Typography.Text>
      )}
      {document.incomingHiddenCount > 0 && (
        <Typography.Text type="secondary">
          <LockOutlined /> {t("documents.relations.incomingHidden", { count: document.incomingHiddenCount })}
        </Typography.Text>
      )}
    </Space>
  );
}

function RelatedItem({
  relation,
  direction,
  onRemove,
}: {
  relation: RelatedDocument;
  direction: Direction;
  onRemove: (() => Promise<void>) | null;
}) {
  const { t } = useTranslation();
  const related = relation.document;
  const { nameOf } = useDocumentNaming();
  // A phone's finger needs a bigger target than the desktop's small button.
  const isDesktop = Grid.useBreakpoint().md ?? true;
  return (
    <List.Item
      data-testid={`relation-${direction}`}
      actions={
        onRemove
          ? [
              <Popconfirm
                key="remove"
                title={t("documents.relations.removeConfirm")}
                okText={t("common.remove")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true, "data-testid": "relation-remove-ok" }}
                onConfirm={() => void onRemove()}
              >
                <Button
                  size={isDesktop ? "small" : "middle"}
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("documents.relations.remove")}
                  data-testid="relation-remove"
                />
              </Popconfirm>,
            ]
          : []
      }
    >
      <div style={{ minWidth: 0 }}>
        <Space size={[6, 4]} wrap>
          <Tag color={RELATION_COLORS[relation.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`documents.relationKind${direction === "incoming" ? "Incoming" : ""}.${relation.kind}`)}
          </Tag>
          {related ? (
            <Link to="/documents/$id" params={{ id: String(related.id) }} data-testid="relation-link">
              {nameOf(related)}
            </Link>
          ) : (
            <span data-testid="relation-hidden">
              <LockOutlined /> {relation.quote ?? t("documents.relations.hidden")}
            </span>
          )}
          {related && (
            <span className="muted" data-testid="relation-origin">
              {documentOrigin(related)}
            </span>
          )}
          {related?.issuedOn && <span className="muted">{formatDate(related.issuedOn)}</span>}
          {related && <DocumentTags document={related} />}
        </Space>
        {related && <div className="muted document-relation-subject">{related.subject}</div>}
        {!related && (
          <div className="muted document-relation-subject">{t("documents.relations.hiddenExplain")}</div>
        )}
        {relation.origin === "text" && (
          <div className="muted" style={{ fontSize: 12 }}>
            {t("documents.relations.fromText")}
          </div>
        )}
      </div>
    </List.Item>
  );
}

export function DocumentRelations({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useDocumentSaved();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async (relation: RelatedDocument) => {
    setError(null);
    try {
      await apiCall(documentRoutes.removeDocumentRelation, {
        params: { id: document.id, relationId: relation.relationId },
      });
      await saved(null);
      message.success(t("documents.relations.removed"));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  const list = (direction: Direction, relations: readonly RelatedDocument[]) =>
    relations.length === 0 ? (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t(
          direction === "outgoing" ? "documents.relations.noneOutgoing" : "documents.relations.noneIncoming",
        )}
      />
    ) : (
      <List
        size="small"
        dataSource={byKind(relations)}
        rowKey="relationId"
        pagination={
          relations.length > RELATIONS_PAGE_SIZE ? { pageSize: RELATIONS_PAGE_SIZE, size: "small" } : false
        }
        renderItem={(relation) => (
          <RelatedItem
            relation={relation}
            direction={direction}
            // A relation belongs to the document it starts from: removed there.
            onRemove={direction === "outgoing" && document.canEdit ? () => remove(relation) : null}
          />
        )}
      />
    );

  return (
    <div style={{ display: "grid", gap: 16, gridTemplateColumns: "minmax(0, 1fr)" }}>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} data-testid="relation-remove-error" />
      )}
      <Card
        size="small"
        title={t("documents.relations.outgoingTitle")}
        styles={WRAPPING_TITLE}
        data-testid="relations-outgoing"
        extra={
          document.canEdit ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="relation-add"
            >
              {t("documents.relations.add")}
            </Button>
          ) : null
        }
      >
        {list("outgoing", document.outgoing)}
      </Card>
      <Card
        size="small"
        title={t("documents.relations.incomingTitle")}
        styles={WRAPPING_TITLE}
        data-testid="relations-incoming"
      >
        {list("incoming", document.incoming)}
        <IncomingBeyondList document={document} />
      </Card>
      {document.canEdit && (
        <AddRelationDialog documentId={document.id} open={adding} onClose={() => setAdding(false)} />
      )}
    </div>
  );
}
