// Sign-in: username and password, then a 6-digit code when the account uses two-step verification.
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { authRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError, setCsrfToken } from "../../lib/api.ts";
import { errorText } from "../../lib/errors.ts";
import { LanguageSwitch } from "../../ui/LanguageSwitch.tsx";
import { ME_QUERY_KEY } from "./session.ts";

interface LoginValues {
  username: string;
  password: string;
  totpCode?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: "/login" });
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginValues>();
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const codeRef = useRef<React.ComponentRef<typeof Input>>(null);

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const body = {
        username: values.username,
        password: values.password,
        ...(needsCode && values.totpCode ? { totpCode: values.totpCode.trim() } : {}),
      };
      const me = await apiCall(authRoutes.signIn, { body });
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, me);
      if (me.account.mustChangePassword) {
        void navigate({ to: "/change-password" });
      } else {
        // "/" leads each person to their first screen (the dashboard for those who follow tasks).
        void navigate({ to: search.redirect ?? "/" });
      }
    } catch (caught) {
      if (isApiError(caught, "AUTH_TOTP_REQUIRED")) {
        setNeedsCode(true);
        setError(null);
        window.setTimeout(() => codeRef.current?.focus(), 0);
      } else {
        setError(errorText(caught, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card style={{ width: "100%", maxWidth: 400 }} data-testid="login-card">
        <div
          style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}
        >
          <Typography.Title level={1} style={{ margin: 0, fontSize: 28, color: "#8e1c16" }}>
            {t("app.name")}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </div>
        <Typography.Paragraph className="muted">{t("login.subtitle")}</Typography.Paragraph>
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
          data-testid="login-form"
        >
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, message: t("login.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="login-username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {needsCode && (
            <Form.Item
              name="totpCode"
              label={t("login.totpCode")}
              extra={t("login.totpHint")}
              rules={[
                { required: true, message: t("login.totpRequired") },
                { pattern: /^\d{6}$/, message: t("login.totpFormat") },
              ]}
            >
              <Input
                ref={codeRef}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                data-testid="login-totp"
              />
            </Form.Item>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={submitting}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
