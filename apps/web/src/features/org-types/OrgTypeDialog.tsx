// Adds an organisation type or edits one: names, department flag, order and the types allowed directly
// under it (and, for a new type, the types it may sit under). Server errors appear at their fields.
import { type OrgType, organisationRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { ORG_TYPES_QUERY_KEY } from "../organisations/org-types.ts";

interface Values {
  code: string;
  nameVi: string;
  nameEn: string;
  isDepartment: boolean;
  holdsMembers: boolean;
  sortOrder: number;
  allowedChildTypes: string[];
  allowedParentTypes: string[];
}

const FIELDS = [
  "code",
  "nameVi",
  "nameEn",
  "isDepartment",
  "holdsMembers",
  "sortOrder",
  "allowedChildTypes",
  "allowedParentTypes",
] as const;

interface Props {
  open: boolean;
  /** The type to edit; null adds a new one. */
  editing: OrgType | null;
  types: readonly OrgType[];
  onClose: () => void;
}

export function OrgTypeDialog({ open, editing, types, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const english = i18n.language === "en";

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        code: editing.code,
        nameVi: editing.nameVi,
        nameEn: editing.nameEn,
        isDepartment: editing.isDepartment,
        holdsMembers: editing.holdsMembers,
        sortOrder: editing.sortOrder,
        allowedChildTypes: editing.allowedChildTypes,
      });
    }
  }, [open, editing, form]);

  const typeOptions = [...types]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((type) => ({ value: type.code, label: english ? type.nameEn : type.nameVi }));

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    const common = {
      nameVi: values.nameVi,
      nameEn: values.nameEn,
      isDepartment: values.isDepartment,
      holdsMembers: values.holdsMembers,
      sortOrder: values.sortOrder,
      allowedChildTypes: values.allowedChildTypes ?? [],
    };
    try {
      const saved = editing
        ? await apiCall(organisationRoutes.updateOrgType, {
            params: { code: editing.code },
            body: { ...common, version: editing.version },
          })
        : await apiCall(organisationRoutes.createOrgType, {
            body: { ...common, code: values.code, allowedParentTypes: values.allowedParentTypes ?? [] },
          });
      const name = english ? saved.nameEn : saved.nameVi;
      message.success(t(editing ? "orgTypes.updated" : "orgTypes.created", { name }));
      // The restructuring dialogs take their type choices from this query.
      await queryClient.invalidateQueries({ queryKey: ORG_TYPES_QUERY_KEY });
      onClose();
    } catch (caught) {
      // Someone else changed the type: show their version next time the dialog opens.
      if (isApiError(caught, "CONFLICT_STALE_VERSION"))
        void queryClient.invalidateQueries({ queryKey: ORG_TYPES_QUERY_KEY });
      const leftover = applyFieldErrors(form, caught, FIELDS);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  const title = editing
    ? t("orgTypes.editTitle", { name: english ? editing.nameEn : editing.nameVi })
    : t("orgTypes.create");

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t("common.save") : t("orgTypes.createOk")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "org-type-submit" }}
      destroyOnHidden
      width={640}
      modalRender={(node) => <div data-testid="dialog-org-type">{node}</div>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          isDepartment: false,
          holdsMembers: false,
          sortOrder: 100,
          allowedChildTypes: [],
          allowedParentTypes: [],
        }}
      >
        <Form.Item
          name="code"
          label={t("orgTypes.code")}
          extra={editing ? t("orgTypes.codeFixed") : t("orgTypes.codeHint")}
          rules={[
            { required: true, message: t("common.required") },
            { pattern: /^[a-z][a-z0-9_]*$/, max: 64, message: t("orgTypes.codeHint") },
          ]}
        >
          <Input
            disabled={editing !== null}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="org-type-code"
          />
        </Form.Item>
        <Form.Item
          name="nameVi"
          label={t("orgTypes.nameVi")}
          rules={[{ required: true, min: 2, whitespace: true, message: t("orgTypes.nameRule") }]}
        >
          <Input maxLength={200} data-testid="org-type-name-vi" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t("orgTypes.nameEn")}
          rules={[{ required: true, min: 2, whitespace: true, message: t("orgTypes.nameRule") }]}
        >
          <Input maxLength={200} data-testid="org-type-name-en" />
        </Form.Item>
        <div style={{ display: "flex", flexWrap: "wrap", columnGap: 24 }}>
          <Form.Item name="sortOrder" label={t("orgTypes.sortOrder")} extra={t("orgTypes.sortOrderHint")}>
            <InputNumber min={0} max={1_000_000} precision={0} data-testid="org-type-sort-order" />
          </Form.Item>
          <Form.Item name="isDepartment" label={t("orgTypes.isDepartment")} valuePropName="checked">
            <Switch data-testid="org-type-department" />
          </Form.Item>
          <Form.Item name="holdsMembers" label={t("orgTypes.holdsMembers")} valuePropName="checked">
            <Switch data-testid="org-type-holds-members" />
          </Form.Item>
        </div>
        <Form.Item
          name="allowedChildTypes"
          label={t("orgTypes.allowedChildTypes")}
          extra={t("orgTypes.allowedChildTypesHint")}
        >
          <Select<string[]>
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder={t("orgTypes.choose")}
            options={typeOptions}
            data-testid="org-type-children"
          />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="allowedParentTypes"
            label={t("orgTypes.allowedParentTypes")}
            extra={t("orgTypes.allowedParentTypesHint")}
          >
            <Select<string[]>
              mode="multiple"
              allowClear
              optionFilterProp="label"
              placeholder={t("orgTypes.choose")}
              options={typeOptions}
              data-testid="org-type-parents"
            />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" data-testid="org-type-error" />}
      </Form>
    </Modal>
  );
}
