// Refresh now, and when the figures were last read (they are also read again every minute).
import { ReloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

export function RefreshControls({
  fetching,
  updatedAt,
  onRefresh,
  testIdPrefix,
}: {
  fetching: boolean;
  updatedAt: number;
  onRefresh: () => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        icon={<ReloadOutlined />}
        loading={fetching}
        onClick={onRefresh}
        data-testid={`${testIdPrefix}-refresh`}
      >
        {t("taskDashboard.refresh")}
      </Button>
      {updatedAt > 0 && (
        <span className="muted" data-testid={`${testIdPrefix}-updated-at`}>
          {t("taskDashboard.updatedAt", { time: dayjs(updatedAt).format("HH:mm") })}
        </span>
      )}
    </>
  );
}
