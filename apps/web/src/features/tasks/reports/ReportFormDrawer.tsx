// Reporting progress for a period, or sending a returned report again: percent (slider and number),
// the value measured toward the target in the target's unit, what was done, the day the work was
// finished (at 100%), and evidence files — checked as soon as they are chosen, then sent one by one
// with a progress bar once the report is saved.
import { PaperClipOutlined } from "@ant-design/icons";
import {
  TASK_AMOUNT_MAX,
  TASK_REPORT_FILE_MAX_BYTES,
  TASK_REPORT_FILES_MAX,
  type TaskDetail,
  type TaskReportPeriod,
} from "@namro/contracts";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Select,
  Space,
} from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api.ts";
import { DATE_FORMAT, formatDate, formatNumber, fromIsoDate, toIsoDate } from "../../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../../lib/errors.ts";
import { fileSizeText } from "../../documents/DocumentFiles.tsx";
import { UploadProgress, useEvidenceProblemText } from "./EvidenceFiles.tsx";
import { PercentField } from "./PercentField.tsx";
import { periodLabel } from "./period-label.ts";
import { EVIDENCE_ACCEPT, evidenceProblem, submitBodyOf } from "./report-form.ts";
import { submitReport, useEvidenceUpload, useTasksChanged } from "./report-queries.ts";

interface FormValues {
  periodKey: string;
  percent: number;
  actualValue?: number | null;
  narrative?: string;
  completedOn?: Dayjs | null;
}

const FIELDS = ["periodKey", "percent", "actualValue", "narrative", "completedOn"] as const;

interface Props {
  task: TaskDetail;
  /** The periods that take a report (new or again), newest first. */
  periods: readonly TaskReportPeriod[];
  /** The period chosen when the drawer opened. */
  periodKey: string;
  today: string;
  open: boolean;
  onClose: () => void;
}

export function ReportFormDrawer({ task, periods, periodKey, today, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const changed = useTasksChanged();
  const { progress, upload, abort } = useEvidenceUpload();
  const problemText = useEvidenceProblemText();
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** The report is saved but some files were not sent (they can be added from the report). */
  const [leftOver, setLeftOver] = useState<string[] | null>(null);

  const chosenKey = Form.useWatch("periodKey", form) ?? periodKey;
  const percent = Form.useWatch("percent", form) ?? 0;
  const period = periods.find((item) => item.key === chosenKey) ?? null;
  const returned = period?.report?.status === "returned" ? period.report : null;
  const unit = task.targetUnit ?? "";
  const hasTarget = task.targetValue !== null || task.targetUnit !== null;
  const label = (key: string) => {
    const { key: textKey, values } = periodLabel(key);
    return t(textKey, values);
  };

  const initial = (key: string): FormValues => {
    const report = periods.find((item) => item.key === key)?.report;
    if (report?.status === "returned")
      return {
        periodKey: key,
        percent: report.percent,
        actualValue: report.actualValue,
        narrative: report.narrative,
        completedOn: report.completedOn ? fromIsoDate(report.completedOn) : null,
      };
    return {
      periodKey: key,
      percent: task.progressPercent,
      actualValue: task.actualValue,
      narrative: "",
      completedOn: null,
    };
  };

  const choose = (picked: File) => {
    setFileError(null);
    const problem = evidenceProblem(picked);
    if (problem) {
      setFileError(problemText(problem, picked.name));
      return;
    }
    const already = returned?.files.length ?? 0;
    if (already + files.length >= TASK_REPORT_FILES_MAX) {
      setFileError(t("taskReports.files.limit", { n: TASK_REPORT_FILES_MAX }));
      return;
    }
    setFiles((current) => [...current, picked]);
  };

  const submit = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const body = submitBodyOf(
        {
          periodKey: values.periodKey,
          percent: values.percent,
          actualValue: values.actualValue ?? null,
          narrative: values.narrative,
          completedOn: values.completedOn ? toIsoDate(values.completedOn) : null,
        },
        returned ? returned.version : null,
      );
      const report = await submitReport(task.id, body);
      const failed: string[] = [];
      for (const file of files) {
        try {
          await upload(task.id, report.id, file);
        } catch (caught) {
          failed.push(
            `${file.name}: ${isApiError(caught, "UPLOAD_ABORTED") ? t("taskReports.files.aborted") : errorText(caught, t)}`,
          );
        }
      }
      await changed();
      if (failed.length > 0) {
        setFiles([]);
        setLeftOver(failed);
        return;
      }
      message.success(returned ? t("taskReports.form.resent") : t("taskReports.form.sent"));
      onClose();
    } catch (caught) {
      const rest = applyFieldErrors(form, caught, FIELDS);
      setError(rest.length > 0 ? rest.join(" ") : errorText(caught, t));
      if (
        isApiError(caught, "TASK_REPORT_VERSION_CONFLICT") ||
        isApiError(caught, "TASK_REPORT_ALREADY_SUBMITTED")
      )
        await changed();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 560 : "100%"}
      title={returned ? t("taskReports.form.resendTitle") : t("taskReports.form.title")}
      destroyOnHidden
      data-testid="report-form"
      footer={
        leftOver ? (
          <Button type="primary" onClick={onClose} data-testid="report-form-close">
            {t("common.close")}
          </Button>
        ) : (
          <Space wrap>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="report-submit">
              {returned ? t("taskReports.form.resend") : t("taskReports.form.send")}
            </Button>
            <Button onClick={onClose} disabled={saving}>
              {t("common.cancel")}
            </Button>
          </Space>
        )
      }
    >
      {leftOver ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t("taskReports.form.savedFilesFailed")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {leftOver.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
          data-testid="report-files-failed"
        />
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={initial(periodKey)}
          onFinish={(values) => void submit(values)}
          onValuesChange={(change) => {
            setError(null);
            // Another period: start from its returned report, if any.
            if (change.periodKey) form.setFieldsValue(initial(change.periodKey));
            // Finished: the finishing day defaults to today.
            if (change.percent === 100 && !form.getFieldValue("completedOn"))
              form.setFieldValue("completedOn", fromIsoDate(today));
          }}
        >
          <div className="muted" style={{ marginBottom: 12 }} data-testid="report-form-task">
            {task.title}
          </div>
          <Form.Item name="periodKey" label={t("taskReports.form.period")} htmlFor="report-period">
            <Select
              id="report-period"
              data-testid="report-period"
              options={periods.map((item) => ({
                value: item.key,
                label: `${label(item.key)} (${formatDate(item.start)} – ${formatDate(item.end)})${
                  item.report?.status === "returned" ? ` · ${t("taskReports.status.returned")}` : ""
                }`,
              }))}
            />
          </Form.Item>
          {returned?.returnReason && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("taskReports.form.returnedBecause")}
              description={returned.returnReason}
              data-testid="report-form-return-reason"
            />
          )}
          <Form.Item
            name="percent"
            label={t("taskReports.form.percent")}
            htmlFor="report-percent-input"
            rules={[{ required: true, message: t("taskReports.form.percentRequired") }]}
          >
            <PercentField id="report-percent-input" />
          </Form.Item>
          {hasTarget && (
            <Form.Item
              name="actualValue"
              label={t("taskReports.form.actualValue")}
              htmlFor="report-actual-value"
              extra={
                task.targetValue !== null
                  ? t("taskReports.form.target", { value: formatNumber(task.targetValue), unit })
                  : undefined
              }
            >
              <InputNumber<number>
                id="report-actual-value"
                min={0}
                max={TASK_AMOUNT_MAX}
                style={{ width: "100%", maxWidth: 260 }}
                {...(unit ? { suffix: unit } : {})}
                data-testid="report-actual-value"
              />
            </Form.Item>
          )}
          <Form.Item
            name="narrative"
            label={t("taskReports.form.narrative")}
            htmlFor="report-narrative"
            extra={t("taskReports.form.narrativeHelp")}
            rules={[{ required: true, whitespace: true, message: t("taskReports.form.narrativeRequired") }]}
          >
            <Input.TextArea
              id="report-narrative"
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={20_000}
              data-testid="report-narrative"
            />
          </Form.Item>
          {percent === 100 && (
            <Form.Item
              name="completedOn"
              label={t("taskReports.form.completedOn")}
              htmlFor="report-completed-on"
              extra={t("taskReports.form.completedOnHelp")}
              rules={[{ required: true, message: t("taskReports.form.completedOnRequired") }]}
            >
              <DatePicker
                id="report-completed-on"
                format={DATE_FORMAT}
                disabledDate={(day) =>
                  day.isAfter(dayjs(today), "day") ||
                  (task.startDate !== null && day.isBefore(fromIsoDate(task.startDate), "day"))
                }
                data-testid="report-completed-on"
              />
            </Form.Item>
          )}
          <Form.Item
            label={t("taskReports.files.title")}
            extra={t("taskReports.files.hint", {
              mb: formatNumber(TASK_REPORT_FILE_MAX_BYTES / 1024 / 1024),
            })}
          >
            <input
              type="file"
              accept={EVIDENCE_ACCEPT}
              ref={fileInput}
              tabIndex={-1}
              aria-hidden
              className="sr-only"
              data-testid="report-evidence-input"
              onChange={(event) => {
                const picked = event.target.files?.[0];
                if (picked) choose(picked);
                event.target.value = "";
              }}
            />
            <Button
              icon={<PaperClipOutlined />}
              disabled={saving}
              onClick={() => fileInput.current?.click()}
              data-testid="report-evidence-choose"
            >
              {t("taskReports.files.choose")}
            </Button>
            {files.length > 0 && (
              <List
                size="small"
                dataSource={files}
                renderItem={(file, index) => (
                  <List.Item
                    data-testid="report-evidence-chosen"
                    actions={[
                      <Button
                        key="remove"
                        type="link"
                        size="small"
                        disabled={saving}
                        onClick={() => setFiles((current) => current.filter((_, at) => at !== index))}
                        aria-label={`${t("common.remove")}: ${file.name}`}
                      >
                        {t("common.remove")}
                      </Button>,
                    ]}
                  >
                    {file.name} <span className="muted">· {fileSizeText(file.size)}</span>
                  </List.Item>
                )}
              />
            )}
            <UploadProgress progress={progress} onAbort={abort} />
            {fileError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginTop: 8 }}
                title={fileError}
                data-testid="report-evidence-error"
              />
            )}
          </Form.Item>
          {error && (
            <Alert type="error" showIcon role="alert" title={error} data-testid="report-form-error" />
          )}
        </Form>
      )}
    </Drawer>
  );
}
