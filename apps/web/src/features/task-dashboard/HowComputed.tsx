// "Cách tính": how a figure was computed (the inputs and the formula, written out by the server), in a
// popover opened by a button — keyboard and screen readers reach it like any button.
import { CalculatorOutlined } from "@ant-design/icons";
import { Button, Popover } from "antd";
import { useTranslation } from "react-i18next";
import { localized } from "./rollup-figures.ts";

export function HowComputed({
  explanation,
  figure,
  testId,
}: {
  explanation: { vi: string; en: string };
  /** What the figure is ("Tiến độ chung"), named in the button for screen readers. */
  figure: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Popover
      trigger="click"
      title={t("taskDashboard.howComputed.title", { figure })}
      content={
        <div
          style={{ maxWidth: 360, whiteSpace: "pre-wrap" }}
          data-testid={testId ? `${testId}-text` : undefined}
        >
          {localized(explanation, i18n.language)}
        </div>
      }
    >
      <Button
        type="link"
        size="small"
        icon={<CalculatorOutlined />}
        style={{ paddingInline: 0 }}
        aria-label={t("taskDashboard.howComputed.label", { figure })}
        data-testid={testId}
      >
        {t("taskDashboard.howComputed.button")}
      </Button>
    </Popover>
  );
}
