// "Thống kê đảng viên": the members of a subtree counted by status, sex, age, education, theory level,
// ethnicity, religion (when the person may see it) and years of membership; admissions and losses per
// period; posts and concurrent posts. Each chart has a table under it with the exact numbers.
import { DownloadOutlined } from "@ant-design/icons";
import {
  type MemberStatistics,
  type MemberStatisticsQuery,
  memberStatisticsRoutes,
  type StatisticsPeriod,
} from "@namro/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Select,
  Skeleton,
  Statistic,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentScope } from "../../app/scope.ts";
import { apiCall, buildQuery } from "../../lib/api.ts";
import {
  DATE_FORMAT,
  formatDate,
  formatNumber,
  fromIsoDate,
  isAfterToday,
  toIsoDate,
} from "../../lib/dates.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { type ChartOption, type SeriesOption, StatisticsChart } from "./StatisticsChart.tsx";
import { type CountRow, FlowsTable, PostsTable, StatisticsTable } from "./StatisticsTables.tsx";
import { patchStatisticsSearch } from "./statistics-search.ts";

const PERIODS: StatisticsPeriod[] = ["year", "quarter", "month"];
const TOP_ETHNICITIES = 10;

type Query = Partial<Pick<MemberStatisticsQuery, "orgId" | "asOf" | "from" | "to">> & {
  period: StatisticsPeriod;
};

const shareFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** A share already in percent, written the Vietnamese way ("37,9 %"). */
function shareText(value: number): string {
  return `${shareFormat.format(value)} %`;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return "0 %";
  return shareText((part / whole) * 100);
}

function barOption(rows: CountRow[], options: { horizontal?: boolean; name: string }): ChartOption {
  const labels = rows.map((row) => row.label);
  const values = rows.map((row) => row.count);
  const category = {
    type: "category" as const,
    data: labels,
    axisLabel: { interval: 0, width: 110, overflow: "truncate" as const },
  };
  const value = {
    type: "value" as const,
    minInterval: 1,
    axisLabel: { formatter: (v: number) => formatNumber(v) },
  };
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: (v) => formatNumber(Number(v)) },
    xAxis: options.horizontal
      ? value
      : { ...category, axisLabel: { ...category.axisLabel, rotate: labels.length > 4 ? 30 : 0 } },
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: "bar", name: options.name, data: values, barMaxWidth: 36 }],
  };
}

function pieOption(rows: CountRow[], name: string): ChartOption {
  return {
    tooltip: { trigger: "item", valueFormatter: (v) => formatNumber(Number(v)) },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        name,
        radius: ["35%", "65%"],
        center: ["50%", "45%"],
        label: { formatter: (params: { percent?: number }) => shareText(params.percent ?? 0) },
        data: rows.map((row) => ({ name: row.label, value: row.count })),
      },
    ],
  };
}

/** Card titles are the page's second-level headings (screen readers list them). */
function CardTitle({ children }: { children: string }) {
  return <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>{children}</h2>;
}

function ChartCard({
  title,
  option,
  rows,
  total,
  testId,
  height,
}: {
  title: string;
  option: ChartOption;
  rows: CountRow[];
  total: number;
  testId: string;
  height?: number;
}) {
  return (
    <Card title={<CardTitle>{title}</CardTitle>} size="small" data-testid={testId}>
      <StatisticsChart option={option} label={title} {...(height ? { height } : {})} />
      <StatisticsTable rows={rows} total={total} caption={title} />
    </Card>
  );
}

export function MemberStatisticsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const scope = useCurrentScope();
  const allowed = hasPermission(me, "member.read");
  const search = useSearch({ from: "/shell/member-statistics" });
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);

  // A first visit starts from the organisation the person is working in.
  const fresh = Object.keys(search).length === 0;
  useEffect(() => {
    if (fresh && scope)
      void navigate({ to: "/member-statistics", search: { orgId: scope, period: "year" }, replace: true });
  }, [fresh, scope, navigate]);

  const query: Query = { ...search, period: search.period ?? "year" };
  const stats = useQuery({
    queryKey: ["member-statistics", query],
    queryFn: () => apiCall(memberStatisticsRoutes.getMemberStatistics, { query }),
    placeholderData: keepPreviousData,
    enabled: allowed && !(fresh && scope),
  });

  const update = (patch: Partial<Query>) =>
    void navigate({
      to: "/member-statistics",
      search: patchStatisticsSearch({ ...search, period: query.period }, patch),
      replace: true,
    });

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const name = await downloadFile(
        memberStatisticsRoutes.exportMemberStatistics.path + buildQuery({ ...query }),
        "thong-ke-dang-vien.xlsx",
      );
      message.success(t("memberStatistics.exported", { name }));
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setExporting(false);
    }
  };

  if (!allowed) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  return (
    <div data-testid="member-statistics-page">
      <PageHeader title={t("memberStatistics.title")} titleTestId="member-statistics-title">
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportWorkbook()}
          disabled={!stats.data}
          data-testid="member-statistics-export"
        >
          {t("memberStatistics.export")}
        </Button>
      </PageHeader>

      <Form layout="vertical">
        <Row gutter={[12, 0]}>
          <Col xs={24} md={12} lg={8}>
            <Form.Item label={t("memberStatistics.scope")} htmlFor="statistics-org">
              <OrgPicker
                id="statistics-org"
                testId="member-statistics-org"
                asOf={query.asOf}
                suggestRoleOrgs
                allowClear
                placeholder={t("memberStatistics.wholeScope")}
                ariaLabel={t("memberStatistics.scope")}
                value={query.orgId}
                knownLabels={
                  stats.data?.orgId && stats.data.orgName ? { [stats.data.orgId]: stats.data.orgName } : {}
                }
                onChange={(id) => update({ orgId: id })}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label={t("memberStatistics.asOf")} htmlFor="statistics-as-of">
              <DatePicker
                id="statistics-as-of"
                data-testid="member-statistics-as-of"
                format={DATE_FORMAT}
                placeholder={t("memberStatistics.today")}
                disabledDate={isAfterToday}
                value={query.asOf ? fromIsoDate(query.asOf) : null}
                onChange={(value: Dayjs | null) => update({ asOf: value ? toIsoDate(value) : undefined })}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label={t("memberStatistics.period")} htmlFor="statistics-period">
              <Select
                id="statistics-period"
                data-testid="member-statistics-period"
                value={query.period}
                options={PERIODS.map((value) => ({ value, label: t(`memberStatistics.periods.${value}`) }))}
                onChange={(period: StatisticsPeriod) => update({ period })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item label={t("memberStatistics.window")} htmlFor="statistics-window">
              <DatePicker.RangePicker
                id={{ start: "statistics-window" }}
                format={DATE_FORMAT}
                allowEmpty={[true, true]}
                disabledDate={isAfterToday}
                placeholder={[t("memberStatistics.windowFrom"), t("memberStatistics.windowTo")]}
                value={[query.from ? fromIsoDate(query.from) : null, query.to ? fromIsoDate(query.to) : null]}
                onChange={(values) =>
                  update({
                    from: values?.[0] ? toIsoDate(values[0]) : undefined,
                    to: values?.[1] ? toIsoDate(values[1]) : undefined,
                  })
                }
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      {stats.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(stats.error, t)}
          action={<Button onClick={() => void stats.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      {stats.isPending && !stats.isError && <Skeleton active paragraph={{ rows: 8 }} />}
      {stats.data && <StatisticsBody statistics={stats.data} language={i18n.language} />}
    </div>
  );
}

function StatisticsBody({ statistics, language }: { statistics: MemberStatistics; language: string }) {
  const { t } = useTranslation();
  const total = statistics.totals.members;
  const english = language.startsWith("en");

  const charts = useMemo(() => {
    const rowsOf = (items: { key: string; count: number }[], name: (key: string) => string): CountRow[] =>
      items.map((item) => ({ key: item.key, label: name(item.key), count: item.count }));
    const status = rowsOf(statistics.byStatus, (key) => t(`members.status.${key}`));
    const sex = rowsOf(statistics.bySex, (key) => t(`members.sex.${key}`));
    const age = rowsOf(statistics.byAgeBand, (key) => t(`members.ageBand.${key}`));
    const theory = rowsOf(statistics.byTheoryLevel, (key) => t(`members.theory.${key}`));
    const education = rowsOf(statistics.byEducation, (key) => t(`members.education.${key}`));
    const years = rowsOf(statistics.byMembershipYears, (key) => t(`memberStatistics.years.${key}`));
    const ethnicityAll = rowsOf(statistics.byEthnicity, (key) => key);
    const ethnicityTop = ethnicityAll.slice(0, TOP_ETHNICITIES);
    const ethnicityRest =
      ethnicityAll.slice(TOP_ETHNICITIES).reduce((sum, row) => sum + row.count, 0) +
      statistics.ethnicityOther;
    const ethnicity =
      ethnicityRest > 0
        ? [...ethnicityTop, { key: "__other", label: t("memberStatistics.other"), count: ethnicityRest }]
        : ethnicityTop;
    const religion = statistics.byReligion
      ? [
          ...rowsOf(statistics.byReligion, (key) => key),
          ...(statistics.religionOther
            ? [{ key: "__other", label: t("memberStatistics.other"), count: statistics.religionOther }]
            : []),
        ]
      : null;
    return { status, sex, age, theory, education, years, ethnicity, religion };
  }, [statistics, t]);

  const flowsOption = useMemo<ChartOption>(() => {
    const items = statistics.flows.items;
    const series = (name: string, data: number[], type: "bar" | "line"): SeriesOption =>
      type === "bar" ? { name, type, data, barMaxWidth: 28 } : { name, type, data };
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v) => formatNumber(Number(v)) },
      xAxis: { type: "category", data: items.map((item) => item.key) },
      yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        series(
          t("memberStatistics.admissions"),
          items.map((item) => item.admissions),
          "bar",
        ),
        series(
          t("memberStatistics.losses"),
          items.map((item) => item.lossesTotal),
          "bar",
        ),
        series(
          t("memberStatistics.transfersIn"),
          items.map((item) => item.transfersIn),
          "line",
        ),
        series(
          t("memberStatistics.transfersOut"),
          items.map((item) => item.transfersOut),
          "line",
        ),
      ],
    };
  }, [statistics, t]);

  const statusTotal = statistics.byStatus.reduce((sum, item) => sum + item.count, 0);
  const { totals } = statistics;
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="member-statistics-caption">
        {t("memberStatistics.caption", {
          scope: statistics.orgName ?? t("memberStatistics.wholeScope"),
          date: formatDate(statistics.referenceDate),
        })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="member-statistics-totals">
        {[
          {
            key: "members",
            title: t("memberStatistics.totals.members"),
            value: formatNumber(totals.members),
          },
          {
            key: "probationary",
            title: t("memberStatistics.totals.probationary"),
            value: formatNumber(totals.probationary),
          },
          { key: "full", title: t("memberStatistics.totals.full"), value: formatNumber(totals.full) },
          {
            key: "female",
            title: t("memberStatistics.totals.female"),
            value: percent(totals.female, totals.members),
          },
          {
            key: "under31",
            title: t("memberStatistics.totals.under31"),
            value: percent(totals.under31, totals.members),
          },
        ].map((card) => (
          <Col key={card.key} xs={12} sm={8} lg={4}>
            <Card size="small" data-testid={`member-statistics-total-${card.key}`}>
              <Statistic title={card.title} value={card.value} />
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byStatus")}
            option={barOption(charts.status, { name: t("memberStatistics.count") })}
            rows={charts.status}
            total={statusTotal}
            testId="member-statistics-status"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.bySex")}
            option={pieOption(charts.sex, t("memberStatistics.bySex"))}
            rows={charts.sex}
            total={total}
            testId="member-statistics-sex"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byAgeBand")}
            option={barOption(charts.age, { name: t("memberStatistics.count") })}
            rows={charts.age}
            total={total}
            testId="member-statistics-age"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byMembershipYears")}
            option={barOption(charts.years, { name: t("memberStatistics.count") })}
            rows={charts.years}
            total={total}
            testId="member-statistics-years"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byTheoryLevel")}
            option={barOption(charts.theory, { name: t("memberStatistics.count") })}
            rows={charts.theory}
            total={total}
            testId="member-statistics-theory"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byEducation")}
            option={barOption(charts.education, { name: t("memberStatistics.count") })}
            rows={charts.education}
            total={total}
            testId="member-statistics-education"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("memberStatistics.byEthnicity")}
            option={barOption(charts.ethnicity, { horizontal: true, name: t("memberStatistics.count") })}
            rows={charts.ethnicity}
            total={total}
            height={Math.max(200, charts.ethnicity.length * 28)}
            testId="member-statistics-ethnicity"
          />
        </Col>
        <Col xs={24} lg={12}>
          {charts.religion ? (
            <ChartCard
              title={t("memberStatistics.byReligion")}
              option={pieOption(charts.religion, t("memberStatistics.byReligion"))}
              rows={charts.religion}
              total={total}
              testId="member-statistics-religion"
            />
          ) : (
            <Card
              size="small"
              title={<CardTitle>{t("memberStatistics.byReligion")}</CardTitle>}
              data-testid="member-statistics-religion-hidden"
            >
              <Alert type="info" showIcon title={t("memberStatistics.religionHidden")} />
            </Card>
          )}
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={<CardTitle>{t("memberStatistics.flows")}</CardTitle>}
            data-testid="member-statistics-flows"
          >
            <Typography.Paragraph type="secondary">
              {t("memberStatistics.flowsNote", {
                from: formatDate(statistics.flows.from),
                to: formatDate(statistics.flows.to),
              })}
            </Typography.Paragraph>
            <StatisticsChart option={flowsOption} label={t("memberStatistics.flows")} height={300} />
            <FlowsTable flows={statistics.flows} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={<CardTitle>{t("memberStatistics.posts")}</CardTitle>}
            data-testid="member-statistics-posts"
          >
            <PostsTable statistics={statistics} english={english} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
