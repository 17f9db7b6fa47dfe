// One account: display name, e-mail address for reminders, enable/disable, temporary password, roles.
import { DeleteOutlined, KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from "@ant-design/icons";
import { type Account, accountRoutes, type Role } from "@namro/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { EmailAddressForm } from "../../ui/EmailAddressForm.tsx";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { RoleGrantLabel } from "../../ui/RoleGrantLabel.tsx";
import { roleOptions } from "./role-names.ts";

function useAccountMutation(accountId: number) {
  const queryClient = useQueryClient();
  return async (result: Account | null) => {
    if (result) queryClient.setQueryData(["accounts", "one", accountId], result);
    await queryClient.invalidateQueries({ queryKey: ["accounts"] });
  };
}

function NameForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const [error, setError] = useState<string | null>(null);
  const after = useAccountMutation(account.id);
  const submit = async ({ displayName }: { displayName: string }) => {
    setError(null);
    try {
      const updated = await apiCall(accountRoutes.updateAccount, {
        params: { id: account.id },
        body: { displayName, version: account.version },
      });
      await after(updated);
      message.success(t("common.saved"));
    } catch (caught) {
      applyFieldErrors(form, caught, ["displayName"]);
      setError(errorText(caught, t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ displayName: account.displayName }}
      onFinish={(v) => void submit(v)}
      key={account.version}
    >
      <Form.Item
        name="displayName"
        label={t("accounts.displayName")}
        rules={[{ required: true, min: 2, message: t("accounts.displayNameRule") }]}
      >
        <Input maxLength={200} data-testid="account-edit-name" />
      </Form.Item>
      <Button htmlType="submit" style={{ marginBottom: 16 }} data-testid="account-edit-name-save">
        {t("common.save")}
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
    </Form>
  );
}

function ResetPasswordButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const after = useAccountMutation(account.id);
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await apiCall(accountRoutes.resetPassword, {
        params: { id: account.id },
        body: { newPassword: password },
      });
      await after(null);
      message.success(t("accounts.resetDone", { name: account.displayName }));
      setOpen(false);
      setPassword("");
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="account-reset-password">
        {t("accounts.resetPassword")}
      </Button>
      <Modal
        open={open}
        title={t("accounts.resetTitle", { name: account.displayName })}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t("accounts.resetOk")}
        okButtonProps={{
          danger: true,
          disabled: password.length === 0,
          "data-testid": "account-reset-submit",
        }}
        cancelText={t("common.cancel")}
        confirmLoading={saving}
        destroyOnHidden
      >
        <p>{t("accounts.resetExplain")}</p>
        <label htmlFor="reset-password-input">{t("accounts.tempPassword")}</label>
        <Input.Password
          id="reset-password-input"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          data-testid="account-reset-input"
        />
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          {t("password.rule")}
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
      </Modal>
    </>
  );
}

function RolesSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const after = useAccountMutation(account.id);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!role || !orgId) return;
    setError(null);
    try {
      const updated = await apiCall(accountRoutes.addRole, {
        params: { id: account.id },
        body: { role, orgId },
      });
      await after(updated);
      setRole(undefined);
      setOrgId(undefined);
      message.success(t("accounts.roleAdded"));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };
  const remove = async (assignmentId: number) => {
    setError(null);
    try {
      const updated = await apiCall(accountRoutes.removeRole, { params: { id: account.id, assignmentId } });
      await after(updated);
      message.success(t("accounts.roleRemoved"));
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };
  return (
    <div data-testid="account-roles">
      <h3 style={{ fontSize: 15 }}>{t("accounts.roles")}</h3>
      <List
        size="small"
        bordered
        dataSource={account.roles}
        locale={{ emptyText: t("accounts.noRoles") }}
        renderItem={(grant) => (
          <List.Item
            key={grant.id}
            data-testid="account-role"
            actions={[
              <Popconfirm
                key="remove"
                title={t("accounts.removeRoleConfirm", {
                  role: t(`roles.${grant.role}`),
                  org: grant.orgName,
                })}
                okText={t("common.remove")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => void remove(grant.id)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("accounts.removeRole")}
                  data-testid="account-role-remove"
                />
              </Popconfirm>,
            ]}
          >
            <RoleGrantLabel grant={grant} />
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select<Role>
          placeholder={t("accounts.role")}
          aria-label={t("accounts.role")}
          value={role ?? null}
          onChange={setRole}
          options={roleOptions(t)}
          style={{ width: 200 }}
          data-testid="account-add-role-select"
        />
        <OrgPicker
          testId="account-add-role-org"
          ariaLabel={t("accounts.roleOrg")}
          placeholder={t("accounts.roleOrg")}
          value={orgId}
          onChange={setOrgId}
          style={{ width: 240 }}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!role || !orgId}
          onClick={() => void add()}
          data-testid="account-add-role"
        >
          {t("accounts.addRole")}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
    </div>
  );
}

export function AccountDrawer({ accountId, onClose }: { accountId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const after = useAccountMutation(accountId ?? 0);
  const account = useQuery({
    queryKey: ["accounts", "one", accountId ?? 0],
    queryFn: () => apiCall(accountRoutes.getAccount, { params: { id: accountId ?? 0 } }),
    enabled: accountId !== null,
  });

  const toggle = (target: Account) => {
    const disabling = !target.disabled;
    modal.confirm({
      title: t(disabling ? "accounts.disableConfirm" : "accounts.enableConfirm", {
        name: target.displayName,
      }),
      content: disabling ? t("accounts.disableExplain") : undefined,
      okText: t(disabling ? "accounts.disable" : "accounts.enable"),
      okButtonProps: { danger: disabling, "data-testid": "account-toggle-confirm" } as never,
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          const updated = await apiCall(
            disabling ? accountRoutes.disableAccount : accountRoutes.enableAccount,
            {
              params: { id: target.id },
            },
          );
          await after(updated);
          message.success(t(disabling ? "accounts.disabledDone" : "accounts.enabledDone"));
        } catch (caught) {
          message.error(errorText(caught, t));
        }
      },
    });
  };

  return (
    <Drawer
      open={accountId !== null}
      onClose={onClose}
      size={screens.md ? 560 : "100%"}
      title={account.data?.displayName ?? t("accounts.account")}
      data-testid="account-drawer"
      destroyOnHidden
    >
      {account.isPending && <Spin />}
      {account.isError && <Alert type="error" showIcon title={errorText(account.error, t)} />}
      {account.data && (
        <div>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("accounts.username")}>{account.data.username}</Descriptions.Item>
            <Descriptions.Item label={t("accounts.status")}>
              <Space size={4} wrap>
                {account.data.disabled ? (
                  <Tag color="red">{t("accounts.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("accounts.active")}</Tag>
                )}
                {account.data.mustChangePassword && (
                  <Tag color="orange" data-testid="account-must-change">
                    {t("accounts.mustChange")}
                  </Tag>
                )}
                {account.data.totpEnabled && <Tag color="blue">{t("accounts.totp")}</Tag>}
                {account.data.lockedUntil && (
                  <Tag color="red">
                    {t("accounts.lockedUntil", { when: formatDateTime(account.data.lockedUntil) })}
                  </Tag>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("accounts.createdAt")}>
              {formatDateTime(account.data.createdAt)}
            </Descriptions.Item>
          </Descriptions>
          <NameForm account={account.data} />
          <div style={{ marginBottom: 16 }}>
            <EmailAddressForm
              value={account.data.email}
              testId="account-email"
              onSave={async (email) => {
                const current = account.data;
                if (!current) return;
                const updated = await apiCall(accountRoutes.setAccountEmail, {
                  params: { id: current.id },
                  body: { email, version: current.version },
                });
                await after(updated);
              }}
            />
          </div>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button
              danger={!account.data.disabled}
              icon={account.data.disabled ? <UnlockOutlined /> : <LockOutlined />}
              onClick={() => account.data && toggle(account.data)}
              data-testid="account-toggle-disabled"
            >
              {t(account.data.disabled ? "accounts.enable" : "accounts.disable")}
            </Button>
            <ResetPasswordButton account={account.data} />
          </Space>
          <RolesSection account={account.data} />
        </div>
      )}
    </Drawer>
  );
}
