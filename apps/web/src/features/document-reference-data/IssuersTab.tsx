// Issuer codes (TW, TU, ĐU, … and the state bodies cited, such as CP, UBND); added and edited in a
// dialog. A code is fixed once created, since numbers carry it.
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { type DocumentIssuer, documentReferenceDataRoutes, IssuerLevelSchema } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { REFERENCE_DATA_KEY, useDocumentIssuers } from "./reference-data-queries.ts";

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = editing !== undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (editing) form.setFieldsValue(editing);
  }, [open, editing, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    const common = {
      nameVi: values.nameVi,
      nameEn: values.nameEn ?? "",
      level: values.level,
      legacy: values.legacy,
      sortOrder: values.sortOrder,
    };
    try {
      if (editing)
        await apiCall(documentReferenceDataRoutes.updateDocumentIssuer, {
          params: { code: editing.code },
          body: common,
        });
      else
        await apiCall(documentReferenceDataRoutes.createDocumentIssuer, {
          body: { ...common, code: values.code },
        });
      message.success(t("common.saved"));
      await queryClient.invalidateQueries({ queryKey: REFERENCE_DATA_KEY });
      onClose();
    } catch (caught) {
      const leftover = applyFieldErrors(form, caught, FIELDS);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      title={
        editing
          ? t("documentReferenceData.issuers.editTitle", { code: editing.code })
          : t("documentReferenceData.issuers.add")
      }
      destroyOnHidden
      data-testid="document-issuer-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ level: "grassroots", legacy: false, sortOrder: 1000 }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
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
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

export function IssuersTab() {
  const { t } = useTranslation();
  const issuers = useDocumentIssuers();
  const [editing, setEditing] = useState<DocumentIssuer | null | undefined>(undefined);
  const items = [...(issuers.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <div>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing(null)}
        style={{ marginBottom: 12 }}
        data-testid="document-issuer-add"
      >
        {t("documentReferenceData.issuers.add")}
      </Button>
      {issuers.isError && <Alert type="error" showIcon title={errorText(issuers.error, t)} />}
      <Table<DocumentIssuer>
        size="small"
        rowKey="code"
        loading={issuers.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="document-issuer-table"
        columns={[
          {
            title: t("documentReferenceData.issuers.code"),
            dataIndex: "code",
            width: 110,
            render: (value: string) => <strong>{value}</strong>,
          },
          {
            title: t("documentReferenceData.name"),
            key: "name",
            render: (_, issuer) => (
              <div>
                <div lang="vi">{issuer.nameVi}</div>
                <div lang="en" className="muted">
                  {issuer.nameEn}
                </div>
              </div>
            ),
          },
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
          { title: t("documentReferenceData.sortOrder"), dataIndex: "sortOrder", width: 90 },
          {
            title: "",
            key: "edit",
            width: 110,
            render: (_, issuer) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(issuer)}
                aria-label={t("documentReferenceData.editAria", { name: issuer.code })}
              >
                {t("documentReferenceData.edit")}
              </Button>
            ),
          },
        ]}
      />
      <IssuerDialog editing={editing} onClose={() => setEditing(undefined)} />
    </div>
  );
}
