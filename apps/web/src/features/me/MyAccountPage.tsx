// My account: who I am and where I act, where my reminders are e-mailed, my password, two-step
// verification.
import { authRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  QRCode,
  Row,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { errorText } from "../../lib/errors.ts";
import { EmailAddressForm } from "../../ui/EmailAddressForm.tsx";
import { RoleGrantLabel } from "../../ui/RoleGrantLabel.tsx";
import { ChangePasswordForm } from "../auth/ChangePasswordForm.tsx";
import { ME_QUERY_KEY, useMe } from "../auth/session.ts";

function TwoStep({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });

  if (enabled) {
    return (
      <div data-testid="totp-section">
        <p>
          <Tag color="green">{t("totp.on")}</Tag> {t("totp.onExplain")}
        </p>
        <Form
          layout="vertical"
          onFinish={() =>
            void run(async () => {
              await apiCall(authRoutes.disableTotp, { body: { password } });
              setPassword("");
              message.success(t("totp.disabled"));
              await refresh();
            })
          }
        >
          <Form.Item label={t("totp.passwordToDisable")} required htmlFor="totp-disable-password">
            <Input.Password
              id="totp-disable-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              data-testid="totp-disable-password"
            />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy} disabled={!password} data-testid="totp-disable">
            {t("totp.disable")}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
      </div>
    );
  }

  return (
    <div data-testid="totp-section">
      <p>
        <Tag>{t("totp.off")}</Tag> {t("totp.offExplain")}
      </p>
      {!setup ? (
        <Button
          type="primary"
          loading={busy}
          data-testid="totp-setup"
          onClick={() =>
            void run(async () => {
              setSetup(await apiCall(authRoutes.setUpTotp));
            })
          }
        >
          {t("totp.setUp")}
        </Button>
      ) : (
        <div>
          <ol style={{ paddingInlineStart: 20 }}>
            <li>{t("totp.step1")}</li>
            <li>{t("totp.step2")}</li>
          </ol>
          <Space wrap align="start" size="large">
            <QRCode value={setup.otpauthUrl} size={180} data-testid="totp-qr" />
            <div>
              <div className="muted">{t("totp.secret")}</div>
              <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: "break-all" }}>
                {setup.secret}
              </Typography.Text>
            </div>
          </Space>
          <Form
            layout="vertical"
            style={{ marginTop: 16 }}
            onFinish={() =>
              void run(async () => {
                await apiCall(authRoutes.enableTotp, { body: { code: code.trim() } });
                setSetup(null);
                setCode("");
                message.success(t("totp.enabled"));
                await refresh();
              })
            }
          >
            <Form.Item label={t("totp.code")} required htmlFor="totp-code">
              <Input
                id="totp-code"
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, "").slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                style={{ maxWidth: 160 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                disabled={code.length !== 6}
                data-testid="totp-confirm"
              >
                {t("totp.confirm")}
              </Button>
              <Button onClick={() => setSetup(null)}>{t("common.cancel")}</Button>
            </Space>
          </Form>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
    </div>
  );
}

export function MyAccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div>
      <h1 className="page-title">{t("me.title")}</h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("me.profile")} size="small" data-testid="me-profile">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("accounts.displayName")}>
                {me.account.displayName}
              </Descriptions.Item>
              <Descriptions.Item label={t("accounts.username")}>{me.account.username}</Descriptions.Item>
            </Descriptions>
            <h3 style={{ fontSize: 15, marginTop: 12 }}>{t("accounts.roles")}</h3>
            <List
              size="small"
              bordered
              dataSource={me.roles}
              locale={{ emptyText: t("accounts.noRoles") }}
              renderItem={(grant) => (
                <List.Item key={grant.id}>
                  <RoleGrantLabel grant={grant} scopeText={t("me.roleScope", { org: grant.orgName })} />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t("accountEmail.title")} size="small" style={{ marginTop: 16 }} data-testid="me-email">
            <EmailAddressForm
              value={me.account.email}
              testId="me-email"
              onSave={async (email) => {
                await apiCall(authRoutes.setEmail, { body: { email } });
                await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
              }}
            />
          </Card>
          <Card title={t("totp.title")} size="small" style={{ marginTop: 16 }}>
            <TwoStep enabled={me.account.totpEnabled} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("password.title")} size="small" data-testid="me-password">
            <ChangePasswordForm onDone={() => void message.success(t("password.changed"))} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
