// One task of the checked plan: its text with the words found per clear, each clear's grade and why,
// and the task as it will be created, for the person to correct (the lead unit picked among the
// organisations its name may be) and to include or leave out.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import type { PlanCheck } from "@namro/contracts";
import {
  Alert,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
} from "antd";
import { useTranslation } from "react-i18next";
import { fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { GRADE_COLORS } from "./clear-style.ts";
import { HighlightedTaskText } from "./HighlightedTaskText.tsx";
import type { PlanTaskDraft } from "./plan-drafts.ts";

type Task = PlanCheck["tasks"][number];

const GRADE_ICONS = {
  present: <CheckCircleFilled style={{ color: "#389e0d" }} />,
  weak: <ExclamationCircleFilled style={{ color: "#d48806" }} />,
  missing: <CloseCircleFilled style={{ color: "#cf1322" }} />,
};

const SCHEDULES = ["once", "monthly", "quarterly", "yearly", "continuous"] as const;
const FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;

interface Props {
  index: number;
  task: Task;
  check: Pick<PlanCheck, "clears" | "reasons" | "units">;
  draft: PlanTaskDraft;
  canCreate: boolean;
  /** Problems the server found with this task's fields when creating. */
  problems: string[];
  onChange: (patch: Partial<PlanTaskDraft>) => void;
}

function Field({
  label,
  htmlFor,
  children,
  extra,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
}) {
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={htmlFor} style={{ display: "block", fontWeight: 500, marginBottom: 4 }}>
        {label}
      </label>
      {children}
      {extra ? (
        <div className="muted" style={{ fontSize: 13, marginTop: 2 }}>
          {extra}
        </div>
      ) : null}
    </div>
  );
}

export function PlanTaskCard({ index, task, check, draft, canCreate, problems, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const complete = task.clears.every((c) => c.grade === "present");
  const id = (field: string) => `plan-task-${index}-${field}`;
  const candidatesOf = (units: Task["leads"]) =>
    units.flatMap((u) => check.units.find((match) => match.name === u.name)?.candidates ?? []);
  const leadCandidates = candidatesOf(task.leads);
  const supportCandidates = candidatesOf([...task.support, ...task.leads.slice(1)]);
  const leadWritten = task.leads.map((u) => u.text).join(", ");
  const supportWritten = task.support.map((u) => u.text).join(", ");
  const leadUnmatched = task.leads.length > 0 && draft.leadOrgId === null;

  return (
    <Card
      size="small"
      data-testid="plan-task"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={8}>
          <span>{t("planChecker.task.heading", { n: index + 1 })}</span>
          <Tag color={complete ? "success" : "warning"} data-testid="plan-task-status">
            {complete ? t("planChecker.task.complete") : t("planChecker.task.lacking")}
          </Tag>
        </Space>
      }
      extra={
        canCreate ? (
          <Checkbox
            checked={draft.include}
            onChange={(e) => onChange({ include: e.target.checked })}
            data-testid="plan-task-include"
          >
            {t("planChecker.task.include")}
          </Checkbox>
        ) : null
      }
    >
      <HighlightedTaskText task={task} clears={check.clears} />
      <ul style={{ listStyle: "none", padding: 0, margin: "12px 0 0" }} data-testid="plan-task-clears">
        {task.clears.map((clear, i) => (
          <li key={clear.key} data-clear={clear.key} data-grade={clear.grade} style={{ marginBottom: 4 }}>
            {GRADE_ICONS[clear.grade]}{" "}
            <strong>
              {i + 1}. {check.clears[i]?.label[lang] ?? clear.key}
            </strong>{" "}
            <Tag color={GRADE_COLORS[clear.grade]}>{t(`planChecker.grade.${clear.grade}`)}</Tag>
            <span>{check.reasons[clear.reason]?.[lang] ?? ""}</span>
            {clear.inherited ? <span className="muted"> {t("planChecker.task.inherited")}</span> : null}
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          title={problems.join(" ")}
          data-testid="plan-task-problems"
        />
      )}
      {canCreate && draft.include && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          defaultActiveKey={leadUnmatched || problems.length > 0 ? ["edit"] : []}
          items={[
            {
              key: "edit",
              label: t("planChecker.task.edit"),
              children: (
                <div data-testid="plan-task-form">
                  <Field label={t("planChecker.fields.title")} htmlFor={id("title")}>
                    <Input.TextArea
                      id={id("title")}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      value={draft.title}
                      onChange={(e) => onChange({ title: e.target.value })}
                      status={draft.title.trim() === "" ? "error" : ""}
                    />
                  </Field>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Field
                        label={t("planChecker.fields.lead")}
                        htmlFor={id("lead")}
                        extra={
                          leadWritten
                            ? leadUnmatched
                              ? t("planChecker.fields.leadUnmatched", { written: leadWritten })
                              : t("planChecker.fields.written", { written: leadWritten })
                            : t("planChecker.fields.leadNone")
                        }
                      >
                        <OrgPicker
                          id={id("lead")}
                          testId="plan-task-lead"
                          ariaLabel={t("planChecker.fields.lead")}
                          value={draft.leadOrgId}
                          suggestions={leadCandidates}
                          knownLabels={Object.fromEntries(leadCandidates.map((c) => [c.id, c.name]))}
                          style={{ width: "100%" }}
                          onChange={(value) => onChange({ leadOrgId: value ?? null })}
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field
                        label={t("planChecker.fields.support")}
                        htmlFor={id("support")}
                        {...(supportWritten
                          ? { extra: t("planChecker.fields.written", { written: supportWritten }) }
                          : {})}
                      >
                        <OrgPicker
                          multiple
                          id={id("support")}
                          testId="plan-task-support"
                          ariaLabel={t("planChecker.fields.support")}
                          value={draft.supportOrgIds}
                          suggestions={supportCandidates}
                          knownLabels={Object.fromEntries(supportCandidates.map((c) => [c.id, c.name]))}
                          style={{ width: "100%" }}
                          onChange={(value) => onChange({ supportOrgIds: value })}
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field label={t("planChecker.fields.person")} htmlFor={id("person")}>
                        <Input
                          id={id("person")}
                          maxLength={300}
                          value={draft.responsibleName ?? ""}
                          onChange={(e) => onChange({ responsibleName: e.target.value })}
                          data-testid="plan-task-person"
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field
                        label={t("planChecker.fields.due")}
                        htmlFor={id("due")}
                        {...(task.deadlineText
                          ? { extra: t("planChecker.fields.written", { written: task.deadlineText }) }
                          : {})}
                      >
                        <DatePicker
                          id={id("due")}
                          format="DD/MM/YYYY"
                          placeholder="dd/mm/yyyy"
                          style={{ width: "100%" }}
                          value={draft.dueDate ? fromIsoDate(draft.dueDate) : null}
                          onChange={(value) => onChange({ dueDate: value ? toIsoDate(value) : null })}
                          data-testid="plan-task-due"
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field label={t("planChecker.fields.schedule")} htmlFor={id("schedule")}>
                        <Select
                          id={id("schedule")}
                          style={{ width: "100%" }}
                          value={draft.schedule}
                          options={SCHEDULES.map((s) => ({
                            value: s,
                            label: t(`planChecker.schedule.${s}`),
                          }))}
                          onChange={(value) => onChange({ schedule: value })}
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field label={t("planChecker.fields.reportFrequency")} htmlFor={id("frequency")}>
                        <Select
                          id={id("frequency")}
                          style={{ width: "100%" }}
                          allowClear
                          placeholder={t("planChecker.frequency.none")}
                          value={draft.reportFrequency}
                          options={FREQUENCIES.map((f) => ({
                            value: f,
                            label: t(`planChecker.frequency.${f}`),
                          }))}
                          onChange={(value) => onChange({ reportFrequency: value ?? null })}
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field label={t("planChecker.fields.deliverable")} htmlFor={id("deliverable")}>
                        <Input
                          id={id("deliverable")}
                          maxLength={2000}
                          value={draft.deliverable ?? ""}
                          onChange={(e) => onChange({ deliverable: e.target.value })}
                          data-testid="plan-task-deliverable"
                        />
                      </Field>
                    </Col>
                    <Col xs={24} md={12}>
                      <Field label={t("planChecker.fields.target")} htmlFor={id("target")}>
                        <Space.Compact style={{ width: "100%" }}>
                          <InputNumber
                            id={id("target")}
                            min={0}
                            style={{ width: "40%" }}
                            value={draft.targetValue}
                            onChange={(value) =>
                              onChange({ targetValue: typeof value === "number" ? value : null })
                            }
                          />
                          <Input
                            aria-label={t("planChecker.fields.targetUnit")}
                            placeholder={t("planChecker.fields.targetUnit")}
                            maxLength={100}
                            style={{ width: "60%" }}
                            value={draft.targetUnit ?? ""}
                            onChange={(e) => onChange({ targetUnit: e.target.value })}
                          />
                        </Space.Compact>
                      </Field>
                    </Col>
                  </Row>
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
