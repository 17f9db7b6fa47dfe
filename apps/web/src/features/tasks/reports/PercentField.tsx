// Progress in percent: a slider for a finger and a number box for exact values, kept in step (0–100).
import { InputNumber, Slider } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
}

export function PercentField({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const current = value ?? 0;
  const set = (next: number | null) => {
    if (next === null || Number.isNaN(next)) return;
    onChange?.(Math.min(100, Math.max(0, next)));
  };
  return (
    <div style={{ display: "flex", gap: 12, alignItems: "center", flexWrap: "wrap" }}>
      <Slider
        min={0}
        max={100}
        step={1}
        value={current}
        onChange={set}
        tooltip={{ formatter: (v) => `${v ?? 0} %` }}
        style={{ flex: "1 1 180px", minWidth: 160 }}
        // The handle is what keyboards and screen readers reach (arrow keys move it by 1 %).
        ariaLabelForHandle={t("taskReports.form.percentSlider")}
      />
      <InputNumber<number>
        {...(id ? { id } : {})}
        min={0}
        max={100}
        step={1}
        decimalSeparator=","
        value={current}
        onChange={set}
        suffix="%"
        style={{ width: 120 }}
        aria-label={t("taskReports.form.percent")}
        data-testid="report-percent"
      />
    </div>
  );
}
