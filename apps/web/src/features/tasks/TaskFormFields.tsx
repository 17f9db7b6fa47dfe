// The fields of a task, for creating one and for editing it: the job (title, description, plan), the
// responsibility (lead, supporting organisations, the responsible person), the time (schedule, dates,
// report frequency), the result (deliverable, target and unit, weight) and the milestones.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { TASK_AMOUNT_MAX, TASK_WEIGHT_MIN } from "@namro/contracts";
import {
  Button,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from "antd";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { DocumentPicker } from "../documents/DocumentPicker.tsx";
import { AccountPicker, useAssigneeOrg } from "./AccountPicker.tsx";
import type { TaskFormValues } from "./task-form.ts";

const SCHEDULES = ["once", "monthly", "quarterly", "yearly", "continuous"] as const;
const FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;

interface Props {
  form: FormInstance<TaskFormValues>;
  /** Creating: the assigning organisation is chosen; editing: it stays. */
  creating: boolean;
  knownOrgLabels: Readonly<Record<number, string>>;
  knownPlan?: { id: number; label: string } | undefined;
  knownAccount?: { id: number; displayName: string } | null;
  /** Editing: whose people may be named (the owner, else the lead unit); creating uses the chosen owner. */
  assigneeOrgIds?: readonly (number | null)[];
}

export function TaskFormFields({
  form,
  creating,
  knownOrgLabels,
  knownPlan,
  knownAccount,
  assigneeOrgIds,
}: Props) {
  const { t } = useTranslation();
  const schedule = Form.useWatch("schedule", form) ?? "once";
  const ownerOrgId = Form.useWatch("ownerOrgId", form);
  const assigneeOrg = useAssigneeOrg(creating ? [ownerOrgId] : (assigneeOrgIds ?? []));
  const canPickAccount = assigneeOrg !== null;
  const half = { xs: 24, md: 12 };

  return (
    <>
      {creating && (
        <Form.Item
          name="ownerOrgId"
          label={t("tasks.fields.owner")}
          extra={t("tasks.form.ownerHelp")}
          rules={[{ required: true, message: t("tasks.form.ownerRequired") }]}
        >
          <OrgPicker
            testId="task-owner"
            knownLabels={knownOrgLabels}
            allowClear={false}
            style={{ width: "100%" }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t("tasks.fields.title")}
        rules={[{ required: true, whitespace: true, message: t("tasks.form.titleRequired") }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          data-testid="task-title-input"
        />
      </Form.Item>
      <Form.Item name="description" label={t("tasks.fields.description")}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={20_000}
          data-testid="task-description"
        />
      </Form.Item>
      <Form.Item name="planDocumentId" label={t("tasks.fields.plan")} extra={t("tasks.form.planHelp")}>
        <DocumentPicker plansOnly testId="task-plan" {...(knownPlan ? { knownLabel: knownPlan } : {})} />
      </Form.Item>

      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="leadOrgId" label={t("tasks.fields.lead")} extra={t("tasks.form.leadHelp")}>
            <OrgPicker
              testId="task-lead"
              knownLabels={knownOrgLabels}
              style={{ width: "100%" }}
              placeholder={t("tasks.form.orgPlaceholder")}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="supportOrgIds" label={t("tasks.fields.support")}>
            <OrgPicker
              multiple
              testId="task-support"
              knownLabels={knownOrgLabels}
              suggestRoleOrgs={false}
              style={{ width: "100%" }}
              placeholder={t("tasks.form.orgPlaceholder")}
            />
          </Form.Item>
        </Col>
        {assigneeOrg !== null && (
          <Col {...half}>
            <Form.Item
              name="responsibleAccountId"
              label={t("tasks.fields.responsibleAccount")}
              extra={t("tasks.form.accountHelp")}
            >
              <AccountPicker known={knownAccount ?? null} orgId={assigneeOrg} />
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item
            name="responsibleName"
            label={canPickAccount ? t("tasks.fields.responsibleNameOr") : t("tasks.fields.responsibleName")}
          >
            <Input
              maxLength={300}
              data-testid="task-responsible-name"
              placeholder={t("tasks.form.namePlaceholder")}
            />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="schedule" label={t("tasks.fields.schedule")}>
            <Select
              data-testid="task-schedule"
              options={SCHEDULES.map((value) => ({ value, label: t(`tasks.schedule.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="reportFrequency"
            label={t("tasks.fields.reportFrequency")}
            extra={schedule === "continuous" ? t("tasks.form.continuousHelp") : undefined}
          >
            <Select
              allowClear
              data-testid="task-report-frequency"
              placeholder={t("tasks.form.frequencyPlaceholder")}
              options={FREQUENCIES.map((value) => ({ value, label: t(`tasks.frequency.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="startDate" label={t("tasks.fields.startDate")}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              data-testid="task-start-input"
              placeholder="dd/mm/yyyy"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="dueDate"
            label={schedule === "once" ? t("tasks.fields.dueDate") : t("tasks.fields.endDate")}
            dependencies={["startDate"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) => {
                  const start = getFieldValue("startDate");
                  return value && start && value.isBefore(start, "day")
                    ? Promise.reject(new Error(t("tasks.form.dueBeforeStart")))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              data-testid="task-due-input"
              placeholder="dd/mm/yyyy"
            />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item
        name="deliverable"
        label={t("tasks.fields.deliverable")}
        extra={t("tasks.form.deliverableHelp")}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          data-testid="task-deliverable"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={8}>
          <Form.Item name="targetValue" label={t("tasks.fields.targetValue")}>
            <InputNumber<number>
              min={0}
              max={TASK_AMOUNT_MAX}
              style={{ width: "100%" }}
              data-testid="task-target-input"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="targetUnit" label={t("tasks.fields.targetUnit")}>
            <Input
              maxLength={100}
              data-testid="task-target-unit"
              placeholder={t("tasks.form.unitPlaceholder")}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="weight" label={t("tasks.fields.weight")} extra={t("tasks.form.weightHelp")}>
            <InputNumber<number>
              min={TASK_WEIGHT_MIN}
              max={1000}
              style={{ width: "100%" }}
              data-testid="task-weight"
            />
          </Form.Item>
        </Col>
      </Row>

      <MilestoneRows />
    </>
  );
}

function MilestoneRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="task-milestones">
          <legend className="ant-form-item-label" style={{ fontSize: 14, marginBottom: 8 }}>
            {t("tasks.fields.milestones")}
          </legend>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 4 }}>
              <Form.Item
                name={[field.name, "title"]}
                rules={[
                  { required: true, whitespace: true, message: t("tasks.form.milestoneTitleRequired") },
                ]}
                style={{ marginBottom: 8, minWidth: 220 }}
              >
                <Input
                  placeholder={t("tasks.form.milestoneTitle")}
                  aria-label={t("tasks.form.milestoneRow", { n: index + 1 })}
                  maxLength={500}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, "dueDate"]}
                rules={[{ required: true, message: t("tasks.form.milestoneDueRequired") }]}
                style={{ marginBottom: 8 }}
              >
                <DatePicker format={DATE_FORMAT} placeholder={t("tasks.form.milestoneDue")} />
              </Form.Item>
              <Form.Item name={[field.name, "doneOn"]} style={{ marginBottom: 8 }}>
                <DatePicker format={DATE_FORMAT} placeholder={t("tasks.form.milestoneDone")} />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t("tasks.form.milestoneRemove", { n: index + 1 })}
              />
            </Space>
          ))}
          <Form.Item>
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="task-milestone-add">
              {t("tasks.form.milestoneAdd")}
            </Button>
          </Form.Item>
        </fieldset>
      )}
    </Form.List>
  );
}
