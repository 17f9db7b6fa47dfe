// One reporting period: its dates, the day its report is due and whether it is late; its report (the
// percent, the value against the target, what was done, the finishing day, evidence) with its review
// history (sent, returned with the reason, sent again, accepted); and what the person may do.
import { EditOutlined, SendOutlined } from "@ant-design/icons";
import type { TaskDetail, TaskReport, TaskReportPeriod } from "@namro/contracts";
import { Button, Card, Progress, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../../lib/dates.ts";
import { EvidenceFiles } from "./EvidenceFiles.tsx";
import { periodLabel } from "./period-label.ts";
import { PeriodStateTag, ReportStatusTag } from "./ReportTags.tsx";
import { ReviewActions } from "./ReviewActions.tsx";
import { daysBetween, periodAction } from "./report-form.ts";

interface Props {
  task: TaskDetail;
  period: TaskReportPeriod;
  today: string;
  canReport: boolean;
  onReport: (periodKey: string) => void;
}

function DueNote({ period, today }: { period: TaskReportPeriod; today: string }) {
  const { t } = useTranslation();
  if (period.dueOn === null) return <span className="muted">{t("taskReports.period.noDue")}</span>;
  const due = t("taskReports.period.dueOn", { date: formatDate(period.dueOn) });
  if (period.report !== null && period.report.status !== "returned")
    return <span className="muted">{due}</span>;
  const days = daysBetween(today, period.dueOn);
  if (period.late || days < 0)
    return (
      <span style={{ color: "#cf1322", fontWeight: 500 }} data-testid="period-late">
        {due} · {t("taskReports.period.lateBy", { n: formatNumber(Math.abs(days)) })}
      </span>
    );
  return (
    <span className="muted">
      {due} ·{" "}
      {days === 0
        ? t("taskReports.period.dueToday")
        : t("taskReports.period.dueIn", { n: formatNumber(days) })}
    </span>
  );
}

/** What happened to the report, in order. The server keeps the latest return reason. */
function ReportHistory({ report }: { report: TaskReport }) {
  const { t } = useTranslation();
  const by = (name: string | null) => (name ? ` · ${name}` : "");
  const items: { key: string; color: string; content: React.ReactNode }[] = [];
  const resent = report.returnReason !== null && report.status !== "returned";
  if (report.returnReason !== null) {
    // Returned before: the return happened before the current submission (or is the latest event).
    const returnItem = {
      key: "returned",
      color: "orange",
      content: (
        <div data-testid="report-history-returned">
          <div>
            {t("taskReports.history.returned")}
            {report.status === "returned"
              ? ` · ${formatDateTime(report.reviewedAt)}${by(report.reviewedByName)}`
              : ""}
          </div>
          <div className="muted">
            {t("taskReports.history.reason")}:{" "}
            <span data-testid="report-return-reason-text">{report.returnReason}</span>
          </div>
        </div>
      ),
    };
    if (resent) {
      // The first sending's time was replaced by the new one (the audit log keeps every version).
      items.push({ key: "first", color: "gray", content: t("taskReports.history.firstSent") });
      items.push(returnItem);
      items.push({
        key: "resent",
        color: "blue",
        content: `${t("taskReports.history.resent")} · ${formatDateTime(report.submittedAt)}${by(report.submittedByName)}`,
      });
    } else {
      items.push({
        key: "sent",
        color: "blue",
        content: `${t("taskReports.history.sent")} · ${formatDateTime(report.submittedAt)}${by(report.submittedByName)}`,
      });
      items.push(returnItem);
    }
  } else {
    items.push({
      key: "sent",
      color: "blue",
      content: `${t("taskReports.history.sent")} · ${formatDateTime(report.submittedAt)}${by(report.submittedByName)}`,
    });
  }
  if (report.status === "accepted")
    items.push({
      key: "accepted",
      color: "green",
      content: `${t("taskReports.history.accepted")} · ${formatDateTime(report.reviewedAt)}${by(report.reviewedByName)}`,
    });
  if (report.status === "submitted")
    items.push({ key: "waiting", color: "gray", content: t("taskReports.history.waiting") });
  return <Timeline style={{ marginTop: 8, marginBottom: 0 }} items={items} data-testid="report-history" />;
}

export function ReportPeriodCard({ task, period, today, canReport, onReport }: Props) {
  const { t } = useTranslation();
  const { key, values } = periodLabel(period.key);
  const name = t(key, values);
  const report = period.report;
  const action = periodAction(period, canReport);
  const unit = task.targetUnit ?? "";

  return (
    <Card
      size="small"
      data-testid="report-period"
      data-period={period.key}
      style={{ marginBottom: 8 }}
      title={
        <Space wrap size={[8, 0]}>
          <h3 style={{ fontSize: 15, fontWeight: 600, margin: 0 }} data-testid="report-period-name">
            {name}
          </h3>
          <PeriodStateTag state={period.state} />
          {report && <ReportStatusTag status={report.status} />}
        </Space>
      }
      extra={
        action && (
          <Button
            type={
              action === "resubmit" || period.state === "late" || period.state === "due"
                ? "primary"
                : "default"
            }
            size="small"
            icon={action === "resubmit" ? <EditOutlined /> : <SendOutlined />}
            onClick={() => onReport(period.key)}
            data-testid={action === "resubmit" ? "report-resubmit" : "report-open-form"}
            aria-label={`${action === "resubmit" ? t("taskReports.form.resend") : t("taskReports.form.open")}: ${name}`}
          >
            {action === "resubmit" ? t("taskReports.form.resend") : t("taskReports.form.open")}
          </Button>
        )
      }
    >
      <div className="muted" style={{ fontSize: 13 }}>
        {period.key !== "final" && `${formatDate(period.start)} – ${formatDate(period.end)} · `}
        <DueNote period={period} today={today} />
      </div>
      {report && (
        <div style={{ marginTop: 8 }} data-testid="report-body">
          <Progress
            percent={report.percent}
            size="small"
            format={(value) => formatPercent(value ?? 0)}
            aria-label={t("taskReports.report.percent", { n: formatNumber(report.percent) })}
            style={{ maxWidth: 360, marginBottom: 4 }}
            data-testid="report-percent-value"
          />
          {report.actualValue !== null && (
            <div data-testid="report-actual">
              {t("taskReports.report.actual")}:{" "}
              <strong>
                {formatNumber(report.actualValue)}
                {task.targetValue !== null ? ` / ${formatNumber(task.targetValue)}` : ""} {unit}
              </strong>
            </div>
          )}
          {report.completedOn && (
            <div data-testid="report-completed-on-value">
              {t("taskReports.report.completedOn")}: <strong>{formatDate(report.completedOn)}</strong>
            </div>
          )}
          {report.narrative && (
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", marginTop: 4, marginBottom: 4 }}
              ellipsis={{
                rows: 4,
                expandable: "collapsible",
                symbol: (open) => (open ? t("taskReports.report.less") : t("taskReports.report.more")),
              }}
              data-testid="report-narrative-text"
            >
              {report.narrative}
            </Typography.Paragraph>
          )}
          <ReportHistory report={report} />
          <EvidenceFiles report={report} />
          {report.canReview && report.status === "submitted" && (
            <div style={{ marginTop: 8 }}>
              <ReviewActions
                taskId={task.id}
                reportId={report.id}
                version={report.version}
                subject={t("taskReports.review.subject", { period: name, task: task.title })}
              />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
