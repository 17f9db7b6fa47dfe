// What the figures cover, in words: the organisation, the plan or directive, the period, the day the
// statuses are computed for, and which tasks are counted ("cách tính").
import type { RollupScope } from "@namro/contracts";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/dates.ts";
import { HowComputed } from "./HowComputed.tsx";

export function ScopeCaption({ scope, testId }: { scope: RollupScope; testId: string }) {
  const { t } = useTranslation();
  const parts = [scope.orgName];
  if (scope.plan) parts.push(`${t("taskDashboard.filters.plan")} ${scope.plan.symbol ?? scope.plan.subject}`);
  if (scope.directive)
    parts.push(
      t("taskDashboard.caption.directive", {
        name: scope.directive.symbol ?? scope.directive.subject,
        plans: scope.directive.plans,
      }),
    );
  if (scope.from || scope.to)
    parts.push(
      t("taskDashboard.caption.period", {
        from: scope.from ? formatDate(scope.from) : "…",
        to: scope.to ? formatDate(scope.to) : "…",
      }),
    );
  parts.push(t("taskDashboard.caption.asOf", { date: formatDate(scope.today) }));
  parts.push(t(`taskDashboard.formula.${scope.formula}`));
  const rule = scope.periodRule
    ? {
        vi: `${scope.countingRule.vi}\n\n${scope.periodRule.vi}`,
        en: `${scope.countingRule.en}\n\n${scope.periodRule.en}`,
      }
    : scope.countingRule;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={testId}>
      {parts.join(" · ")}{" "}
      <HowComputed explanation={rule} figure={t("taskDashboard.caption.counted")} testId={`${testId}-how`} />
    </Typography.Paragraph>
  );
}
