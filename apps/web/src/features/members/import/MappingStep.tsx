// Step 3: which field each column of the file is read into. The server proposes from the headers; the
// person corrects it. Sample values from the first rows help recognise a column.
import {
  MEMBER_COLUMNS,
  type MemberImport,
  type MemberImportField,
  memberImportRoutes,
} from "@namro/contracts";
import { Alert, Button, Select, Space, Table, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../../lib/api.ts";
import { errorText } from "../../../lib/errors.ts";
import { useImportChanged, useImportRows } from "./import-queries.ts";

interface Props {
  memberImport: MemberImport;
  onDone: () => void;
  onRestart: () => void;
}

type Mapping = Record<number, MemberImportField | null>;

function mappingOf(memberImport: MemberImport): Mapping {
  return Object.fromEntries(memberImport.columns.map((column) => [column.index, column.field]));
}

export function MappingStep({ memberImport, onDone, onRestart }: Props) {
  const { t } = useTranslation();
  const changed = useImportChanged();
  const [mapping, setMapping] = useState<Mapping>(() => mappingOf(memberImport));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sample = useImportRows(memberImport.id, "all", 1, 3, true);

  // A mapping saved elsewhere (another tab) shows here when nothing was changed locally.
  const serverMapping = useMemo(() => mappingOf(memberImport), [memberImport]);
  useEffect(() => setMapping(serverMapping), [serverMapping]);

  const sampleOf = (index: number) =>
    (sample.data?.items ?? [])
      .map((row) => row.values[index] ?? "")
      .filter((value) => value !== "")
      .join(" · ");

  const chosen = Object.values(mapping).filter((field): field is MemberImportField => field !== null);
  const duplicated = new Set(chosen.filter((field, index) => chosen.indexOf(field) !== index));
  const missing = MEMBER_COLUMNS.filter((column) => column.required && !chosen.includes(column.field));
  const dirty = memberImport.columns.some((column) => (mapping[column.index] ?? null) !== column.field);

  const fieldOptions = [
    { value: "", label: t("memberImport.mapping.ignore") },
    ...MEMBER_COLUMNS.map((column) => ({
      value: column.field,
      label: `${t(`members.fields.${column.field}`)}${column.required ? " *" : ""}`,
    })),
  ];

  const proceed = async () => {
    setError(null);
    if (!dirty) {
      onDone();
      return;
    }
    setSaving(true);
    try {
      const next = await apiCall(memberImportRoutes.updateMemberImportMapping, {
        params: { id: memberImport.id },
        body: {
          columns: memberImport.columns.map((column) => ({
            index: column.index,
            field: mapping[column.index] ?? null,
          })),
        },
      });
      await changed(next);
      onDone();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="import-mapping-step">
      <p className="muted" style={{ marginTop: 0 }}>
        {t("memberImport.mapping.explain", {
          sheet: memberImport.sheetName ?? "—",
          row: memberImport.headerRow ?? 1,
        })}
      </p>
      {memberImport.encoding && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("memberImport.mapping.encoding", { encoding: memberImport.encoding.toUpperCase() })}
        />
      )}
      {memberImport.ignoredSensitiveColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("memberImport.ignoredSensitive.title")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {memberImport.ignoredSensitiveColumns.map((header) => (
                <li key={header}>{t("memberImport.ignoredSensitive.column", { header })}</li>
              ))}
            </ul>
          }
        />
      )}
      {memberImport.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("memberImport.mapping.notes")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {memberImport.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        data-testid="import-mapping"
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={memberImport.columns}
        onRow={(column) =>
          ({
            "data-testid": "import-mapping-row",
            "data-header": column.header,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t("memberImport.mapping.header"),
            key: "header",
            render: (_, column) => (
              <div>
                <strong>{column.header || t("memberImport.mapping.noHeader")}</strong>
                <div className="muted import-sample import-sample-inline">{sampleOf(column.index)}</div>
                {column.proposed === null && (
                  <div>
                    <Tag color="warning" style={{ marginTop: 4 }}>
                      {t("memberImport.mapping.notRecognised")}
                    </Tag>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t("memberImport.mapping.field"),
            key: "field",
            render: (_, column) => {
              const value = mapping[column.index] ?? null;
              return (
                <Select
                  value={value ?? ""}
                  onChange={(next: string) =>
                    setMapping((current) => ({
                      ...current,
                      [column.index]: next === "" ? null : (next as MemberImportField),
                    }))
                  }
                  options={fieldOptions}
                  showSearch={{ optionFilterProp: "label" }}
                  status={value !== null && duplicated.has(value) ? "error" : ""}
                  aria-label={t("memberImport.mapping.fieldFor", { header: column.header })}
                  style={{ width: "100%", minWidth: 150, maxWidth: 260 }}
                  data-testid={`import-map-${column.index}`}
                />
              );
            },
          },
          {
            title: t("memberImport.mapping.sample"),
            key: "sample",
            responsive: ["md"],
            render: (_, column) => <span className="muted import-sample">{sampleOf(column.index)}</span>,
          },
        ]}
      />
      {duplicated.size > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t("memberImport.mapping.duplicated", {
            fields: [...duplicated].map((field) => t(`members.fields.${field}`)).join(", "),
          })}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="import-mapping-missing"
          title={t("memberImport.mapping.missing", {
            fields: missing.map((column) => t(`members.fields.${column.field}`)).join(", "),
          })}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error} />}
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          loading={saving}
          disabled={duplicated.size > 0}
          onClick={() => void proceed()}
          data-testid="import-mapping-next"
        >
          {t("memberImport.mapping.next")}
        </Button>
        {dirty && (
          <Button onClick={() => setMapping(serverMapping)}>{t("memberImport.mapping.reset")}</Button>
        )}
        <Button onClick={onRestart}>{t("memberImport.restart")}</Button>
      </Space>
    </div>
  );
}
