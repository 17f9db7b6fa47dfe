// Step 3: the references found in the text, each with what it matched in the register (or "a
// placeholder will be created" when nothing did), the relation to record (the proposed kind first)
// and whether to keep it; and documents the person relates by hand.
import { DeleteOutlined, LockOutlined } from "@ant-design/icons";
import type { DocumentRelationKind, DocumentSummary, FoundReference, ProposedHeader } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Button, Checkbox, Empty, Grid, List, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/dates.ts";
import { DocumentPicker } from "../DocumentPicker.tsx";
import { relationKindOptions } from "../document-labels.ts";
import { useDocumentNaming } from "../document-symbol.ts";
import { isOwnNumber, type ReferenceChoice } from "./reference-choices.ts";

export interface ChosenRelation {
  document: DocumentSummary;
  kind: DocumentRelationKind;
}

function Matched({ reference, own }: { reference: FoundReference; own: boolean }) {
  const { t } = useTranslation();
  const { nameOf } = useDocumentNaming();
  if (own) return <Tag data-testid="reference-own-number">{t("documents.references.ownNumber")}</Tag>;
  if (reference.document)
    return (
      <div>
        <Link to="/documents/$id" params={{ id: String(reference.document.id) }} target="_blank">
          {nameOf(reference.document)}
        </Link>
        {reference.document.isPlaceholder && (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t("documents.placeholderTag")}
          </Tag>
        )}
        <div className="muted" style={{ fontSize: 12 }}>
          {[formatDate(reference.document.issuedOn), reference.document.subject].filter(Boolean).join(" · ")}
        </div>
      </div>
    );
  if (reference.matched)
    return (
      <span className="muted" data-testid="reference-hidden">
        <LockOutlined /> {t("documents.references.hidden")}
      </span>
    );
  return (
    <Tag color="orange" data-testid="reference-placeholder">
      {t("documents.references.willCreate")}
    </Tag>
  );
}

export function ReferencesStep({
  references,
  header,
  choices,
  onChoicesChange,
  chosen,
  onChosenChange,
}: {
  references: readonly FoundReference[];
  /** The header as confirmed in step 2 (to recognise the document's own number among the references). */
  header: ProposedHeader | null;
  choices: readonly ReferenceChoice[];
  onChoicesChange: (next: ReferenceChoice[]) => void;
  chosen: readonly ChosenRelation[];
  onChosenChange: (next: ChosenRelation[]) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<DocumentSummary | undefined>(undefined);
  const [pickedKind, setPickedKind] = useState<DocumentRelationKind>("implements");
  const kinds = relationKindOptions(t);
  const { nameOf } = useDocumentNaming();
  const isPhone = !(Grid.useBreakpoint().md ?? true);

  const setChoice = (index: number, change: Partial<ReferenceChoice>) =>
    onChoicesChange(choices.map((choice, at) => (at === index ? { ...choice, ...change } : choice)));

  const rows = references.map((reference, index) => ({ reference, index }));
  type Row = (typeof rows)[number];

  const keepBox = (row: Row, label?: React.ReactNode) => (
    <Checkbox
      checked={choices[row.index]?.keep ?? false}
      onChange={(event) => setChoice(row.index, { keep: event.target.checked })}
      aria-label={t("documents.references.keepAria", { text: row.reference.text })}
      data-testid="reference-keep"
    >
      {label}
    </Checkbox>
  );
  const quote = (row: Row) => <q className="document-reference-quote">{row.reference.text}</q>;
  const matched = (row: Row) => (
    <Matched reference={row.reference} own={isOwnNumber(row.reference, header)} />
  );
  const kindSelect = (row: Row, width: number | string) => (
    <Select
      value={choices[row.index]?.kind ?? row.reference.proposedKind}
      onChange={(kind) => setChoice(row.index, { kind })}
      options={kinds}
      disabled={!choices[row.index]?.keep}
      style={{ width }}
      aria-label={t("documents.relations.kind")}
      data-testid="reference-kind"
    />
  );
  const kept = choices.filter((choice) => choice.keep).length;

  return (
    <div data-testid="document-references-step">
      <h3 className="form-section">{t("documents.references.foundTitle", { n: references.length })}</h3>
      {references.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documents.references.none")} />
      ) : (
        <>
          <div className="muted" style={{ marginBottom: 8 }}>
            {t("documents.references.keptCount", { n: kept, total: references.length })}
          </div>
          {isPhone ? (
            // One card per reference on a phone: the match and the kind without sideways scrolling.
            <List
              dataSource={rows}
              rowKey="index"
              data-testid="document-references"
              renderItem={(row) => (
                <List.Item data-testid="document-reference-row">
                  <div style={{ width: "100%" }}>
                    <div style={{ minHeight: 44, display: "flex", alignItems: "flex-start" }}>
                      {keepBox(row, quote(row))}
                    </div>
                    <div style={{ margin: "6px 0" }}>{matched(row)}</div>
                    {kindSelect(row, "100%")}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table
              size="small"
              rowKey="index"
              pagination={false}
              dataSource={rows}
              data-testid="document-references"
              onRow={() => ({ "data-testid": "document-reference-row" }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t("documents.references.keep"),
                  key: "keep",
                  width: 70,
                  render: (_, row) => keepBox(row),
                },
                { title: t("documents.references.inText"), key: "text", render: (_, row) => quote(row) },
                {
                  title: t("documents.references.matched"),
                  key: "matched",
                  render: (_, row) => matched(row),
                },
                {
                  title: t("documents.relations.kind"),
                  key: "kind",
                  width: 180,
                  render: (_, row) => kindSelect(row, 170),
                },
              ]}
            />
          )}
        </>
      )}
      <h3 className="form-section" style={{ marginTop: 24 }}>
        {t("documents.references.byHandTitle")}
      </h3>
      <Space.Compact style={{ width: "100%", maxWidth: 720, flexWrap: "wrap" }}>
        <Select
          value={pickedKind}
          onChange={setPickedKind}
          options={kinds}
          style={{ width: 170 }}
          aria-label={t("documents.relations.kind")}
          data-testid="manual-relation-kind"
        />
        <div style={{ flex: "1 1 260px", minWidth: 0 }}>
          <DocumentPicker
            value={picked?.id}
            onChange={(_, document) => setPicked(document)}
            excludeIds={chosen.map((relation) => relation.document.id)}
            testId="manual-relation-document"
          />
        </div>
        <Button
          disabled={!picked}
          onClick={() => {
            if (!picked) return;
            onChosenChange([...chosen, { document: picked, kind: pickedKind }]);
            setPicked(undefined);
          }}
          data-testid="manual-relation-add"
        >
          {t("documents.relations.add")}
        </Button>
      </Space.Compact>
      {chosen.length > 0 && (
        <ul className="document-chosen-relations" data-testid="manual-relations">
          {chosen.map((relation, index) => (
            <li key={relation.document.id}>
              <Tag>{t(`documents.relationKind.${relation.kind}`)}</Tag>
              {nameOf(relation.document)}{" "}
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("documents.relations.remove")}
                onClick={() => onChosenChange(chosen.filter((_, at) => at !== index))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
