// Document types (Party and state) with their abbreviations; added and edited in a dialog. A type's
// system and abbreviation are fixed once created, since numbers are built from them.
import { type DocumentType, documentReferenceDataRoutes } from "@namro/contracts";
import { Form, Input, InputNumber, Select, Switch, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { ReferenceDataDialog } from "./ReferenceDataDialog.tsx";
import { ReferenceDataTable } from "./ReferenceDataTable.tsx";
import { useDocumentTypes } from "./reference-data-queries.ts";

interface Values {
  system: "party" | "state";
  abbreviation: string;
  nameVi: string;
  nameEn: string;
  isPlan: boolean;
  legacy: boolean;
  sortOrder: number;
}
const FIELDS = ["system", "abbreviation", "nameVi", "nameEn", "isPlan", "legacy", "sortOrder"] as const;

function TypeDialog({ editing, onClose }: { editing: DocumentType | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = (values: Values) => {
    const common = {
      nameVi: values.nameVi,
      nameEn: values.nameEn ?? "",
      isPlan: values.isPlan,
      legacy: values.legacy,
      sortOrder: values.sortOrder,
    };
    return editing
      ? apiCall(documentReferenceDataRoutes.updateDocumentType, { params: { id: editing.id }, body: common })
      : apiCall(documentReferenceDataRoutes.createDocumentType, {
          body: { ...common, system: values.system, abbreviation: values.abbreviation },
        });
  };
  return (
    <ReferenceDataDialog<Values>
      open={editing !== undefined}
      title={
        editing
          ? t("documentReferenceData.types.editTitle", { name: editing.nameVi })
          : t("documentReferenceData.types.add")
      }
      testId="document-type-dialog"
      form={form}
      fieldNames={FIELDS}
      initialValues={{ system: "party", isPlan: false, legacy: false, sortOrder: 1000 }}
      values={editing ?? null}
      save={save}
      onClose={onClose}
    >
      <Form.Item name="system" label={t("documentReferenceData.types.system")}>
        <Select
          disabled={Boolean(editing)}
          options={(["party", "state"] as const).map((value) => ({
            value,
            label: t(`documents.system.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="abbreviation"
        label={t("documentReferenceData.types.abbreviation")}
        extra={t("documentReferenceData.types.abbreviationHint")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input disabled={Boolean(editing)} maxLength={12} data-testid="document-type-abbreviation" />
      </Form.Item>
      <Form.Item
        name="nameVi"
        label={t("documentReferenceData.nameVi")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input maxLength={200} data-testid="document-type-name-vi" />
      </Form.Item>
      <Form.Item name="nameEn" label={t("documentReferenceData.nameEn")}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="isPlan"
        label={t("documentReferenceData.types.isPlan")}
        extra={t("documentReferenceData.types.isPlanHint")}
        valuePropName="checked"
      >
        <Switch />
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

export function DocumentTypesTab() {
  const { t } = useTranslation();
  const types = useDocumentTypes();
  // undefined: closed; null: adding; a type: editing it.
  const [editing, setEditing] = useState<DocumentType | null | undefined>(undefined);
  const items = [...(types.data?.items ?? [])].sort(
    (a, b) => a.system.localeCompare(b.system) || a.sortOrder - b.sortOrder,
  );
  return (
    <>
      <ReferenceDataTable<DocumentType>
        items={items}
        rowKey="id"
        loading={types.isFetching}
        error={types.error}
        addLabel={t("documentReferenceData.types.add")}
        addTestId="document-type-add"
        tableTestId="document-type-table"
        code={{ title: t("documentReferenceData.types.abbreviation"), dataIndex: "abbreviation" }}
        columns={[
          {
            title: t("documentReferenceData.types.system"),
            dataIndex: "system",
            width: 170,
            render: (value: string) => t(`documents.system.${value}`),
          },
          {
            title: t("documentReferenceData.flags"),
            key: "flags",
            width: 180,
            render: (_, type) => (
              <>
                {type.isPlan && <Tag color="blue">{t("documentReferenceData.types.plan")}</Tag>}
                {type.legacy && <Tag>{t("documentReferenceData.legacy")}</Tag>}
              </>
            ),
          },
        ]}
        onEdit={setEditing}
        nameOf={(type) => `${type.nameVi} (${type.abbreviation})`}
      />
      <TypeDialog editing={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
