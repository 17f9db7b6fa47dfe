// Recording a membership event: confirmation, transfer (to another cell, which that cell confirms, or
// outside the system), temporary activity, back to regular, exemption, death, deletion of name,
// expulsion, leaving. Events that end membership ask for confirmation, naming the member.
import {
  type MemberDetail,
  type MemberEventKind,
  memberRoutes,
  type RecordMemberEventBody,
} from "@namro/contracts";
import { Alert, App, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { DATE_FORMAT, isAfterToday, toIsoDate } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { useCellTypeCodes } from "../organisations/org-types.ts";
import { DESTRUCTIVE_EVENTS } from "./member-labels.ts";
import { useMemberSaved } from "./member-queries.ts";

export type RecordableEvent = RecordMemberEventBody["kind"];

interface Values {
  occurredOn: Dayjs;
  toOrgId?: number;
  destination?: string;
  decisionRef?: string;
  note?: string;
}

/** The events that make sense for the member's status and activity now (the server decides). */
export function eventsFor(member: MemberDetail): RecordableEvent[] {
  if (member.status !== "probationary" && member.status !== "full") return [];
  const kinds: RecordableEvent[] = [];
  if (member.status === "probationary") kinds.push("confirmation");
  kinds.push("transfer_internal", "transfer_external");
  if (member.activity === "regular") kinds.push("temporary_activity", "exemption");
  else kinds.push("regular_activity");
  kinds.push("death", "name_deletion", "expulsion", "leaving");
  return kinds;
}

const needsDestination = (kind: MemberEventKind) =>
  kind === "transfer_external" || kind === "temporary_activity";

interface Props {
  member: MemberDetail;
  kind: RecordableEvent | null;
  onClose: () => void;
}

export function MemberEventDialog({ member, kind, onClose }: Props) {
  const { t } = useTranslation();
  const cellTypeCodes = useCellTypeCodes();
  const { message, modal } = App.useApp();
  const saved = useMemberSaved();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (kind) {
      form.resetFields();
      form.setFieldsValue({ occurredOn: dayjs() });
      setError(null);
    }
  }, [kind, form]);

  if (!kind) return null;

  const send = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const common = {
        occurredOn: toIsoDate(values.occurredOn),
        decisionRef: values.decisionRef?.trim() || null,
        note: values.note?.trim() || null,
        version: member.version,
      };
      let body: RecordMemberEventBody;
      if (kind === "transfer_internal") body = { kind, toOrgId: values.toOrgId ?? 0, ...common };
      else if (kind === "transfer_external" || kind === "temporary_activity")
        body = { kind, destination: values.destination?.trim() ?? "", ...common };
      else body = { kind, ...common };
      const detail = await apiCall(memberRoutes.recordMemberEvent, { params: { id: member.id }, body });
      await saved(detail);
      message.success(
        t(kind === "transfer_internal" ? "members.events.sentForConfirmation" : "members.events.recorded"),
      );
      onClose();
    } catch (caught) {
      if (isApiError(caught, "MEMBER_VERSION_CONFLICT")) await saved(null);
      const leftover = applyFieldErrors(form, caught, [
        "occurredOn",
        "toOrgId",
        "destination",
        "decisionRef",
        "note",
      ]);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  const submit = (values: Values) => {
    if (!DESTRUCTIVE_EVENTS.has(kind)) {
      void send(values);
      return;
    }
    modal.confirm({
      title: t("members.events.confirmTitle", {
        event: t(`members.eventKind.${kind}`),
        name: member.fullName,
      }),
      content: t("members.events.confirmExplain"),
      okText: t("members.events.confirmOk"),
      okButtonProps: { danger: true, "data-testid": "member-event-confirm-ok" } as never,
      cancelText: t("common.cancel"),
      onOk: () => send(values),
    });
  };

  return (
    <Modal
      open
      title={`${t(`members.eventKind.${kind}`)} — ${member.fullName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("members.events.record")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ danger: DESTRUCTIVE_EVENTS.has(kind), "data-testid": "member-event-submit" }}
      destroyOnHidden
      modalRender={(node) => <div data-testid="dialog-member-event">{node}</div>}
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t(`members.eventHelp.${kind}`)}
      </p>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="occurredOn"
          label={t("members.events.date")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            disabledDate={isAfterToday}
            style={{ width: "100%" }}
            data-testid="member-event-date"
          />
        </Form.Item>
        {kind === "transfer_internal" && (
          <Form.Item
            name="toOrgId"
            label={t("members.events.toCell")}
            extra={t("members.events.toCellHint")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <OrgPicker
              testId="member-event-to-cell"
              typeCodes={cellTypeCodes}
              ariaLabel={t("members.events.toCell")}
              excludeIds={[member.orgId]}
              suggestRoleOrgs={false}
              style={{ width: "100%" }}
            />
          </Form.Item>
        )}
        {needsDestination(kind) && (
          <Form.Item
            name="destination"
            label={t(
              kind === "temporary_activity" ? "members.events.temporaryPlace" : "members.events.destination",
            )}
            rules={[{ required: true, min: 2, message: t("members.events.destinationRule") }]}
          >
            <Input maxLength={300} data-testid="member-event-destination" />
          </Form.Item>
        )}
        <Form.Item name="decisionRef" label={t("members.fields.decisionRef")}>
          <Input maxLength={200} data-testid="member-event-decision" />
        </Form.Item>
        <Form.Item name="note" label={t("members.events.note")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" data-testid="member-event-error" />}
      </Form>
    </Modal>
  );
}
