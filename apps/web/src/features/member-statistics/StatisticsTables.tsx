// The exact numbers under each chart: plain tables that screen readers read and keyboards reach,
// numbers in Vietnamese style (1.234), shares to one decimal.
import { MemberLossKindSchema, type MemberStatistics } from "@namro/contracts";
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

const shareFormat = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function share(count: number, total: number): string {
  return total > 0 ? `${shareFormat.format((count / total) * 100)} %` : "–";
}

export function StatisticsTable({
  rows,
  total,
  caption,
}: {
  rows: CountRow[];
  total: number;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<CountRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      aria-label={caption}
      columns={[
        { title: t("memberStatistics.category"), dataIndex: "label" },
        {
          title: t("memberStatistics.count"),
          dataIndex: "count",
          align: "right",
          render: (value: number) => formatNumber(value),
        },
        {
          title: t("memberStatistics.share"),
          key: "share",
          align: "right",
          render: (_, row) => share(row.count, total),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t("memberStatistics.total")}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>
              {formatNumber(rows.reduce((sum, row) => sum + row.count, 0))}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      )}
    />
  );
}

type FlowRow = MemberStatistics["flows"]["items"][number];

export function FlowsTable({ flows }: { flows: MemberStatistics["flows"] }) {
  const { t } = useTranslation();
  const number = (value: number) => formatNumber(value);
  return (
    <Table<FlowRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={flows.items}
      scroll={{ x: "max-content" }}
      aria-label={t("memberStatistics.flows")}
      columns={[
        { title: t("memberStatistics.periodColumn"), dataIndex: "key", fixed: "left" },
        { title: t("memberStatistics.admissions"), dataIndex: "admissions", align: "right", render: number },
        ...MemberLossKindSchema.options.map((kind) => ({
          title: t(`memberStatistics.loss.${kind}`),
          key: kind,
          align: "right" as const,
          render: (_: unknown, row: FlowRow) => number(row.losses[kind]),
        })),
        { title: t("memberStatistics.losses"), dataIndex: "lossesTotal", align: "right", render: number },
        {
          title: t("memberStatistics.transfersIn"),
          dataIndex: "transfersIn",
          align: "right",
          render: number,
        },
        {
          title: t("memberStatistics.transfersOut"),
          dataIndex: "transfersOut",
          align: "right",
          render: number,
        },
      ]}
    />
  );
}

interface PostRow {
  key: string;
  label: string;
  count: number;
  combination: boolean;
}

export function PostsTable({ statistics, english }: { statistics: MemberStatistics; english: boolean }) {
  const { t } = useTranslation();
  const name = (item: { nameVi: string; nameEn: string }) => (english ? item.nameEn : item.nameVi);
  const rows: PostRow[] = [
    ...statistics.postCombinations.map((combo) => ({
      key: `combo:${combo.code}`,
      label: name(combo),
      count: combo.count,
      combination: true,
    })),
    ...statistics.posts
      .filter((post) => post.count > 0)
      .map((post) => ({ key: post.postType, label: name(post), count: post.count, combination: false })),
  ];
  return (
    <Table<PostRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      aria-label={t("memberStatistics.posts")}
      columns={[
        {
          title: t("memberStatistics.post"),
          dataIndex: "label",
          render: (label: string, row) =>
            row.combination ? (
              <span>
                {label}{" "}
                <Typography.Text type="secondary">({t("memberStatistics.concurrent")})</Typography.Text>
              </span>
            ) : (
              label
            ),
        },
        {
          title: t("memberStatistics.memberCount"),
          dataIndex: "count",
          align: "right",
          render: (value: number) => formatNumber(value),
        },
      ]}
    />
  );
}
