// The headline figures of a set of tasks: how many, overall progress and the on-time rate (each with
// how it was computed), how many are overdue; optional extra cards (due soon, awaiting review); and what
// they count (tasks carried out directly), since the task list counts more.
import type { RollupFigures } from "@namro/contracts";
import { Card, Col, Row, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { HowComputed } from "./HowComputed.tsx";
import { percentText, STATUS_COLORS } from "./rollup-figures.ts";

export interface ExtraCard {
  key: string;
  title: string;
  value: string;
  color?: string | undefined;
  footer?: ReactNode;
}

export function FigureCards({ figures, extra = [] }: { figures: RollupFigures; extra?: ExtraCard[] }) {
  const { t } = useTranslation();
  const progressTitle = t("taskDashboard.figures.progress");
  const onTimeTitle = t("taskDashboard.figures.onTimeRate");
  const cards: ExtraCard[] = [
    { key: "total", title: t("taskDashboard.figures.total"), value: formatNumber(figures.counts.total) },
    {
      key: "progress",
      title: progressTitle,
      value: percentText(figures.progress.value),
      footer: (
        <HowComputed
          explanation={figures.progress.explanation}
          figure={progressTitle}
          testId="how-progress"
        />
      ),
    },
    {
      key: "on-time",
      title: onTimeTitle,
      value: percentText(figures.onTimeRate.value),
      footer: (
        <HowComputed explanation={figures.onTimeRate.explanation} figure={onTimeTitle} testId="how-on-time" />
      ),
    },
    {
      key: "overdue",
      title: t("taskDashboard.figures.overdue"),
      value: formatNumber(figures.counts.overdue),
      color: figures.counts.overdue > 0 ? STATUS_COLORS.overdue : undefined,
    },
    ...extra,
  ];
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 4 }} data-testid="figure-cards">
        {cards.map((card) => (
          <Col key={card.key} xs={12} sm={8} lg={Math.max(4, Math.floor(24 / cards.length))}>
            <Card size="small" style={{ height: "100%" }} data-testid={`figure-${card.key}`}>
              <Statistic
                title={card.title}
                value={card.value}
                styles={card.color ? { content: { color: card.color } } : {}}
              />
              {card.footer}
            </Card>
          </Col>
        ))}
      </Row>
      {/* Roll-ups count leaves only: say so, or the list's larger numbers look like an error. */}
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 13, marginBottom: 12 }}
        data-testid="figure-leaf-note"
      >
        {t("taskDashboard.leafNote")}
      </Typography.Paragraph>
    </>
  );
}
