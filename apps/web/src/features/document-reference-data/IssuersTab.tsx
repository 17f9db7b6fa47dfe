// Issuer codes (TW, TU, ĐU, … and the state bodies cited, such as CP, UBND); added and edited in a
// dialog. A code is fixed once created, since numbers carry it.
import { type DocumentIssuer, documentReferenceDataRoutes, IssuerLevelSchema } from "@namro/contracts";
import { Form, Input, InputNumber, Select, Switch, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { ReferenceDataDialog } from "./ReferenceDataDialog.tsx";
import { ReferenceDataTable } from "./ReferenceDataTable.tsx";
import { useDocumentIssuers } from "./reference-data-queries.ts";

type Values = Omit<DocumentIssuer, "nameEn"> & { nameEn?: string };
const FIELDS = ["code", "nameVi", "nameEn", "level", "legacy", "sortOrder"] as const;

function IssuerDialog({
  editing,
  onClose,
}: {
  editing: DocumentIssuer | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = (values: Values) => {
    const common = {
      nameVi: values.nameVi,
      nameEn: values.nameEn ?? "",
      level: values.level,
      legacy: values.legacy,
      sortOrder: values.sortOrder,
    };
    return editing
      ? apiCall(documentReferenceDataRoutes.updateDocumentIssuer, {
          params: { code: editing.code },
          body: common,
        })
      : apiCall(documentReferenceDataRoutes.createDocumentIssuer, { body: { ...common, code: values.code } });
  };
  return (
    <ReferenceDataDialog<Values>
      open={editing !== undefined}
      title={
        editing
          ? t("documentReferenceData.issuers.editTitle", { code: editing.code })
          : t("documentReferenceData.issuers.add")
      }
      testId="document-issuer-dialog"
      form={form}
      fieldNames={FIELDS}
      initialValues={{ level: "grassroots", legacy: false, sortOrder: 1000 }}
      values={editing ?? null}
      save={save}
      onClose={onClose}
    >
      <Form.Item
        name="code"
        label={t("documentReferenceData.issuers.code")}
        extra={t("documentReferenceData.issuers.codeHint")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input disabled={Boolean(editing)} maxLength={12} data-testid="document-issuer-code" />
      </Form.Item>
      <Form.Item
        name="nameVi"
        label={t("documentReferenceData.nameVi")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input maxLength={200} data-testid="document-issuer-name-vi" />
      </Form.Item>
      <Form.Item name="nameEn" label={t("documentReferenceData.nameEn")}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="level" label={t("documentReferenceData.issuers.level")}>
        <Select
          options={IssuerLevelSchema.options.map((value) => ({
            value,
            label: t(`documentReferenceData.issuers.levels.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="legacy" label={t("documentReferenceData.legacy")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="sortOrder" label={t("documentReferenceData.sortOrder")}>
        <InputNumber min={0} max={1_000_000} />
      </Form.Item>
    </ReferenceDataDialog>
  );
}

export function IssuersTab() {
  const { t } = useTranslation();
  const issuers = useDocumentIssuers();
  const [editing, setEditing] = useState<DocumentIssuer | null | undefined>(undefined);
  const items = [...(issuers.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <>
      <ReferenceDataTable<DocumentIssuer>
        items={items}
        rowKey="code"
        loading={issuers.isFetching}
        error={issuers.error}
        addLabel={t("documentReferenceData.issuers.add")}
        addTestId="document-issuer-add"
        tableTestId="document-issuer-table"
        code={{ title: t("documentReferenceData.issuers.code"), dataIndex: "code" }}
        columns={[
          {
            title: t("documentReferenceData.issuers.level"),
            dataIndex: "level",
            width: 150,
            render: (value: string) => t(`documentReferenceData.issuers.levels.${value}`),
          },
          {
            title: t("documentReferenceData.flags"),
            key: "flags",
            width: 120,
            render: (_, issuer) => (issuer.legacy ? <Tag>{t("documentReferenceData.legacy")}</Tag> : null),
          },
        ]}
        onEdit={setEditing}
        nameOf={(issuer) => issuer.code}
      />
      <IssuerDialog editing={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
