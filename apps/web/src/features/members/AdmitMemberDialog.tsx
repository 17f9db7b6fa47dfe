// "Ghi nhận kết nạp": a new probationary member in a cell, then their record.
import { memberRoutes } from "@namro/contracts";
import { useNavigate } from "@tanstack/react-router";
import { Alert, App, Col, Form, Grid, Input, Modal, Row } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useCellTypeCodes } from "../organisations/org-types.ts";
import {
  MEMBER_FIELD_NAMES,
  MemberFormFields,
  type MemberFormValues,
  personalDataOf,
} from "./MemberFormFields.tsx";
import { useMemberSaved } from "./member-queries.ts";

interface AdmitValues extends MemberFormValues {
  orgId: number;
  decisionRef?: string | null;
}

export function AdmitMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const cellTypeCodes = useCellTypeCodes();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const saved = useMemberSaved();
  const [form] = Form.useForm<AdmitValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const canSeeSensitive = hasPermission(me, "member.sensitive");

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (values: AdmitValues) => {
    setSaving(true);
    setError(null);
    try {
      const decisionRef = values.decisionRef?.trim();
      const detail = await apiCall(memberRoutes.admitMember, {
        body: {
          ...personalDataOf(values, canSeeSensitive),
          orgId: values.orgId,
          decisionRef: decisionRef ? decisionRef : null,
        },
      });
      await saved(detail);
      message.success(t("members.admit.done", { name: detail.fullName }));
      onClose();
      void navigate({ to: "/members/$id", params: { id: String(detail.id) } });
    } catch (caught) {
      const leftover = applyFieldErrors(form, caught, [...MEMBER_FIELD_NAMES, "orgId", "decisionRef"]);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("members.admit.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("members.admit.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "member-admit-submit" }}
      destroyOnHidden
      width={screens.md ? 860 : "100%"}
      modalRender={(node) => <div data-testid="dialog-member-admit">{node}</div>}
    >
      <Form<AdmitValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          ethnicity: "Kinh",
          educationProfessional: "none",
          theoryLevel: "none",
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgId"
              label={t("members.admit.cell")}
              extra={t("members.admit.cellHint")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <OrgPicker
                testId="member-admit-org"
                typeCodes={cellTypeCodes}
                ariaLabel={t("members.admit.cell")}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionRef" label={t("members.fields.decisionRef")}>
              <Input maxLength={200} data-testid="member-admit-decision" />
            </Form.Item>
          </Col>
        </Row>
        <MemberFormFields form={form} canSeeSensitive={canSeeSensitive} withFullMemberOn={false} />
        {error && <Alert type="error" showIcon title={error} role="alert" data-testid="member-admit-error" />}
      </Form>
    </Modal>
  );
}
