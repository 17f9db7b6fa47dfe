// "View the structure as of a date": a past date changes every organisation view on the page, and the
// page says so clearly, with a way back to today.
import { HistoryOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Space } from "antd";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, formatDate, fromIsoDate, isAfterToday, toIsoDate } from "../../lib/dates.ts";

interface Props {
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}

export function AsOfPicker({ asOf, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <label htmlFor="as-of-date" className="muted">
        <HistoryOutlined /> {t("asOf.label")}
      </label>
      <DatePicker
        id="as-of-date"
        data-testid="as-of-picker"
        format={DATE_FORMAT}
        value={asOf ? fromIsoDate(asOf) : null}
        disabledDate={isAfterToday}
        placeholder={t("asOf.today")}
        allowClear
        onChange={(value) => onChange(value ? toIsoDate(value) : undefined)}
      />
    </Space>
  );
}

export function AsOfNotice({ asOf, onChange }: Props) {
  const { t } = useTranslation();
  if (!asOf) return null;
  return (
    <Alert
      data-testid="as-of-notice"
      type="warning"
      showIcon
      icon={<HistoryOutlined />}
      style={{ marginBottom: 12 }}
      title={t("asOf.viewing", { date: formatDate(asOf) })}
      description={t("asOf.viewingHint")}
      action={
        <Button size="small" onClick={() => onChange(undefined)} data-testid="as-of-today">
          {t("asOf.backToToday")}
        </Button>
      }
    />
  );
}
