// Small tags: where a reporting period stands, and where its report stands in review.
import type { TaskReportPeriodState, TaskReportStatus } from "@namro/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const PERIOD_COLORS: Record<TaskReportPeriodState, string> = {
  reported: "green",
  returned: "orange",
  open: "blue",
  due: "gold",
  late: "red",
  missed: "volcano",
};

const REPORT_COLORS: Record<TaskReportStatus, string> = {
  submitted: "processing",
  returned: "warning",
  accepted: "success",
};

export function PeriodStateTag({ state }: { state: TaskReportPeriodState }) {
  const { t } = useTranslation();
  return (
    <Tag color={PERIOD_COLORS[state]} data-testid="period-state" data-state={state}>
      {t(`taskReports.periodState.${state}`)}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: TaskReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REPORT_COLORS[status]} data-testid="report-status" data-status={status}>
      {t(`taskReports.status.${status}`)}
    </Tag>
  );
}
