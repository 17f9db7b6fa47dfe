import { type Account, accountRoutes, type Role } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { RoleFields } from "./RoleFields.tsx";

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: { role: Role; orgId: number }[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (account: Account) => void;
}

export function CreateAccountDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const account = await apiCall(accountRoutes.createAccount, { body: values });
      message.success(t("accounts.created", { name: account.displayName }));
      await queryClient.invalidateQueries({ queryKey: ["accounts"] });
      onCreated(account);
    } catch (caught) {
      const leftover = applyFieldErrors(form, caught, ["username", "displayName", "password", "roles"]);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("accounts.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("accounts.createOk")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "account-create-submit" }}
      destroyOnHidden
      width={640}
      modalRender={(node) => <div data-testid="dialog-account-create">{node}</div>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ roles: [{}] }}
      >
        <Form.Item
          name="username"
          label={t("accounts.username")}
          extra={t("accounts.usernameHint")}
          rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t("accounts.usernameHint") }]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="account-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("accounts.displayName")}
          rules={[{ required: true, min: 2, message: t("accounts.displayNameRule") }]}
        >
          <Input maxLength={200} data-testid="account-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("accounts.tempPassword")}
          extra={t("accounts.tempPasswordHint")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <Form.Item label={t("accounts.roles")} required>
          <RoleFields />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon title={error} role="alert" data-testid="account-create-error" />
        )}
      </Form>
    </Modal>
  );
}
