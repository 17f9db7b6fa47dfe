// One or more roles, each held over an organisation (the role covers its whole subtree).
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { roleOptions } from "./role-names.ts";

export function RoleFields() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: (_, value: unknown[] | undefined) =>
            (value?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t("accounts.needRole"))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="account-roles-fields">
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 4 }}>
              <Form.Item
                name={[field.name, "role"]}
                rules={[{ required: true, message: t("common.required") }]}
                style={{ minWidth: 200, marginBottom: 8 }}
              >
                <Select
                  placeholder={t("accounts.role")}
                  aria-label={t("accounts.role")}
                  options={roleOptions(t)}
                  data-testid={`role-select-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, "orgId"]}
                rules={[{ required: true, message: t("common.required") }]}
                style={{ minWidth: 240, marginBottom: 8 }}
              >
                <OrgPicker
                  testId={`role-org-${index}`}
                  ariaLabel={t("accounts.roleOrg")}
                  placeholder={t("accounts.roleOrg")}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t("accounts.removeRoleRow")}
                  onClick={() => remove(field.name)}
                />
              )}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="role-add-row">
            {t("accounts.addRoleRow")}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
