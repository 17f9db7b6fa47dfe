// The e-mail address reminders are sent to: one field and a save button, used on "my account" and in
// an account's drawer. Empty removes the address (after a confirmation).
import { Alert, App, Button, Form, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorText } from "../lib/errors.ts";

/** The same rule as the server's (accounts.email CHECK). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function EmailAddressForm({
  value,
  onSave,
  testId,
}: {
  value: string | null;
  onSave: (email: string | null) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ email: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (email: string | null) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(email);
      message.success(t(email === null ? "accountEmail.removed" : "accountEmail.saved"));
    } catch (caught) {
      applyFieldErrors(form, caught, ["email"]);
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  const submit = ({ email }: { email: string }) => {
    const trimmed = email.trim();
    if (trimmed === "" && value !== null) {
      modal.confirm({
        title: t("accountEmail.removeConfirm"),
        content: t("accountEmail.removeExplain"),
        okText: t("accountEmail.remove"),
        okButtonProps: { danger: true },
        cancelText: t("common.cancel"),
        onOk: () => save(null),
      });
      return;
    }
    if (trimmed === (value ?? "")) return;
    void save(trimmed === "" ? null : trimmed);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ email: value ?? "" }}
      onFinish={submit}
      key={value ?? ""}
      // The app's own message says what is wrong, in the user's language; not the browser's bubble.
      noValidate
    >
      <Form.Item
        name="email"
        label={t("accountEmail.label")}
        extra={t("accountEmail.help")}
        rules={[
          {
            validator: (_, raw: string | undefined) =>
              !raw || raw.trim() === "" || EMAIL.test(raw.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t("accountEmail.invalid"))),
          },
        ]}
      >
        <Input
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={254}
          placeholder="ten@example.vn"
          data-testid={`${testId}-input`}
        />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={saving} data-testid={`${testId}-save`}>
          {t("accountEmail.save")}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
    </Form>
  );
}
