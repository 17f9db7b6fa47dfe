// The task's progress reports (its "Báo cáo tiến độ" tab): how often it reports, the periods that have
// started (newest first) with their due day and late marks, each period's report and its review, and
// the form to report or send a returned report again.
import { SendOutlined } from "@ant-design/icons";
import type { TaskDetail } from "@namro/contracts";
import { Alert, Button, Empty, Skeleton, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/dates.ts";
import { errorText } from "../../../lib/errors.ts";
import { ReportFormDrawer } from "./ReportFormDrawer.tsx";
import { ReportPeriodCard } from "./ReportPeriodCard.tsx";
import { periodAction } from "./report-form.ts";
import { firstActionablePeriod } from "./report-order.ts";
import { useTaskReports } from "./report-queries.ts";

export function TaskReportsPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const reports = useTaskReports(task.id);
  const [formPeriod, setFormPeriod] = useState<string | null>(null);

  if (reports.isError && !reports.data)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(reports.error, t)}
        action={<Button onClick={() => void reports.refetch()}>{t("common.retry")}</Button>}
      />
    );
  if (!reports.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const overview = reports.data;
  const actionable = overview.periods.filter((period) => periodAction(period, overview.canReport) !== null);
  const first = firstActionablePeriod(overview.periods, overview.canReport);
  // A task split among subordinate units takes its progress from them; say so instead of "no period".
  const fromChildren = overview.blockedReason === "has_children" || task.hasChildren;
  const noPeriods = overview.periods.length === 0;

  return (
    <div data-testid="task-reports" className="touch-page">
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <span data-testid="task-reports-frequency">
          {t(`taskReports.frequency.${overview.reportFrequency ?? "once"}`)}
        </span>
        {overview.lateCount > 0 && (
          <Tag color="red" data-testid="task-reports-late-count">
            {t("taskReports.summary.late", { n: formatNumber(overview.lateCount) })}
          </Tag>
        )}
        {overview.dueCount > 0 && (
          <Tag color="gold" data-testid="task-reports-due-count">
            {t("taskReports.summary.due", { n: formatNumber(overview.dueCount) })}
          </Tag>
        )}
        {overview.awaitingReviewCount > 0 && (
          <Tag color="processing" data-testid="task-reports-awaiting-count">
            {t("taskReports.summary.awaiting", { n: formatNumber(overview.awaitingReviewCount) })}
          </Tag>
        )}
        {first && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setFormPeriod(first.key)}
            data-testid="task-report-new"
          >
            {t("taskReports.form.open")}
          </Button>
        )}
      </Space>
      {overview.blockedReason &&
        overview.blockedReason !== "not_allowed" &&
        !(noPeriods && overview.blockedReason === "has_children") && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`taskReports.blocked.${overview.blockedReason}`)}
            data-testid="task-reports-blocked"
          />
        )}
      {noPeriods ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(fromChildren ? "taskReports.noPeriodsFromChildren" : "taskReports.noPeriods")}
          data-testid="task-reports-empty"
        />
      ) : (
        <section aria-label={t("taskReports.periodsLabel")}>
          {overview.periods.map((period) => (
            <ReportPeriodCard
              key={period.key}
              task={task}
              period={period}
              today={overview.today}
              canReport={overview.canReport}
              onReport={setFormPeriod}
            />
          ))}
        </section>
      )}
      {formPeriod !== null && (
        <ReportFormDrawer
          task={task}
          periods={actionable}
          periodKey={formPeriod}
          today={overview.today}
          open
          onClose={() => setFormPeriod(null)}
        />
      )}
    </div>
  );
}
