// Editing a member's personal data. Only the fields the person changed are laid over the record as
// last read (the API takes the whole record), with that record's version; when someone else saved
// first (409 MEMBER_VERSION_CONFLICT) the form stays open, fields only the other person changed take
// their value, and for fields both changed the two values are shown side by side: keep mine (saved
// over the new version) or take theirs.

import { type MemberDetail, memberRoutes } from "@namro/contracts";
import { Alert, App, Button, Drawer, Form, Grid, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { changesOf, resolveConflict } from "../../lib/edit-changes.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { EditConflictAlert } from "../../ui/EditConflictAlert.tsx";
import {
  formValuesOf,
  MEMBER_FIELD_NAMES,
  MemberFormFields,
  type MemberFormValues,
  personalDataOf,
} from "./MemberFormFields.tsx";
import { memberUpdateBody } from "./member-edit.ts";
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

/** A field both people changed, to different values: what I typed and what they saved. */
interface Difference {
  field: keyof MemberFormValues;
  mine: string | null;
  theirs: string | null;
}

/** The record as last read from the server (when the drawer opened, or after a conflict): what edits are measured against. */
interface Base {
  version: number;
  body: Body;
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
  /** Fields both people changed, each with my value and theirs, after a conflict. */
  const [conflictRows, setConflictRows] = useState<Difference[]>([]);
  const bodyOf = (values: MemberFormValues): Body => personalDataOf(values, member.canSeeSensitive);
  const base = useRef<Base>({ version: member.version, body: bodyOf(formValuesOf(member)) });

  // Only when the drawer opens: later refreshes of the record must not wipe what is being typed.
  useEffect(() => {
    if (open) {
      const values = formValuesOf(member);
      form.resetFields();
      form.setFieldsValue(values);
      base.current = { version: member.version, body: bodyOf(values) };
      setError(null);
      setLatest(null);
      setConflictRows([]);
    }
  }, [open]);

  const submit = async (values: MemberFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const changes = changesOf(base.current.body, bodyOf(values));
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      const detail = await apiCall(memberRoutes.updateMember, {
        params: { id: member.id },
        body: memberUpdateBody(base.current.body, changes, base.current.version),
      });
      await saved(detail);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "MEMBER_VERSION_CONFLICT")) {
        try {
          const current = await apiCall(memberRoutes.getMember, { params: { id: member.id } });
          mergeTheirs(values, current);
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

  /**
   * After a conflict: fields only they changed take their value, fields only I changed keep mine, and
   * the fields we both changed are listed for a choice. Later edits are measured against their version.
   */
  const mergeTheirs = (values: MemberFormValues, current: MemberDetail) => {
    const theirValues = formValuesOf(current);
    const mine = bodyOf(values);
    const theirs = bodyOf(theirValues);
    const { conflicting, takeTheirs } = resolveConflict(base.current.body, mine, theirs);
    form.setFields(takeTheirs.map((field) => ({ name: field, value: theirValues[field], errors: [] })));
    const text = (body: Body, field: keyof Body) => (body[field] as string | null | undefined) ?? null;
    setConflictRows(
      conflicting.map((field) => ({ field, mine: text(mine, field), theirs: text(theirs, field) })),
    );
    base.current = { version: current.version, body: theirs };
    setLatest(current);
  };

  const takeTheirs = (current: MemberDetail) => {
    const theirValues = formValuesOf(current);
    form.setFields(
      conflictRows.map(({ field }) => ({
        name: field,
        value: theirValues[field],
        errors: [],
      })),
    );
    setConflictRows([]);
    setLatest(null);
  };

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
        <EditConflictAlert
          rows={conflictRows}
          text={(key) => t(`members.edit.${key}`)}
          testIdPrefix="member-edit"
          fieldLabel={(field) => t(`members.fields.${field}`)}
          renderValue={(value, row) => describe(value, t, row.field)}
          onTakeTheirs={() => takeTheirs(latest)}
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
