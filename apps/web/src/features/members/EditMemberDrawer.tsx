// Editing a member's personal data. The record's version travels with the change; when someone else
// saved first (409 MEMBER_VERSION_CONFLICT) the form stays open with what the person typed, the other
// person's values are shown beside it, and they choose: keep their own text (saved over the new
// version) or take the other person's.
import { type MemberDetail, memberRoutes } from "@namro/contracts";
import { Alert, App, Button, Drawer, Form, Grid, Space, Table } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import {
  formValuesOf,
  MEMBER_FIELD_NAMES,
  MemberFormFields,
  type MemberFormValues,
  personalDataOf,
} from "./MemberFormFields.tsx";
import { useMemberSaved } from "./member-queries.ts";

interface Props {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}

type Body = ReturnType<typeof personalDataOf>;

function describe(value: string | null, t: (key: string) => string, field: string): string {
  if (value === null || value === "") return "—";
  if (field === "sex") return t(`members.sex.${value}`);
  if (field === "educationProfessional") return t(`members.education.${value}`);
  if (field === "theoryLevel") return t(`members.theory.${value}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}

/** The fields where what the person typed differs from what is now saved. */
interface Difference {
  field: string;
  mine: string | null;
  theirs: string | null;
}
function differences(mine: Body, theirs: Body): Difference[] {
  const out: Difference[] = [];
  const other = theirs as Record<string, string | null | undefined>;
  for (const [field, value] of Object.entries(mine as Record<string, string | null | undefined>)) {
    const theirValue = other[field] ?? null;
    if ((value ?? null) !== theirValue) out.push({ field, mine: value ?? null, theirs: theirValue });
  }
  return out;
}

export function EditMemberDrawer({ member, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const saved = useMemberSaved();
  const [form] = Form.useForm<MemberFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** The record as someone else saved it, when our save hit a version conflict. */
  const [latest, setLatest] = useState<MemberDetail | null>(null);

  // Only when the drawer opens: later refreshes of the record must not wipe what is being typed.
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(member));
      setError(null);
      setLatest(null);
    }
  }, [open]);

  const baseVersion = latest?.version ?? member.version;

  const submit = async (values: MemberFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(memberRoutes.updateMember, {
        params: { id: member.id },
        body: { ...personalDataOf(values, member.canSeeSensitive), version: baseVersion },
      });
      await saved(detail);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "MEMBER_VERSION_CONFLICT")) {
        try {
          const current = await apiCall(memberRoutes.getMember, { params: { id: member.id } });
          setLatest(current);
          await saved(current);
        } catch (reload) {
          setError(errorText(reload, t));
        }
        return;
      }
      const leftover = applyFieldErrors(form, caught, MEMBER_FIELD_NAMES);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  const conflictRows =
    latest === null
      ? []
      : differences(
          personalDataOf(form.getFieldsValue(true) as MemberFormValues, latest.canSeeSensitive),
          personalDataOf(formValuesOf(latest), latest.canSeeSensitive),
        );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 880 : "100%"}
      title={t("members.edit.title", { name: member.fullName })}
      data-testid="member-edit-drawer"
      destroyOnHidden
      footer={
        <Space wrap>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="member-edit-save"
          >
            {latest ? t("members.edit.saveMine") : t("common.save")}
          </Button>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
        </Space>
      }
    >
      {latest && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="member-edit-conflict"
          title={t("members.edit.conflictTitle")}
          description={
            <div>
              <p style={{ marginTop: 0 }}>{t("members.edit.conflictExplain")}</p>
              {conflictRows.length > 0 ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="field"
                  dataSource={conflictRows}
                  scroll={{ x: "max-content" }}
                  columns={[
                    {
                      title: t("members.edit.field"),
                      dataIndex: "field",
                      render: (field: string) => t(`members.fields.${field}`),
                    },
                    {
                      title: t("members.edit.theirs"),
                      key: "theirs",
                      render: (_, row) => describe(row.theirs, t, row.field),
                    },
                    {
                      title: t("members.edit.mine"),
                      key: "mine",
                      render: (_, row) => describe(row.mine, t, row.field),
                    },
                  ]}
                />
              ) : (
                <p>{t("members.edit.conflictSame")}</p>
              )}
              <Space wrap style={{ marginTop: 8 }}>
                <Button
                  onClick={() => {
                    form.setFieldsValue(formValuesOf(latest));
                    setLatest(null);
                  }}
                  data-testid="member-edit-take-theirs"
                >
                  {t("members.edit.takeTheirs")}
                </Button>
              </Space>
            </div>
          }
        />
      )}
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
      >
        <MemberFormFields form={form} canSeeSensitive={member.canSeeSensitive} withFullMemberOn />
        {error && <Alert type="error" showIcon title={error} role="alert" data-testid="member-edit-error" />}
      </Form>
    </Drawer>
  );
}
